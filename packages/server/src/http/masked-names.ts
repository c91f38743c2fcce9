import { type Engine, sql } from '../engines/engine.ts';
import { maskName } from './mask.ts';

/** Masked display names of the given customers (one query), for lists that link to customer pages. */
export async function maskedNames(engine: Engine, ids: readonly string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const d = engine.dialect;
  const rows = await engine.query<{ customer_id: string; name: string | null }>(
    sql(
      `SELECT customer_id, name FROM customers WHERE customer_id IN (${ids.map((_, i) => d.placeholder(i + 1, 'string')).join(', ')})`,
      ids,
      ids.map(() => 'string' as const),
    ),
  );
  return new Map(rows.map((r) => [r.customer_id, maskName(r.name)]));
}
