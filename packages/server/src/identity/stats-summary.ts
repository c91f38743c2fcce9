import { keptLineSql } from '@dalbit/core/analytics/revenue';
import { STATS_SUMMARY } from '@dalbit/core/schema/tables';
import type { Engine } from '../engines/engine.ts';
import { withQueryScope } from '../engines/query-scope.ts';

/** One row of `stats_summary` (see its table definition in core). */
export type StatsSummaryRow = {
  readonly kind: 'multi' | 'status' | 'channel' | 'stale';
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

const STALE = 'stale';

/**
 * Marks the summary stale: a `stale` row beside the figures. Every write to orders, order lines,
 * customer channels or merges calls it with its own transaction handle, so the mark commits (or
 * rolls back) with the write. Readers then answer from the previous figures, flagged, while one
 * fill recomputes them (at 1M customers the fill takes tens of seconds: longer than a request).
 */
export async function invalidateStatsSummary(engine: Engine): Promise<void> {
  const table = engine.dialect.quoteIdent(STATS_SUMMARY.name);
  // One mark at most on DuckDB (ClickHouse's ReplacingMergeTree folds rows of one key itself).
  if (engine.dialect.name === 'duckdb') await engine.exec(`DELETE FROM ${table} WHERE kind = '${STALE}'`);
  await engine.exec(`INSERT INTO ${table} (${COLUMNS}) VALUES ('${STALE}', '', 0, 0, 0)`);
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

/** The summary's figures, and whether they predate the last write (a fill is recomputing them). */
export interface StatsSummary {
  readonly rows: readonly StatsSummaryRow[];
  readonly refreshing: boolean;
}

/**
 * The summary rows: read from `stats_summary` (a few rows) when it is filled. When a write has
 * marked it stale since: the previous figures, `refreshing`, and one fill starts beside them. When
 * it was never filled: wait for a fill already running (a second full scan beside it would only
 * slow both down); else compute them from the facts for this answer while a fill starts beside it.
 */
export async function readStatsSummary(engine: Engine): Promise<StatsSummary> {
  const read = () =>
    engine.query<StatsSummaryRow>(`SELECT ${COLUMNS} FROM ${engine.dialect.quoteIdent(STATS_SUMMARY.name)}`);
  const filled = (rows: StatsSummaryRow[]) => rows.some((r) => r.kind === 'multi');
  const stored = await read();
  if (filled(stored)) {
    const stale = stored.some((r) => r.kind === STALE);
    if (stale) fillInBackground(engine);
    return { rows: stored.filter((r) => r.kind !== STALE), refreshing: stale };
  }
  const running = filling.get(engine);
  if (running) {
    await running;
    const after = await read();
    if (filled(after)) return { rows: after.filter((r) => r.kind !== STALE), refreshing: false };
  }
  fillInBackground(engine);
  return { rows: await engine.query<StatsSummaryRow>(summarySelect()), refreshing: false };
}
