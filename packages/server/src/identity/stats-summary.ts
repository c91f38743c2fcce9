import { keptLineSql } from '@dalbit/core/analytics/revenue';
import { STATS_SUMMARY } from '@dalbit/core/schema/tables';
import type { Engine } from '../engines/engine.ts';
import { withQueryScope } from '../engines/query-scope.ts';

/** One row of `stats_summary` (see its table definition in core). */
export type StatsSummaryRow = {
  readonly kind: 'multi' | 'status' | 'channel';
  readonly label: string;
  readonly orders: number;
  readonly revenue: number;
  readonly customers: number;
};

const COLUMNS = 'kind, label, orders, revenue, customers';

/**
 * The summary's rows computed from the facts: the full scan of channels, orders and order lines
 * that `/api/stats` used to run on every request. Columns are cast so the three parts unite on
 * ClickHouse too (its counts are unsigned).
 */
function summarySelect(): string {
  // BIGINT and VARCHAR are spelled alike on both engines.
  const int = (e: string) => `CAST(${e} AS BIGINT)`;
  const str = (e: string) => `CAST(${e} AS VARCHAR)`;
  return `SELECT ${str("'multi'")} AS kind, ${str("''")} AS label, ${int('0')} AS orders, ${int('0')} AS revenue, ${int('count(*)')} AS customers
      FROM (SELECT customer_id FROM customer_channels GROUP BY customer_id HAVING count(DISTINCT channel) >= 2) t
    UNION ALL
    SELECT ${str("'status'")}, ${str('status')}, ${int('count(*)')}, ${int('0')}, ${int('0')} FROM orders GROUP BY status
    UNION ALL
    SELECT ${str("'channel'")}, ${str('channel')}, ${int('count(DISTINCT order_id)')}, ${int('sum(line_amount)')}, ${int('count(DISTINCT customer_id)')}
      FROM order_items WHERE ${keptLineSql()} GROUP BY channel`;
}

/**
 * Empties the summary. Every write to orders, order lines, customer channels or merges calls it
 * with its own transaction handle, so the emptying commits (or rolls back) with the write and a
 * reader never sees figures older than the facts.
 */
export async function invalidateStatsSummary(engine: Engine): Promise<void> {
  await engine.exec(`TRUNCATE TABLE ${engine.dialect.quoteIdent(STATS_SUMMARY.name)}`);
}

/**
 * Fills the summary from the facts in one writer transaction (writers are serialised, so no write
 * lands between the scan and the store). On ClickHouse the two statements run one after the other;
 * a reader in between finds no 'multi' row and scans the facts itself.
 */
export async function fillStatsSummary(engine: Engine): Promise<void> {
  const table = engine.dialect.quoteIdent(STATS_SUMMARY.name);
  await engine.transaction(async (tx) => {
    await tx.exec(`TRUNCATE TABLE ${table}`);
    await tx.exec(`INSERT INTO ${table} (${COLUMNS}) ${summarySelect()}`);
  });
}

const filling = new WeakMap<Engine, Promise<void>>();

/** One fill at a time per warehouse, outside the caller's request scope (no deadline, not cancelled with it). */
function fillInBackground(engine: Engine): void {
  if (filling.has(engine)) return;
  const run = withQueryScope({}, () => fillStatsSummary(engine))
    .catch(() => undefined) // a closed warehouse or a failed fill: the next read scans and tries again
    .finally(() => filling.delete(engine));
  filling.set(engine, run);
}

/** Waits for a fill started by a read (tests, and callers about to close the warehouse). */
export async function statsSummarySettled(engine: Engine): Promise<void> {
  await filling.get(engine);
}

/**
 * The summary rows: read from `stats_summary` (a few rows) when it is filled. Otherwise: when a fill
 * is already running, wait for it (a second full scan beside it would only slow both down); else
 * compute them from the facts for this answer while a fill starts beside it.
 */
export async function readStatsSummary(engine: Engine): Promise<StatsSummaryRow[]> {
  const read = () =>
    engine.query<StatsSummaryRow>(`SELECT ${COLUMNS} FROM ${engine.dialect.quoteIdent(STATS_SUMMARY.name)}`);
  const filled = (rows: StatsSummaryRow[]) => rows.some((r) => r.kind === 'multi');
  const stored = await read();
  if (filled(stored)) return stored;
  const running = filling.get(engine);
  if (running) {
    await running;
    const after = await read();
    if (filled(after)) return after;
  }
  fillInBackground(engine);
  return engine.query<StatsSummaryRow>(summarySelect());
}
