import type { ColumnType, TableDef } from '../schema/table.ts';

export type DialectName = 'duckdb' | 'clickhouse';

/** A value bound to a query; `type` picks the ClickHouse placeholder type. */
export type ParamType = 'string' | 'int' | 'float' | 'bool' | 'timestamp' | 'date' | 'string[]' | 'int[]';

export interface CompiledQuery {
  readonly sql: string;
  readonly params: readonly unknown[];
  /** Parameter types, same order as `params` (ClickHouse binds by name and type). */
  readonly paramTypes: readonly ParamType[];
}

/** What differs between engines, and nothing else. Shared code never branches on `name`. */
export interface SqlDialect {
  readonly name: DialectName;
  quoteIdent(name: string): string;
  /** 1-based placeholder for a bound parameter. */
  placeholder(index: number, type: ParamType): string;
  columnType(type: ColumnType, nullable: boolean): string;
  createTable(table: TableDef): string;
  /** Function leaves used by the segment compiler; arguments are already-printed SQL. */
  readonly fn: SqlFunctions;
}

/** Engine spellings of the few functions whose names or semantics differ. */
export interface SqlFunctions {
  /** Milliseconds since the epoch of a UTC timestamp, as an integer. */
  epochMs(ts: string): string;
  /** Value of `value` on the row with the largest `by` (latest consent wins). */
  argMax(value: string, by: string): string;
  /** Makes an expression nullable so an outer join yields NULL, not a default, on no match. */
  nullable(expr: string): string;
  /** 'MM-DD' of a UTC timestamp read in Asia/Seoul. */
  kstMonthDay(ts: string): string;
  /** String value of a top-level key of a JSON text column (NULL when absent). */
  jsonString(json: string, key: string): string;
  /** Numeric value of a top-level key of a JSON text column (NULL when absent or not a number). */
  jsonNumber(json: string, key: string): string;
  /** The bound value that names `key` in the two functions above (a JSON path or a plain key). */
  jsonKeyValue(key: string): string;
  /** TRUE when the string `needle` occurs in `text` (a plain substring; NULL text gives NULL). */
  contains(text: string, needle: string): string;
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
