import type { TraitCategory, TraitInput, TraitOrder } from '@dalbit/core/analytics/traits/trait-inputs';
import { PURCHASE_STATUSES } from '@dalbit/core/analytics/traits/trait-inputs';
import type { ParamType } from '@dalbit/core/sql/dialect';
import { type Engine, eachChunk, sql } from '../../engines/engine.ts';

const KST_HOUR = (ts: string): string => `EXTRACT(HOUR FROM ${ts} + INTERVAL 9 HOUR)`;

/** Every order placed before `asOf` with its unit count, streamed into `ordersOf(customer)`. */
async function loadOrders(engine: Engine, asOf: Date, ordersOf: (customerId: string) => TraitOrder[]): Promise<void> {
  const q = engine.dialect.quoteIdent;
  // Streamed: at 10M orders no second copy of them sits on the heap as row objects.
  await eachChunk<{
    customer_id: string;
    order_id: string;
    ordered_at: Date;
    channel: string;
    status: string;
    gross_amount: number;
    discount_amount: number;
    paid_amount: number;
    coupon_code: string | null;
    units: number | null;
  }>(
    engine,
    sql(
      `SELECT o.${q('customer_id')} AS customer_id, o.${q('order_id')} AS order_id, o.${q('ordered_at')} AS ordered_at, o.${q('channel')} AS channel,
         o.${q('status')} AS status, o.${q('gross_amount')} AS gross_amount, o.${q('discount_amount')} AS discount_amount,
         o.${q('paid_amount')} AS paid_amount, o.${q('coupon_code')} AS coupon_code, i.units AS units
       FROM ${q('orders')} o
       LEFT JOIN (SELECT ${q('order_id')} AS order_id, sum(${q('quantity')}) AS units FROM ${q('order_items')} GROUP BY ${q('order_id')}) i
         ON i.order_id = o.${q('order_id')}
       WHERE o.${q('customer_id')} IS NOT NULL AND o.${q('ordered_at')} < ${engine.dialect.placeholder(1, 'timestamp')}`,
      [asOf],
      ['timestamp'],
    ),
    (rows) => {
      for (const r of rows)
        ordersOf(r.customer_id).push({
          orderId: r.order_id,
          orderedAt: r.ordered_at,
          channel: r.channel,
          status: r.status,
          grossAmount: Number(r.gross_amount),
          discountAmount: Number(r.discount_amount),
          paidAmount: Number(r.paid_amount),
          couponCode: r.coupon_code === null || r.coupon_code === '' ? null : r.coupon_code,
          units: Number(r.units ?? 0),
        });
    },
  );
}

/**
 * Reads what the trait formulas need for EVERY customer, from rows placed before `asOf`:
 * orders (any status) with their unit counts, kept-purchase amounts per category, and the KST hour
 * histogram of orders + events. Set-based SQL, one query per input; the formulas run in core.
 */
export async function loadTraitInputs(engine: Engine, asOf: Date): Promise<TraitInput[]> {
  const q = engine.dialect.quoteIdent;
  const p = (i: number, t: ParamType): string => engine.dialect.placeholder(i, t);
  const customers = await engine.query<{ customer_id: string }>(
    `SELECT ${q('customer_id')} AS customer_id FROM ${q('customers')} ORDER BY ${q('customer_id')}`,
  );
  const byId = new Map<string, { orders: TraitOrder[]; categories: TraitCategory[]; hourCounts: number[] }>();
  const entry = (id: string) => {
    const found = byId.get(id);
    if (found) return found;
    const e: { orders: TraitOrder[]; categories: TraitCategory[]; hourCounts: number[] } = {
      orders: [],
      categories: [],
      hourCounts: new Array<number>(24).fill(0),
    };
    byId.set(id, e);
    return e;
  };
  for (const c of customers) entry(c.customer_id);
  await loadOrders(engine, asOf, (id) => entry(id).orders);
  const statusList = PURCHASE_STATUSES.map((_, i) => p(i + 2, 'string')).join(', ');
  const categories = await engine.query<{ customer_id: string; category: string; amount: number; lines: number }>(
    sql(
      `SELECT ${q('customer_id')} AS customer_id, ${q('category')} AS category, sum(${q('line_amount')}) AS amount, count(*) AS lines
       FROM ${q('order_items')}
       WHERE ${q('customer_id')} IS NOT NULL AND ${q('category')} IS NOT NULL AND ${q('ordered_at')} < ${p(1, 'timestamp')} AND ${q('status')} IN (${statusList})
       GROUP BY ${q('customer_id')}, ${q('category')}`,
      [asOf, ...PURCHASE_STATUSES],
      ['timestamp', ...PURCHASE_STATUSES.map((): ParamType => 'string')],
    ),
  );
  const hours = async (table: string, at: string) =>
    engine.query<{ customer_id: string; h: number; n: number }>(
      sql(
        `SELECT ${q('customer_id')} AS customer_id, ${KST_HOUR(q(at))} AS h, count(*) AS n FROM ${q(table)}
         WHERE ${q('customer_id')} IS NOT NULL AND ${q(at)} < ${p(1, 'timestamp')} GROUP BY ${q('customer_id')}, h`,
        [asOf],
        ['timestamp'],
      ),
    );
  for (const r of categories)
    entry(r.customer_id).categories.push({ category: r.category, amount: Number(r.amount), lines: Number(r.lines) });
  for (const r of [...(await hours('orders', 'ordered_at')), ...(await hours('events', 'occurred_at'))]) {
    const counts = entry(r.customer_id).hourCounts;
    const h = Number(r.h);
    counts[h] = (counts[h] ?? 0) + Number(r.n);
  }
  return [...byId.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([customerId, e]) => ({ customerId, ...e }));
}
