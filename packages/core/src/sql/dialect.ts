import type { ColumnDef, ColumnType, TableDef } from '../schema/table.ts';

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
  /** Adds a column to an existing table (a migration step); `table` is its full definition before the step. */
  addColumn(table: TableDef, column: ColumnDef): string;
  /** Function leaves used by the segment compiler; arguments are already-printed SQL. */
  readonly fn: SqlFunctions;
  /** Row changes and session tables (decision 0019: ClickHouse writes new row versions). */
  readonly write: SqlWrites;
}

/** A change to the rows of `table` read under `alias`, optionally joined with `from` (`<table or subquery> <alias>`). */
export interface RowChange {
  readonly table: TableDef;
  readonly alias: string;
  readonly from?: string;
  /** Condition on `alias.<column>` (and the `from` rows); the join condition goes here too. */
  readonly where: string;
}

/**
 * Statements that change rows. DuckDB updates and deletes in place; ClickHouse inserts a new
 * version of each changed row (or a tombstone) into its ReplacingMergeTree, read back with `final`.
 * A change must select each row of `table` once (a `from` row per target row at most).
 */
export interface SqlWrites {
  /** Removes the rows of `table` that match. */
  deleteWhere(change: RowChange): string;
  /** Sets columns (values: SQL over `alias.<column>` and the `from` rows) on the rows that match. */
  updateWhere(change: RowChange & { readonly set: Readonly<Record<string, string>> }): string;
  /** (Re)creates a session-local table with these columns, or as the result of `as` (a SELECT). */
  tempTable(name: string, def: readonly ColumnDef[] | { readonly as: string }): string;
}

/** Engine spellings of the few functions whose names or semantics differ. */
export interface SqlFunctions {
  /** Milliseconds since the epoch of a UTC timestamp, as an integer. */
  epochMs(ts: string): string;
  /** Value of `value` on the row with the largest `by` (latest consent wins). */
  argMax(value: string, by: string): string;
  /** Value of `value` on the row with the smallest `by`. */
  argMin(value: string, by: string): string;
  /** A composite ordering value (compared part by part) for `argMax`/`argMin`. */
  orderKey(parts: readonly string[]): string;
  /** TRUE when every value of the boolean expression in the group is TRUE. */
  boolAnd(expr: string): string;
  /** `patch` merged onto the JSON text `target` (RFC 7396), as text. */
  jsonMergePatch(target: string, patch: string): string;
  /** JSON texts of the group merged in `orderBy` order (RFC 7396 merge patch onto '{}'), as text. */
  jsonMergeAgg(json: string, orderBy: string): string;
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
