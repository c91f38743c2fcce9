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
export async function searchCustomers(engine: Engine, query: string, opts: { limit: number }): Promise<CustomerHit[]> {
  const q = query.trim();
  const d = engine.dialect;
  const p1 = d.placeholder(1, 'string');
  let where: { text: string; params: unknown[] } | undefined;
  if (q === '') where = { text: '1 = 1', params: [] };
  else if (/^\d{4}$/.test(q)) where = { text: `phone LIKE ${p1}`, params: [`%${q}`] };
  else if (q.startsWith('c_') || q.includes('@') || PHONE_LIKE.test(q) || q.includes(':')) {
    const found = await findCustomer(engine, q);
    if (!found.found) return [];
    where = { text: `customer_id = ${p1}`, params: [found.customerId] };
  } else where = { text: `lower(name) LIKE ${p1}`, params: [`%${q.toLowerCase().replace(/[%_\\]/g, '')}%`] };
  const people = await engine.query<Row>(
    sql(
      `SELECT customer_id, name, phone, email, grade FROM customers WHERE ${where.text} ORDER BY updated_at DESC, customer_id LIMIT ${Math.max(1, Math.min(200, opts.limit))}`,
      where.params,
      where.params.map(() => 'string' as const),
    ),
  );
  if (people.length === 0) return [];
  const ids = people.map((r) => String(r.customer_id));
  const list = ids.map((_, i) => d.placeholder(i + 1, 'string')).join(', ');
  const orders = await engine.query<{
    customer_id: string;
    orders: number;
    revenue: number;
    last_order_at: Date | null;
  }>(
    sql(
      `SELECT customer_id, count(*) AS orders, coalesce(sum(CASE WHEN status = 'paid' THEN paid_amount ELSE 0 END), 0) AS revenue, max(ordered_at) AS last_order_at
       FROM orders WHERE customer_id IN (${list}) GROUP BY customer_id`,
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
