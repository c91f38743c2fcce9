import { col, type TableDef } from '../schema/table.ts';
import { CUSTOMERS } from '../schema/tables.ts';

/** Every source record resolved so far, so a re-imported record lands where it landed before. */
export const PERSON_RECORDS: TableDef = {
  name: 'person_records',
  key: ['record_id'],
  columns: [
    col('record_id', 'string'),
    col('customer_id', 'string'),
    col('origin_customer_id', 'string'),
    col('channel', 'string'),
    col('first_seen_at', 'timestamp'),
    col('last_seen_at', 'timestamp'),
  ],
};

/**
 * Profile fields of the latest version of each source record (migration 4), so a customer's
 * profile can always be rebuilt from its records: after a merge, and after an unmerge.
 */
export const PERSON_RECORD_PROFILE_COLUMNS = [
  col('name', 'string', true),
  col('phone', 'string', true),
  col('email', 'string', true),
  col('birthday_md', 'string', true),
  col('birth_year', 'int', true),
  col('birthday_lunar', 'bool', true),
  col('gender', 'string', true),
  col('grade', 'string', true),
  col('member_id', 'string', true),
  col('joined_at', 'timestamp', true),
  col('last_login_at', 'timestamp', true),
  col('attributes', 'json', true),
] as const;

/** The winner's and the loser's profile rows as they were just before a merge (for unmerge). */
export const MERGE_SNAPSHOTS: TableDef = {
  name: 'merge_snapshots',
  key: ['merge_id', 'role'],
  columns: [col('merge_id', 'string'), col('role', 'string'), ...CUSTOMERS.columns],
};

/** Pairs of customers an operator separated; the resolver never merges them again. */
export const NEVER_MERGE: TableDef = {
  name: 'never_merge',
  key: ['customer_a', 'customer_b'],
  columns: [
    col('customer_a', 'string'),
    col('customer_b', 'string'),
    col('merge_id', 'string'),
    col('created_at', 'timestamp'),
  ],
};
