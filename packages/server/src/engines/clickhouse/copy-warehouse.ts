import { createHash } from 'node:crypto';
import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import { translate } from '@dalbit/core/i18n/catalog';
import { col, type TableDef } from '@dalbit/core/schema/table';
import { type Engine, sql } from '../engine.ts';
import { schemaTables } from '../migrate.ts';

/** Rows read from the source and written to the target per round trip. */
const PAGE_ROWS = 50_000;

/** What `dalbit migrate` has done on the target, per table: an interrupted copy is ours to redo. */
export const MIGRATE_LEDGER: TableDef = {
  name: 'migrate_ledger',
  key: ['table_name'],
  columns: [
    col('table_name', 'string'),
    col('status', 'string'), // 'copying' | 'done'
    col('source_rows', 'int'),
    col('source_checksum', 'string'),
    col('at', 'timestamp'),
  ],
};

/** Tables that are not copied: the target keeps its own ledgers. */
const NOT_COPIED = new Set(['schema_migrations', MIGRATE_LEDGER.name]);

/** The tables `dalbit migrate` copies: every table of the schema but the ledgers. */
export function copiedTables(): TableDef[] {
  return [...schemaTables().values()].filter((t) => !NOT_COPIED.has(t.name));
}

export interface Fingerprint {
  readonly rows: number;
  /** Order-independent: the sum (mod 2^64) of a hash of every row's canonical form, in hex. */
  readonly checksum: string;
}

export type CopyEvent =
  | { kind: 'table'; table: string; index: number; total: number; fingerprint: Fingerprint; skipped: boolean }
  | { kind: 'progress'; table: string; done: number; rows: number };

/** One value in an engine-independent form (timestamps to the millisecond, as both engines read them). */
function canonical(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v ?? null;
}

function rowHash(row: Record<string, unknown>, columns: readonly string[]): bigint {
  const text = JSON.stringify(columns.map((c) => canonical(row[c])));
  return BigInt(`0x${createHash('sha256').update(text).digest('hex').slice(0, 16)}`);
}

/** The SELECT list of a table (dates as text: the engines return them differently). */
function selectList(engine: Engine, t: TableDef): string {
  const q = engine.dialect.quoteIdent;
  return t.columns
    .map((c) => (c.type === 'date' ? `CAST(${q(c.name)} AS VARCHAR) AS ${q(c.name)}` : q(c.name)))
    .join(', ');
}

/**
 * Reads `t` page by page in one total order (by key; by every column when the key does not name one
 * row) and hands each page to `each`; returns the table's fingerprint.
 */
async function readPages(
  engine: Engine,
  t: TableDef,
  each?: (rows: Record<string, unknown>[], done: number) => Promise<void>,
): Promise<Fingerprint> {
  const q = engine.dialect.quoteIdent;
  const names = t.columns.map((c) => c.name);
  const order = (t.appendOnly ? names : t.key).map((c) => `${q(c)} NULLS FIRST`).join(', ');
  let sum = 0n;
  let rows = 0;
  for (;;) {
    const page = await engine.query(
      sql(`SELECT ${selectList(engine, t)} FROM ${q(t.name)} ORDER BY ${order} LIMIT ${PAGE_ROWS} OFFSET ${rows}`),
    );
    for (const r of page) sum = (sum + rowHash(r, names)) % 2n ** 64n;
    rows += page.length;
    if (each && page.length) await each(page, rows);
    if (page.length < PAGE_ROWS) break;
  }
  return { rows, checksum: sum.toString(16).padStart(16, '0') };
}

export function fingerprint(engine: Engine, t: TableDef): Promise<Fingerprint> {
  return readPages(engine, t);
}

function mismatch(table: string, s: Fingerprint, t: Fingerprint): DalbitError {
  const params = {
    table,
    sourceRows: s.rows,
    sourceChecksum: s.checksum,
    targetRows: t.rows,
    targetChecksum: t.checksum,
  };
  return new DalbitError({
    code: 'MIGRATE_MISMATCH',
    kind: 'conflict',
    message: translate('ko', 'migrate.mismatch', params),
    data: params,
  });
}

async function ledgerStatus(target: Engine, table: string): Promise<string | undefined> {
  const q = target.dialect.quoteIdent;
  const rows = await target.query<{ status: string }>(
    sql(
      `SELECT status FROM ${q(MIGRATE_LEDGER.name)} WHERE table_name = ${target.dialect.placeholder(1, 'string')}`,
      [table],
      ['string'],
    ),
  );
  return rows[0]?.status;
}

async function writeLedger(target: Engine, table: string, status: string, f: Fingerprint): Promise<void> {
  await target.insert(
    MIGRATE_LEDGER.name,
    MIGRATE_LEDGER.columns.map((c) => c.name),
    [[table, status, f.rows, f.checksum, new Date()]],
  );
}

/** Copies one table unless the target already holds exactly its rows; verifies the copy. */
async function copyTable(
  source: Engine,
  target: Engine,
  t: TableDef,
  emit: (e: CopyEvent) => void,
  at: { index: number; total: number },
): Promise<void> {
  const want = await fingerprint(source, t);
  const have = await fingerprint(target, t);
  if (have.rows === want.rows && have.checksum === want.checksum) {
    await writeLedger(target, t.name, 'done', want);
    emit({ kind: 'table', table: t.name, ...at, fingerprint: want, skipped: true });
    return;
  }
  // Rows this command did not write are someone's data: never overwritten.
  if (have.rows > 0 && (await ledgerStatus(target, t.name)) !== 'copying') throw mismatch(t.name, want, have);
  await writeLedger(target, t.name, 'copying', want);
  if (have.rows > 0) await target.exec(`TRUNCATE TABLE ${target.dialect.quoteIdent(t.name)}`);
  const names = t.columns.map((c) => c.name);
  await readPages(source, t, async (page, done) => {
    await target.insert(
      t.name,
      names,
      page.map((r) => names.map((c) => r[c] ?? null)),
    );
    if (want.rows > PAGE_ROWS) emit({ kind: 'progress', table: t.name, done, rows: want.rows });
  });
  const got = await fingerprint(target, t);
  if (got.rows !== want.rows || got.checksum !== want.checksum) throw mismatch(t.name, want, got);
  await writeLedger(target, t.name, 'done', want);
  emit({ kind: 'table', table: t.name, ...at, fingerprint: want, skipped: false });
}

/**
 * Copies every table of the schema from `source` (a DuckDB warehouse) into `target` (ClickHouse,
 * schema already migrated), verifying row counts and checksums per table. Re-running skips tables
 * that already match and redoes a table whose copy was interrupted; it never touches the source.
 */
export async function copyWarehouse(
  source: Engine,
  target: Engine,
  emit: (e: CopyEvent) => void = () => undefined,
): Promise<{ tables: number; rows: number }> {
  await target.exec(target.dialect.createTable(MIGRATE_LEDGER));
  const tables = copiedTables();
  let rows = 0;
  for (const [i, t] of tables.entries()) {
    await copyTable(
      source,
      target,
      t,
      (e) => {
        if (e.kind === 'table') rows += e.fingerprint.rows;
        emit(e);
      },
      { index: i + 1, total: tables.length },
    );
  }
  return { tables: tables.length, rows };
}
