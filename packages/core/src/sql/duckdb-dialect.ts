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
  addColumn: (t, c) =>
    `ALTER TABLE ${quote(t.name)} ADD COLUMN ${quote(c.name)} ${DUCKDB_DIALECT.columnType(c.type, c.nullable ?? false)}`,
  fn: {
    epochMs: (ts) => `epoch_ms(${ts})`,
    argMax: (value, by) => `arg_max(${value}, ${by})`,
    argMin: (value, by) => `arg_min(${value}, ${by})`,
    orderKey: (parts) => `row(${parts.join(', ')})`,
    boolAnd: (expr) => `bool_and(${expr})`,
    jsonMergePatch: (target, patch) => `json_merge_patch(${target}, ${patch})::VARCHAR`,
    jsonMergeAgg: (json, orderBy) =>
      `list_reduce(list_prepend('{}', list(${json} ORDER BY ${orderBy})), (x, y) -> json_merge_patch(x, y))::VARCHAR`,
    nullable: (expr) => expr,
    kstMonthDay: (ts) => `strftime(${ts} + INTERVAL 9 HOUR, '%m-%d')`,
    jsonString: (json, key) => `json_extract_string(${json}, ${key})`,
    jsonNumber: (json, key) => `TRY_CAST(json_extract(${json}, ${key}) AS DOUBLE)`,
    // A quoted JSONPath member, so keys with dots or spaces stay one key.
    jsonKeyValue: (key) => `$."${key}"`,
    contains: (text, needle) => `contains(${text}, ${needle})`,
  },
  write: {
    deleteWhere: (c) =>
      `DELETE FROM ${quote(c.table.name)} AS ${c.alias}${c.from ? ` USING ${c.from}` : ''} WHERE ${c.where}`,
    updateWhere: (c) =>
      `UPDATE ${quote(c.table.name)} AS ${c.alias} SET ${Object.entries(c.set)
        .map(([k, v]) => `${quote(k)} = ${v}`)
        .join(', ')}${c.from ? ` FROM ${c.from}` : ''} WHERE ${c.where}`,
    tempTable: (name, def) =>
      'as' in def
        ? `CREATE OR REPLACE TEMP TABLE ${quote(name)} AS ${def.as}`
        : `CREATE OR REPLACE TEMP TABLE ${quote(name)} (${def
            .map((c) => `${quote(c.name)} ${DUCKDB_DIALECT.columnType(c.type, c.nullable ?? false)}`)
            .join(', ')})`,
  },
};
