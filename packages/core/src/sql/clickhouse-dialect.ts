import type { ColumnDef, ColumnType } from '../schema/table.ts';
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

export const quote = (name: string): string => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;

/** Row version and tombstone of every ReplacingMergeTree table (decision 0019); not in `SELECT *`. */
export const VERSION = '_version';
export const DELETED = '_deleted';

export const columnList = (columns: readonly ColumnDef[]): string =>
  columns.map((c) => `${quote(c.name)} ${CLICKHOUSE_DIALECT.columnType(c.type, c.nullable ?? false)}`).join(', ');

export const CLICKHOUSE_DIALECT: SqlDialect = {
  name: 'clickhouse',
  quoteIdent: quote,
  placeholder: (index, type) => `{p${index}:${PARAM_TYPES[type]}}`,
  columnType: (type, nullable) => (nullable ? `Nullable(${TYPES[type]})` : TYPES[type]),
  createTable: (t) =>
    `CREATE TABLE IF NOT EXISTS ${quote(t.name)} (${columnList(t.columns)}${
      t.appendOnly
        ? ') ENGINE = MergeTree'
        : `, ${VERSION} UInt64 MATERIALIZED toUnixTimestamp64Nano(now64(9)), ${DELETED} UInt8 MATERIALIZED 0) ENGINE = ReplacingMergeTree(${VERSION}, ${DELETED})`
    } ORDER BY (${t.key.map(quote).join(', ')})`,
  addColumn: (t, c) =>
    `ALTER TABLE ${quote(t.name)} ADD COLUMN IF NOT EXISTS ${quote(c.name)} ${CLICKHOUSE_DIALECT.columnType(c.type, c.nullable ?? false)}`,
  fn: {
    epochMs: (ts) => `toUnixTimestamp64Milli(${ts})`,
    argMax: (value, by) => `argMax(${value}, ${by})`,
    argMin: (value, by) => `argMin(${value}, ${by})`,
    orderKey: (parts) => `tuple(${parts.join(', ')})`,
    boolAnd: (expr) => `min(toBool(${expr}))`,
    // CASE evaluates every branch here: an empty or NULL patch must not fail.
    jsonMergePatch: (target, patch) => `JSONMergePatch(${target}, coalesce(nullIf(${patch}, ''), '{}'))`,
    jsonMergeAgg: (json, orderBy) =>
      `arrayFold((acc, x) -> JSONMergePatch(acc, x), arrayMap(p -> ifNull(p.2, '{}'), arraySort(p -> p.1, groupArray(tuple(${orderBy}, ${json})))), '{}')`,
    nullable: (expr) => `toNullable(${expr})`,
    kstMonthDay: (ts) => `formatDateTime(${ts}, '%m-%d', 'Asia/Seoul')`,
    jsonString: (json, key) => `JSONExtract(${json}, ${key}, 'Nullable(String)')`,
    jsonNumber: (json, key) => `JSONExtract(${json}, ${key}, 'Nullable(Float64)')`,
    jsonKeyValue: (key) => key,
    contains: (text, needle) => `(position(${text}, ${needle}) > 0)`,
  },
  write: {
    deleteWhere: (c) => {
      const cols = c.table.columns.map((col) => quote(col.name));
      return `INSERT INTO ${quote(c.table.name)} (${cols.join(', ')}, ${DELETED}) SELECT ${cols
        .map((n) => `${c.alias}.${n}`)
        .join(', ')}, 1 FROM ${quote(c.table.name)} AS ${c.alias}${c.from ? `, ${c.from}` : ''} WHERE ${c.where}`;
    },
    updateWhere: (c) => {
      const cols = c.table.columns.map((col) => col.name);
      const old = (n: string) => `${c.alias}.${quote(n)}`;
      const value = (n: string) => (Object.hasOwn(c.set, n) ? `${c.set[n]} AS ${quote(n)}` : old(n));
      const insert = `INSERT INTO ${quote(c.table.name)} (${cols.map(quote).join(', ')}) SELECT ${cols
        .map(value)
        .join(', ')} FROM ${quote(c.table.name)} AS ${c.alias}${c.from ? `, ${c.from}` : ''} WHERE ${c.where}`;
      if (!c.table.key.some((k) => Object.hasOwn(c.set, k))) return insert;
      // A changed key is a new row: the row under the old key gets a tombstone (after the insert,
      // so the condition still finds it; the new rows are left alone by their new key).
      const key = (pick: (n: string) => string) => `tuple(${c.table.key.map(pick).join(', ')})`;
      const moved = key((n) => (Object.hasOwn(c.set, n) ? `(${c.set[n]})` : old(n)));
      return `${insert}; ${CLICKHOUSE_DIALECT.write.deleteWhere({ ...c, where: `(${c.where}) AND ${key(old)} <> ${moved}` })}`;
    },
    tempTable: (name, def) =>
      `DROP TEMPORARY TABLE IF EXISTS ${quote(name)}; CREATE TEMPORARY TABLE ${quote(name)} ${
        'as' in def ? `AS ${def.as}` : `(${columnList(def)})`
      }`,
  },
};
