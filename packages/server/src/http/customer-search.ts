import { keptLineSql } from '@dalbit/core/analytics/revenue';
import { type Engine, type Row, sql } from '../engines/engine.ts';
import { findCustomer } from '../identity/find-customer.ts';

export interface CustomerHit {
  readonly customerId: string;
  readonly name: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly grade: string | null;
  readonly orders: number;
  readonly revenue: number;
  readonly lastOrderAt: Date | null;
}

const PHONE_LIKE = /^[+\d][\d\s().-]{7,}$/;

/**
 * Finds customers for a search box: an id, phone (any format), email or member key finds one
 * customer exactly; four digits match the end of the phone number; anything else searches names.
 * An empty query lists the most recently updated customers.
 */
export async function searchCustomers(
  engine: Engine,
  query: string,
  opts: { limit: number; offset?: number },
): Promise<{ hits: CustomerHit[]; total: number }> {
  const where = await whereOf(engine, query);
  if (!where) return { hits: [], total: 0 };
  const [counted] = await engine.query<{ n: number }>(
    sql(
      `SELECT count(*) AS n FROM customers WHERE ${where.text}`,
      where.params,
      where.params.map(() => 'string' as const),
    ),
  );
  const limit = Math.max(1, Math.min(200, opts.limit));
  const offset = Math.max(0, Math.floor(opts.offset ?? 0));
  const people = await engine.query<Row>(
    sql(
      `SELECT customer_id, name, phone, email, grade FROM customers WHERE ${where.text} ORDER BY updated_at DESC, customer_id LIMIT ${limit} OFFSET ${offset}`,
      where.params,
      where.params.map(() => 'string' as const),
    ),
  );
  return { hits: await withOrders(engine, people), total: Number(counted?.n ?? 0) };
}

/** The WHERE clause of a search (undefined = an exact lookup that found nobody). */
async function whereOf(engine: Engine, query: string): Promise<{ text: string; params: unknown[] } | undefined> {
  const q = query.trim();
  const d = engine.dialect;
  const p1 = d.placeholder(1, 'string');
  let where: { text: string; params: unknown[] } | undefined;
  if (q === '') where = { text: '1 = 1', params: [] };
  else if (/^\d{4}$/.test(q)) where = { text: `phone LIKE ${p1}`, params: [`%${q}`] };
  else if (q.startsWith('c_') || q.includes('@') || PHONE_LIKE.test(q) || q.includes(':')) {
    const found = await findCustomer(engine, q);
    if (!found.found) return undefined;
    where = { text: `customer_id = ${p1}`, params: [found.customerId] };
  } else where = { text: `lower(name) LIKE ${p1}`, params: [`%${q.toLowerCase().replace(/[%_\\]/g, '')}%`] };
  return where;
}

/** Order count, paid revenue and last order time of each found customer. */
async function withOrders(engine: Engine, people: readonly Row[]): Promise<CustomerHit[]> {
  if (people.length === 0) return [];
  const d = engine.dialect;
  const ids = people.map((r) => String(r.customer_id));
  const list = ids.map((_, i) => d.placeholder(i + 1, 'string')).join(', ');
  const orders = await engine.query<{
    customer_id: string;
    orders: number;
    revenue: number;
    last_order_at: Date | null;
  }>(
    sql(
      `SELECT o.customer_id AS customer_id, count(*) AS orders, coalesce(max(r.revenue), 0) AS revenue, max(o.ordered_at) AS last_order_at
       FROM orders o LEFT JOIN (SELECT customer_id, sum(line_amount) AS revenue FROM order_items
         WHERE customer_id IN (${list}) AND ${keptLineSql()} GROUP BY customer_id) r ON r.customer_id = o.customer_id
       WHERE o.customer_id IN (${list}) GROUP BY o.customer_id`,
      ids,
      ids.map(() => 'string' as const),
    ),
  );
  const byId = new Map(orders.map((o) => [o.customer_id, o]));
  return people.map((r) => {
    const o = byId.get(String(r.customer_id));
    const s = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
    return {
      customerId: String(r.customer_id),
      name: s(r.name),
      phone: s(r.phone),
      email: s(r.email),
      grade: s(r.grade),
      orders: Number(o?.orders ?? 0),
      revenue: Number(o?.revenue ?? 0),
      lastOrderAt: o?.last_order_at ?? null,
    };
  });
}
