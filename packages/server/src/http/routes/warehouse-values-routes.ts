import { z } from 'zod';
import { type Engine, sql } from '../../engines/engine.ts';
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

/** Events read for the property pickers: the newest ones, enough to list every key in use. */
const PROPERTY_SAMPLE = 20_000;

/** Property keys of recent events (of one type, or all) with how often each occurs and its most common values. */
export async function readEventProperties(
  engine: Engine,
  type: string | undefined,
): Promise<{ key: string; count: number; values: { value: string; count: number }[] }[]> {
  const d = engine.dialect;
  const rows = await engine.query<{ properties: string | null }>(
    sql(
      `SELECT properties FROM events WHERE properties IS NOT NULL${type ? ` AND type = ${d.placeholder(1, 'string')}` : ''}
       ORDER BY occurred_at DESC LIMIT ${PROPERTY_SAMPLE}`,
      type ? [type] : [],
      type ? ['string'] : [],
    ),
  );
  const keys = new Map<string, { count: number; values: Map<string, number> }>();
  for (const r of rows) {
    let parsed: unknown;
    try {
      parsed = typeof r.properties === 'string' ? JSON.parse(r.properties) : r.properties;
    } catch {
      continue;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) continue;
    for (const [key, v] of Object.entries(parsed)) {
      const k = keys.get(key) ?? { count: 0, values: new Map<string, number>() };
      k.count += 1;
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        k.values.set(String(v), (k.values.get(String(v)) ?? 0) + 1);
      keys.set(key, k);
    }
  }
  const byCount = <T extends { count: number }>(a: T & { k: string }, b: T & { k: string }) =>
    b.count - a.count || (a.k < b.k ? -1 : 1);
  return [...keys]
    .map(([k, v]) => ({ k, ...v }))
    .sort(byCount)
    .map(({ k, count, values }) => ({
      key: k,
      count,
      values: [...values]
        .map(([value, n]) => ({ k: value, count: n }))
        .sort(byCount)
        .slice(0, 50)
        .map(({ k: value, count: n }) => ({ value, count: n })),
    }));
}

/** Event property keys and values for the condition builder's pickers. */
export function eventPropertyRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/event-properties',
      tag: 'segments',
      access: 'read',
      summary: `Property keys of the newest ${PROPERTY_SAMPLE.toLocaleString('en')} events (of one type, or all), most used first, each with its 50 most common values`,
      query: z.object({ type: z.string().min(1).max(100).optional() }),
      responses: {
        200: {
          description: 'the keys',
          schema: z.object({
            keys: z.array(
              z.object({
                key: z.string(),
                count: z.number().int(),
                values: z.array(z.object({ value: z.string(), count: z.number().int() })),
              }),
            ),
          }),
        },
      },
      handle: async ({ query, c }) => sendJson(c, { keys: await readEventProperties(deps.engine, query.type) }),
    }),
  ];
}
