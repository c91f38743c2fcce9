import type { CompiledQuery, SqlDialect } from '@dalbit/core/sql/dialect';

export type Row = Record<string, unknown>;

/**
 * The warehouse as the rest of the server sees it. Implemented by DuckDB (embedded default) and
 * ClickHouse (scale-out; chDB in tests). Results are plain JS: integers as `number` (bigint only
 * beyond 2^53), timestamps as `Date`, strings, booleans, null.
 */
export interface Engine {
  readonly dialect: SqlDialect;
  /** Statements without parameters (DDL, maintenance). */
  exec(sql: string): Promise<void>;
  query<T extends Row = Row>(q: CompiledQuery | string): Promise<T[]>;
  /** Bulk write; values in column order, `Date` for timestamps, `null` for missing. */
  insert(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
  /** Runs `fn` atomically where the engine supports it (DuckDB); ClickHouse runs it as is. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
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
