import type { CompiledQuery, SqlDialect } from '@dalbit/core/sql/dialect';

/** `column IN (…)` over string values as bound parameters, for both dialects. */
export function selectIn(
  dialect: SqlDialect,
  select: string,
  column: string,
  values: readonly string[],
): CompiledQuery {
  const placeholders = values.map((_, i) => dialect.placeholder(i + 1, 'string')).join(', ');
  return {
    sql: `${select} WHERE ${dialect.quoteIdent(column)} IN (${placeholders})`,
    params: [...values],
    paramTypes: values.map(() => 'string' as const),
  };
}
