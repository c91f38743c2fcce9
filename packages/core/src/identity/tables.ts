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
  columns: [col('customer_a', 'string'), col('customer_b', 'string'), col('merge_id', 'string'), col('created_at', 'timestamp')],
};
