import type { ColumnType } from '../schema/table.ts';
import type { ParamType, SqlDialect } from './dialect.ts';

const TYPES: Record<ColumnType, string> = {
  string: 'String',
  int: 'Int64',
  float: 'Float64',
  bool: 'Bool',
  timestamp: "DateTime64(3, 'UTC')",
  date: 'Date32',
  json: 'String',
};

const PARAM_TYPES: Record<ParamType, string> = {
  string: 'String',
  int: 'Int64',
  float: 'Float64',
  bool: 'Bool',
  timestamp: "DateTime64(3, 'UTC')",
  date: 'Date32',
  'string[]': 'Array(String)',
  'int[]': 'Array(Int64)',
};

const quote = (name: string): string => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;

export const CLICKHOUSE_DIALECT: SqlDialect = {
  name: 'clickhouse',
  quoteIdent: quote,
  placeholder: (index, type) => `{p${index}:${PARAM_TYPES[type]}}`,
  columnType: (type, nullable) => (nullable ? `Nullable(${TYPES[type]})` : TYPES[type]),
  createTable: (t) =>
    `CREATE TABLE IF NOT EXISTS ${quote(t.name)} (${t.columns
      .map((c) => `${quote(c.name)} ${CLICKHOUSE_DIALECT.columnType(c.type, c.nullable ?? false)}`)
      .join(', ')}) ENGINE = MergeTree ORDER BY (${t.key.map(quote).join(', ')})`,
  fn: {
    epochMs: (ts) => `toUnixTimestamp64Milli(${ts})`,
    argMax: (value, by) => `argMax(${value}, ${by})`,
    nullable: (expr) => `toNullable(${expr})`,
    kstMonthDay: (ts) => `formatDateTime(${ts}, '%m-%d', 'Asia/Seoul')`,
    jsonString: (json, key) => `JSONExtract(${json}, ${key}, 'Nullable(String)')`,
    jsonNumber: (json, key) => `JSONExtract(${json}, ${key}, 'Nullable(Float64)')`,
    jsonKeyValue: (key) => key,
    contains: (text, needle) => `(position(${text}, ${needle}) > 0)`,
  },
};
