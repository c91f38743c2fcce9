/**
 * Warehouse tables described as data, so both engines (DuckDB, ClickHouse) render their own DDL
 * from one definition. Timestamps are UTC instants; money is integer KRW.
 */
export type ColumnType = 'string' | 'int' | 'float' | 'bool' | 'timestamp' | 'date' | 'json';

export interface ColumnDef {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable?: boolean;
}

export interface TableDef {
  readonly name: string;
  readonly columns: readonly ColumnDef[];
  /** Natural key: unique in DuckDB (enforced by importers), the ORDER BY key in ClickHouse. */
  readonly key: readonly string[];
  /**
   * Rows are only ever appended and the key does not name one row (several rows per key are
   * meaningful): ClickHouse keeps every row (MergeTree) instead of the newest per key.
   */
  readonly appendOnly?: boolean;
}

export const col = (name: string, type: ColumnType, nullable = false): ColumnDef => ({ name, type, nullable });

export function columnNames(table: TableDef): string[] {
  return table.columns.map((c) => c.name);
}
