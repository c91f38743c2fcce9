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
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
