import type { CompiledQuery, ParamType, SqlDialect } from '@dalbit/core/sql/dialect';

export interface Binder {
  p(value: unknown, type: ParamType): string;
  list(values: readonly string[]): string;
}

/** A statement with bound parameters: `b.p(value, type)` prints the placeholder. */
export function bound(dialect: SqlDialect, build: (b: Binder) => string): CompiledQuery {
  const params: unknown[] = [];
  const paramTypes: ParamType[] = [];
  const p = (value: unknown, type: ParamType): string => {
    params.push(value);
    paramTypes.push(type);
    return dialect.placeholder(params.length, type);
  };
  const sql = build({
    p,
    list: (values) => (values.length === 0 ? '(NULL)' : `(${values.map((v) => p(v, 'string')).join(', ')})`),
  });
  return { sql, params, paramTypes };
}

export function chunked<T>(xs: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
