import type { CompiledQuery, SqlDialect } from '@dalbit/core/sql/dialect';

export type Row = Record<string, unknown>;

/**
 * The warehouse as the rest of the server sees it. Implemented by DuckDB (embedded default) and
 * ClickHouse (scale-out; chDB in tests). Results are plain JS: integers as `number` (bigint only
 * beyond 2^53), timestamps as `Date`, strings, booleans, null.
 *
 * Concurrency (decision 0014): statements outside a transaction may run side by side (DuckDB reads
 * on a pool of connections, writes one at a time through a writer queue). A transaction gets its
 * own handle: every statement of the transaction goes through `tx`, never through the engine
 * (the DuckDB engine refuses engine calls made inside its own transaction callback).
 */
export interface Engine {
  readonly dialect: SqlDialect;
  /** Statements without parameters (DDL, maintenance). */
  exec(sql: string): Promise<void>;
  query<T extends Row = Row>(q: CompiledQuery | string): Promise<T[]>;
  /**
   * The result of `q` in chunks of rows, `onRows` awaited between them (engines that can stream;
   * callers use `eachChunk`, which falls back to `query`). For results of millions of rows folded
   * into columns: no row objects outlive their chunk.
   */
  queryChunks?<T extends Row = Row>(
    q: CompiledQuery | string,
    onRows: (rows: readonly T[]) => void | Promise<void>,
  ): Promise<void>;
  /** Bulk write; values in column order, `Date` for timestamps, `null` for missing. */
  insert(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
  /**
   * Runs `fn` atomically where the engine supports it (DuckDB; ClickHouse runs it as is), in the
   * writer queue. `tx.transaction(f)` inside joins the same transaction.
   * @example await engine.transaction(async (tx) => { await tx.exec('DELETE FROM t'); await tx.insert('t', cols, rows); })
   */
  transaction<T>(fn: (tx: Engine) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in a transaction of its own beside the writer queue, for work that only creates and
   * fills new tables (the refresh's `<table>__next`): long builds never hold up ingest or other
   * writers. Swap the result in with a short `transaction` (`swapTables`).
   */
  build<T>(fn: (tx: Engine) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Bound query helper for code that builds small statements by hand. */
export function sql(
  text: string,
  params: readonly unknown[] = [],
  paramTypes: CompiledQuery['paramTypes'] = [],
): CompiledQuery {
  return { sql: text, params, paramTypes };
}

export function toJsNumber(v: bigint): number | bigint {
  return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v;
}

/** Rows handed to `onRows` at a time when the engine cannot stream (DuckDB's chunk size). */
const FALLBACK_CHUNK = 2048;

/**
 * Streams the result of `q` to `onRows` chunk by chunk (`engine.queryChunks`), or reads it whole and
 * hands it over in slices, yielding to the event loop between them.
 * @example await eachChunk(engine, sql('SELECT id FROM t'), (rows) => { for (const r of rows) ids.push(r.id); });
 */
export async function eachChunk<T extends Row = Row>(
  engine: Engine,
  q: CompiledQuery | string,
  onRows: (rows: readonly T[]) => void | Promise<void>,
): Promise<void> {
  if (engine.queryChunks) return engine.queryChunks<T>(q, onRows);
  const rows = await engine.query<T>(q);
  for (let at = 0; at < rows.length; at += FALLBACK_CHUNK) {
    if (at > 0) await new Promise((resolve) => setImmediate(resolve));
    await onRows(rows.slice(at, at + FALLBACK_CHUNK));
  }
}
