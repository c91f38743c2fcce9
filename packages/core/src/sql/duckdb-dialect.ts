import type { ColumnType } from '../schema/table.ts';
import { assertNever, type SqlDialect } from './dialect.ts';

const TYPES: Record<ColumnType, string> = {
  string: 'VARCHAR',
  int: 'BIGINT',
  float: 'DOUBLE',
  bool: 'BOOLEAN',
  timestamp: 'TIMESTAMP',
  date: 'DATE',
  json: 'VARCHAR',
};

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export const DUCKDB_DIALECT: SqlDialect = {
  name: 'duckdb',
  quoteIdent: quote,
  placeholder: (index) => `$${index}`,
  columnType: (type, nullable) => `${TYPES[type] ?? assertNever(type as never)}${nullable ? '' : ' NOT NULL'}`,
  createTable: (t) =>
    `CREATE TABLE IF NOT EXISTS ${quote(t.name)} (${t.columns
      .map((c) => `${quote(c.name)} ${DUCKDB_DIALECT.columnType(c.type, c.nullable ?? false)}`)
      .join(', ')})`,
  fn: {
    epochMs: (ts) => `epoch_ms(${ts})`,
    argMax: (value, by) => `arg_max(${value}, ${by})`,
    nullable: (expr) => expr,
    kstMonthDay: (ts) => `strftime(${ts} + INTERVAL 9 HOUR, '%m-%d')`,
    jsonString: (json, key) => `json_extract_string(${json}, ${key})`,
    jsonNumber: (json, key) => `TRY_CAST(json_extract(${json}, ${key}) AS DOUBLE)`,
    // A quoted JSONPath member, so keys with dots or spaces stay one key.
    jsonKeyValue: (key) => `$."${key}"`,
    contains: (text, needle) => `contains(${text}, ${needle})`,
  },
};
