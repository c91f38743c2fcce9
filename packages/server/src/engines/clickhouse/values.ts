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
 * column, and standard SQL where ClickHouse differs by default (outer-join NULLs, columns before
 * aliases, UNION).
 */
export const STATEMENT_SETTINGS = {
  final: 1,
  insert_allow_materialized_columns: 1,
  join_use_nulls: 1,
  prefer_column_name_to_alias: 1,
  union_default_mode: 'DISTINCT',
} as const;

/** Output settings of reads: 64-bit numbers as JSON numbers, not strings. */
export const JSON_OUTPUT_SETTINGS = {
  output_format_json_quote_64bit_integers: 0,
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

function fromClickHouse(type: string, v: unknown): unknown {
  if (v === null) return null;
  const t = type.replace(/^Nullable\((.*)\)$/, '$1');
  if (t.startsWith('DateTime')) return new Date(`${String(v).replace(' ', 'T')}Z`);
  if (/^U?Int(8|16|32|64|128|256)$/.test(t)) {
    const b = BigInt(String(v));
    return b <= BigInt(Number.MAX_SAFE_INTEGER) && b >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(b) : b;
  }
  if (t.startsWith('Float') || t.startsWith('Decimal')) return Number(v);
  return v;
}

/** Rows of a `JSONCompact` result as plain JS (engine.ts: numbers, Date, strings, null). */
export function rowsFromJsonCompact<T extends Row>(out: JsonCompact): T[] {
  return out.data.map((r) => {
    const o: Row = {};
    out.meta.forEach((m, i) => {
      o[m.name] = fromClickHouse(m.type, r[i]);
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
