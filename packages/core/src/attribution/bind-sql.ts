import type { CompiledQuery, ParamType, SqlDialect } from '../sql/dialect.ts';

export interface Binder {
  /** Binds a value and returns its placeholder. */
  p(value: unknown, type: ParamType): string;
}

/** Builds a statement whose values are all bound parameters. */
export function compileBound(dialect: SqlDialect, build: (b: Binder) => string): CompiledQuery {
  const params: unknown[] = [];
  const paramTypes: ParamType[] = [];
  const p = (value: unknown, type: ParamType): string => {
    params.push(value);
    paramTypes.push(type);
    return dialect.placeholder(params.length, type);
  };
  const text = build({ p });
  return Object.freeze({ sql: text, params: Object.freeze(params), paramTypes: Object.freeze(paramTypes) });
}
