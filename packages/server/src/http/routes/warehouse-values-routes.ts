import { z } from 'zod';
import type { Engine } from '../../engines/engine.ts';
import type { ApiDeps } from '../api-deps.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const KINDS = [
  'stores',
  'channels',
  'categories',
  'products',
  'event_types',
  'utm_sources',
  'utm_mediums',
  'utm_campaigns',
] as const;
type Kind = (typeof KINDS)[number];

const utm = (column: 'utm_source' | 'utm_medium' | 'utm_campaign'): string =>
  `SELECT ${column} AS value, ${column} AS label, count(*) AS n FROM events WHERE ${column} IS NOT NULL AND ${column} <> '' GROUP BY ${column}`;

/** Distinct values as they are in the warehouse, most used first (label = product name for products). */
const QUERIES: Record<Kind, string> = {
  stores: `SELECT store AS value, store AS label, count(*) AS n FROM orders WHERE store IS NOT NULL AND store <> '' GROUP BY store`,
  channels: 'SELECT channel AS value, channel AS label, count(*) AS n FROM orders GROUP BY channel',
  categories: `SELECT category AS value, category AS label, count(*) AS n FROM products WHERE category IS NOT NULL GROUP BY category`,
  products: `SELECT p.product_id AS value, p.name AS label, count(i.product_id) AS n FROM products p
             LEFT JOIN order_items i ON i.product_id = p.product_id GROUP BY p.product_id, p.name`,
  event_types: 'SELECT type AS value, type AS label, count(*) AS n FROM events GROUP BY type',
  utm_sources: utm('utm_source'),
  utm_mediums: utm('utm_medium'),
  utm_campaigns: utm('utm_campaign'),
};

export async function readValues(
  engine: Engine,
  kind: Kind,
  limit: number,
): Promise<{ value: string; label: string; count: number }[]> {
  const rows = await engine.query<{ value: string; label: string; n: number }>(
    `SELECT * FROM (${QUERIES[kind]}) t ORDER BY n DESC, value LIMIT ${Math.max(1, Math.min(1000, limit))}`,
  );
  return rows.map((r) => ({ value: String(r.value), label: String(r.label), count: Number(r.n) }));
}

/** Picker values for forms (stores, channels, categories, products, event types, UTM values) read from the warehouse. */
export function warehouseValuesRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/values/{kind}',
      tag: 'segments',
      access: 'read',
      summary:
        'Distinct stores, channels, categories, products, event types or UTM source/medium/campaign values in the warehouse, most used first',
      params: z.object({ kind: z.enum(KINDS) }),
      query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
      responses: {
        200: {
          description: 'the values with how often each occurs',
          schema: z.object({
            values: z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() })),
          }),
        },
      },
      handle: async ({ params, query, c }) =>
        sendJson(c, { values: await readValues(deps.engine, params.kind, query.limit) }),
    }),
  ];
}
