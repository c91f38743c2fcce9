import type { PersonRecord } from '@dalbit/core/ingest/records';
import { col } from '@dalbit/core/schema/table';
import type { Engine } from '../engines/engine.ts';
import { expectCount } from './expect-count.ts';

/** Session-local staging tables; names are fixed, the import holds the connection. */
export const STAGE = {
  records: 'id_stage_records',
  keys: 'id_stage_keys',
  assign: 'id_stage_assign',
  merges: 'id_stage_merges',
} as const;

const RECORD_COLUMNS = [
  'rec',
  'record_id',
  'channel',
  'seen_at',
  'name',
  'phone',
  'email',
  'birthday_md',
  'birth_year',
  'birthday_lunar',
  'gender',
  'grade',
  'member_id',
  'joined_at',
  'last_login_at',
  'attributes',
] as const;

const s = (name: string) => col(name, 'string');
const opt = (name: string, type: 'string' | 'int' | 'bool' | 'timestamp' = 'string') => col(name, type, true);

export async function createStages(engine: Engine): Promise<void> {
  const { tempTable } = engine.dialect.write;
  await engine.exec(
    tempTable(STAGE.records, [
      col('rec', 'int'),
      s('record_id'),
      s('channel'),
      col('seen_at', 'timestamp'),
      ...['name', 'phone', 'email', 'birthday_md'].map((n) => opt(n)),
      opt('birth_year', 'int'),
      opt('birthday_lunar', 'bool'),
      ...['gender', 'grade', 'member_id'].map((n) => opt(n)),
      opt('joined_at', 'timestamp'),
      opt('last_login_at', 'timestamp'),
      opt('attributes'),
    ]),
  );
  await engine.exec(tempTable(STAGE.keys, [col('rec', 'int'), s('kind'), s('value'), col('mergeable', 'bool')]));
  await engine.exec(tempTable(STAGE.assign, [col('rec', 'int'), s('customer_id'), s('origin_customer_id')]));
  await engine.exec(
    tempTable(STAGE.merges, [s('merge_id'), s('winner_id'), s('loser_id'), s('reason_kind'), s('reason_value')]),
  );
}

export async function dropStages(engine: Engine): Promise<void> {
  for (const t of Object.values(STAGE)) await engine.exec(`DROP TABLE IF EXISTS ${t}`);
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined || v === '' ? null : v);

/** Stages the batch (in the plan's canonical order) and every key it carries, once. */
export async function stageRecords(engine: Engine, records: readonly PersonRecord[]): Promise<void> {
  const rows: unknown[][] = new Array(records.length);
  const keyRows: unknown[][] = [];
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as PersonRecord;
    rows[i] = [
      i,
      r.recordId,
      r.channel,
      r.seenAt,
      orNull(r.name),
      orNull(r.phone),
      orNull(r.email),
      orNull(r.birthdayMd),
      orNull(r.birthYear),
      orNull(r.birthdayLunar),
      orNull(r.gender),
      orNull(r.grade),
      orNull(r.memberId),
      orNull(r.joinedAt),
      orNull(r.lastLoginAt),
      r.attributes && Object.keys(r.attributes).length > 0 ? JSON.stringify(r.attributes) : null,
    ];
    for (const k of r.keys) keyRows.push([i, k.kind, k.value, k.mergeable]);
  }
  await engine.insert(STAGE.records, RECORD_COLUMNS, rows);
  await engine.insert(STAGE.keys, ['rec', 'kind', 'value', 'mergeable'], keyRows);
  await expectCount(engine, `SELECT count(*) AS n FROM ${STAGE.records}`, rows.length, 'staging person records');
  await expectCount(engine, `SELECT count(*) AS n FROM ${STAGE.keys}`, keyRows.length, 'staging identity keys');
}
