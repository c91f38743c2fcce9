import type { CompiledQuery, ParamType, SqlDialect } from '@dalbit/core/sql/dialect';

/** Builds a statement with bound parameters: `b.p(value, type)` prints the placeholder. */
export function boundSql(
  dialect: SqlDialect,
  build: (b: { p(value: unknown, type: ParamType): string; in(values: readonly string[]): string }) => string,
): CompiledQuery {
  const params: unknown[] = [];
  const types: ParamType[] = [];
  const p = (value: unknown, type: ParamType): string => {
    params.push(value);
    types.push(type);
    return dialect.placeholder(params.length, type);
  };
  const text = build({
    p,
    in: (values) => (values.length === 0 ? '(NULL)' : `(${values.map((v) => p(v, 'string')).join(', ')})`),
  });
  return { sql: text, params, paramTypes: types };
}

export function chunks<T>(xs: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

export function parseJsonObject(v: unknown): Record<string, unknown> {
  if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  if (typeof v !== 'string' || v === '') return {};
  try {
    const parsed: unknown = JSON.parse(v);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
