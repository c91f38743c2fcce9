import type { Row } from '../engine.ts';

/**
 * What the chDB engine and the server engine share: the same SQL and settings, the same value
 * formats in and out. Only the transport differs (in-process session or HTTP).
 */

/** Formats a value the way ClickHouse parses it from a bound parameter or a JSON row. */
export function toClickHouseValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return v.toISOString().replace('T', ' ').replace('Z', '');
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map(toClickHouseValue);
  return v;
}

/** Named parameters `p1…pN` of a compiled query (the dialect's placeholders). */
export function boundParams(params: readonly unknown[]): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  params.forEach((p, i) => {
    args[`p${i + 1}`] = toClickHouseValue(p);
  });
  return args;
}

/**
 * Settings of every statement (reads, `INSERT … SELECT`, DDL): every read sees the newest live
 * version of each row (decision 0019), tombstones are written into the materialised `_deleted`
 * column, and standard SQL where ClickHouse differs by default (outer-join NULLs, an aggregate over
 * no rows is NULL as on DuckDB — not 0, '' or 1970-01-01 —, columns before aliases, UNION).
 */
export const STATEMENT_SETTINGS = {
  final: 1,
  aggregate_functions_null_for_empty: 1,
  insert_allow_materialized_columns: 1,
  join_use_nulls: 1,
  prefer_column_name_to_alias: 1,
  union_default_mode: 'DISTINCT',
} as const;

/**
 * Output settings of reads: 64-bit integers as JSON strings (a JSON number loses precision above
 * 2^53), read back by type as `number` or, beyond 2^53, `bigint` (`fromClickHouse`).
 */
export const JSON_OUTPUT_SETTINGS = {
  output_format_json_quote_64bit_integers: 1,
  output_format_json_quote_64bit_floats: 0,
} as const;

/** `SET a = 1; SET b = 'x'` for an in-process session. */
export function setStatements(settings: Readonly<Record<string, string | number>>): string {
  return Object.entries(settings)
    .map(([k, v]) => `SET ${k} = ${typeof v === 'string' ? `'${v}'` : v}`)
    .join('; ');
}

export interface JsonCompact {
  meta: { name: string; type: string }[];
  data: unknown[][];
}

/** The top-level arguments of a type such as `Tuple(a Int64, b Array(String))`. */
function typeArgs(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(inner.slice(start).trim());
  return out;
}

const wrapped = (type: string, name: string): string | undefined =>
  type.startsWith(`${name}(`) && type.endsWith(')') ? type.slice(name.length + 1, -1) : undefined;

/** An integer as `number`, or `bigint` beyond 2^53 (engine.ts). */
function integer(v: unknown): number | bigint {
  const b = BigInt(String(v));
  return b <= BigInt(Number.MAX_SAFE_INTEGER) && b >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(b) : b;
}

/** A JSON value of a ClickHouse type as plain JS, through arrays, tuples and maps. */
export function fromClickHouse(type: string, v: unknown): unknown {
  if (v === null) return null;
  const t = wrapped(type, 'Nullable') ?? wrapped(type, 'LowCardinality');
  if (t !== undefined) return fromClickHouse(t, v);
  if (type.startsWith('DateTime')) return new Date(`${String(v).replace(' ', 'T')}Z`);
  if (/^U?Int(8|16|32|64|128|256)$/.test(type)) return integer(v);
  if (type.startsWith('Float') || type.startsWith('Decimal')) return Number(v);
  const item = wrapped(type, 'Array');
  if (item !== undefined && Array.isArray(v)) return v.map((x) => fromClickHouse(item, x));
  const parts = wrapped(type, 'Tuple');
  if (parts !== undefined) return tupleValue(typeArgs(parts), v);
  const kv = wrapped(type, 'Map');
  if (kv !== undefined && typeof v === 'object') {
    const [, valueType = 'String'] = typeArgs(kv);
    return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, fromClickHouse(valueType, x)]));
  }
  return v;
}

/** A tuple arrives as an array, or as an object when its elements are named (`a Int64`). */
function tupleValue(elements: readonly string[], v: unknown): unknown {
  const named = elements.map((e) => /^(`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)\s+(.+)$/.exec(e));
  if (Array.isArray(v)) return v.map((x, i) => fromClickHouse(named[i]?.[2] ?? elements[i] ?? 'String', x));
  if (typeof v === 'object' && v !== null)
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => {
        const m = named.find((n) => n && n[1]?.replaceAll('`', '') === k);
        return [k, fromClickHouse(m?.[2] ?? 'String', x)];
      }),
    );
  return v;
}

/**
 * The name DuckDB (standard SQL) gives a selected column: ClickHouse names `c.status` so when a
 * joined table has a column of the same name; DuckDB names it `status`.
 */
const QUALIFIED = /^[A-Za-z_][A-Za-z0-9_]*\.([A-Za-z_][A-Za-z0-9_]*)$/;
const columnName = (name: string): string => QUALIFIED.exec(name)?.[1] ?? name;

/** Rows of a `JSONCompact` result as plain JS (engine.ts: numbers, Date, strings, null). */
export function rowsFromJsonCompact<T extends Row>(out: JsonCompact): T[] {
  const names = out.meta.map((m) => columnName(m.name));
  return out.data.map((r) => {
    const o: Row = {};
    out.meta.forEach((m, i) => {
      o[names[i] as string] = fromClickHouse(m.type, r[i]);
    });
    return o as T;
  });
}

/** Statements that return rows (sent with a FORMAT); everything else is a command. */
const RETURNS_ROWS = /^\s*(\(\s*)*(SELECT|WITH|SHOW|DESCRIBE|DESC|EXPLAIN|EXISTS)\b/i;

export function returnsRows(sql: string): boolean {
  return RETURNS_ROWS.test(sql);
}

/**
 * Splits `a; b` into statements, leaving `;` inside quotes, backticks and comments alone (the
 * dialect renders some row changes as two statements; HTTP takes one statement per request).
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"' || c === '`') {
      i++;
      while (i < sql.length && sql[i] !== c) i += sql[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (c === ';') {
      out.push(sql.slice(start, i));
      start = ++i;
    } else i++;
  }
  out.push(sql.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}
