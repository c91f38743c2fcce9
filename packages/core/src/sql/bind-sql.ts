import type { CompiledQuery, ParamType, SqlDialect } from './dialect.ts';

export interface Binder {
  /** Binds a value and returns its placeholder. */
  p(value: unknown, type: ParamType): string;
  /** Binds each string and returns `($1, $2, …)` for `IN`; `(NULL)` (matches nothing) when empty. */
  in(values: readonly string[]): string;
}

/** Builds a statement whose values are all bound parameters: `b.p(value, type)` prints the placeholder. */
export function compileBound(dialect: SqlDialect, build: (b: Binder) => string): CompiledQuery {
  const params: unknown[] = [];
  const paramTypes: ParamType[] = [];
  const p = (value: unknown, type: ParamType): string => {
    params.push(value);
    paramTypes.push(type);
    return dialect.placeholder(params.length, type);
  };
  const text = build({
    p,
    in: (values) => (values.length === 0 ? '(NULL)' : `(${values.map((v) => p(v, 'string')).join(', ')})`),
  });
  return Object.freeze({ sql: text, params: Object.freeze(params), paramTypes: Object.freeze(paramTypes) });
}

/** Splits a list into batches of at most `size` (bounded `IN (…)` lists). */
export function chunks<T>(xs: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
