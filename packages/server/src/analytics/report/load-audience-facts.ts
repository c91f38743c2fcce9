import type { ItemCount } from '@dalbit/core/analytics/report/index-items';
import { KEPT_LINE_STATUSES } from '@dalbit/core/analytics/revenue';
import type { CompiledQuery } from '@dalbit/core/sql/dialect';
import type { Engine } from '../../engines/engine.ts';
import { MemberBoundQuery, type MemberSet } from './member-set.ts';

/** Statuses that count as a purchase: the kept lines of the one revenue definition. */
export const PURCHASE_STATUSES = KEPT_LINE_STATUSES;
export const VIEW_EVENTS = ['page_view', 'product_view'] as const;
export const REACH_CHANNELS = ['sms', 'kakao', 'email', 'push'] as const;

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

type Q = (b: MemberBoundQuery, q: (name: string) => string) => string;

async function run<T extends Record<string, unknown>>(engine: Engine, members: MemberSet, build: Q): Promise<T[]> {
  const b = new MemberBoundQuery(engine.dialect, members);
  const text = build(b, engine.dialect.quoteIdent);
  return engine.query<T>(b.build(text) as CompiledQuery);
}

const purchases = (b: MemberBoundQuery, q: (n: string) => string, asOf: Date, alias = ''): string =>
  `${alias}${q('status')} IN (${b.list(PURCHASE_STATUSES)}) AND ${alias}${q('ordered_at')} < ${b.bind(asOf, 'timestamp')} AND ${b.members(`${alias}${q('customer_id')}`)}`;

export async function loadSize(
  engine: Engine,
  members: MemberSet,
): Promise<{ size: number; phones: number; emails: number }> {
  const [r] = await run(
    engine,
    members,
    (b, q) =>
      `SELECT count(*) AS n, sum(CASE WHEN ${q('phone')} IS NOT NULL THEN 1 ELSE 0 END) AS phones, sum(CASE WHEN ${q('email')} IS NOT NULL THEN 1 ELSE 0 END) AS emails
     FROM ${q('customers')} WHERE ${b.members(q('customer_id'))}`,
  );
  return { size: num(r?.n), phones: num(r?.phones), emails: num(r?.emails) };
}

/** One row per buyer: orders with a kept line, net revenue (kept lines) and the last purchase instant. */
export async function loadBuyers(
  engine: Engine,
  members: MemberSet,
  asOf: Date,
): Promise<{ orders: number; revenue: number; lastAt: Date }[]> {
  const rows = await run<{ orders: number; revenue: number; last_at: Date }>(
    engine,
    members,
    (b, q) =>
      `SELECT ${q('customer_id')} AS customer_id, count(DISTINCT ${q('order_id')}) AS orders, sum(${q('line_amount')}) AS revenue, max(${q('ordered_at')}) AS last_at
     FROM ${q('order_items')} WHERE ${purchases(b, q, asOf)} GROUP BY ${q('customer_id')}`,
  );
  return rows.map((r) => ({ orders: num(r.orders), revenue: num(r.revenue), lastAt: r.last_at }));
}

/** Buyers and revenue per category or product (kept purchase lines). */
export async function loadItems(
  engine: Engine,
  members: MemberSet,
  asOf: Date,
  by: 'category' | 'product',
): Promise<ItemCount[]> {
  const rows = await run<{ k: string; name: string | null; buyers: number; revenue: number }>(
    engine,
    members,
    (b, q) => {
      const key = by === 'category' ? q('category') : q('product_id');
      const name = by === 'category' ? q('category') : `max(${q('product_name')})`;
      return `SELECT ${key} AS k, ${name} AS name, count(DISTINCT ${q('customer_id')}) AS buyers, sum(${q('line_amount')}) AS revenue
            FROM ${q('order_items')} WHERE ${key} IS NOT NULL AND ${purchases(b, q, asOf)} GROUP BY ${key}`;
    },
  );
  return rows.map((r) => ({ key: r.k, name: r.name ?? r.k, buyers: num(r.buyers), revenue: num(r.revenue) }));
}

export async function loadChannels(
  engine: Engine,
  members: MemberSet,
  asOf: Date,
): Promise<{ channel: string; buyers: number; orders: number; revenue: number }[]> {
  const rows = await run<{ channel: string; buyers: number; orders: number; revenue: number }>(
    engine,
    members,
    (b, q) =>
      `SELECT ${q('channel')} AS channel, count(DISTINCT ${q('customer_id')}) AS buyers, count(DISTINCT ${q('order_id')}) AS orders, sum(${q('line_amount')}) AS revenue
     FROM ${q('order_items')} WHERE ${purchases(b, q, asOf)} GROUP BY ${q('channel')}`,
  );
  return rows.map((r) => ({
    channel: r.channel,
    buyers: num(r.buyers),
    orders: num(r.orders),
    revenue: num(r.revenue),
  }));
}

/**
 * Per channel: members whose LATEST ad-consent event at or before as-of is a grant (at equal times
 * a refusal wins, as in the feature table and compliance; docs/metrics.md), and how many of them have
 * the contact the channel needs.
 */
export async function loadAdConsent(
  engine: Engine,
  members: MemberSet,
  asOf: Date,
): Promise<{ channel: string; consented: number; reachable: number }[]> {
  const rows = await run<{ channel: string; consented: number; reachable: number }>(engine, members, (b, q) => {
    const phoneChannels = b.list(['sms', 'kakao']);
    const email = b.bind('email', 'string');
    return `SELECT l.channel AS channel, count(*) AS consented,
              sum(CASE WHEN (l.channel IN (${phoneChannels}) AND cu.${q('phone')} IS NOT NULL) OR (l.channel = ${email} AND cu.${q('email')} IS NOT NULL)
                         OR (l.channel NOT IN (${phoneChannels}) AND l.channel <> ${email}) THEN 1 ELSE 0 END) AS reachable
            FROM (SELECT ${q('customer_id')} AS customer_id, ${q('channel')} AS channel, ${q('granted')} AS granted,
                         row_number() OVER (PARTITION BY ${q('customer_id')}, ${q('channel')} ORDER BY ${q('at')} DESC, ${q('granted')} ASC, ${q('consent_id')} DESC) AS rn
                  FROM ${q('consents')}
                  WHERE ${q('purpose')} = ${b.bind('ad', 'string')} AND ${q('at')} <= ${b.bind(asOf, 'timestamp')} AND ${b.members(q('customer_id'))}) l
            JOIN ${q('customers')} cu ON cu.${q('customer_id')} = l.customer_id
            WHERE l.rn = 1 AND l.granted
            GROUP BY l.channel`;
  });
  return rows.map((r) => ({ channel: r.channel, consented: num(r.consented), reachable: num(r.reachable) }));
}

/** Page/product views of members in [from, asOf), sorted by customer then time. */
export async function loadViews(
  engine: Engine,
  members: MemberSet,
  from: Date,
  asOf: Date,
): Promise<{ visitor: string; at: Date }[]> {
  const rows = await run<{ visitor: string; at: Date }>(
    engine,
    members,
    (b, q) =>
      `SELECT ${q('customer_id')} AS visitor, ${q('occurred_at')} AS at FROM ${q('events')}
     WHERE ${q('type')} IN (${b.list(VIEW_EVENTS)}) AND ${q('occurred_at')} >= ${b.bind(from, 'timestamp')} AND ${q('occurred_at')} < ${b.bind(asOf, 'timestamp')}
       AND ${q('customer_id')} IS NOT NULL AND ${b.members(q('customer_id'))}
     ORDER BY ${q('customer_id')}, ${q('occurred_at')}`,
  );
  return rows;
}

/** Revenue and distinct buyers per KST calendar month in [from, asOf). */
export async function loadMonthly(
  engine: Engine,
  members: MemberSet,
  from: Date,
  asOf: Date,
): Promise<{ year: number; month: number; revenue: number; customers: number }[]> {
  const rows = await run<{ y: number; m: number; revenue: number; customers: number }>(engine, members, (b, q) => {
    const kst = `${q('ordered_at')} + INTERVAL 9 HOUR`;
    return `SELECT EXTRACT(YEAR FROM ${kst}) AS y, EXTRACT(MONTH FROM ${kst}) AS m, sum(${q('paid_amount')}) AS revenue, count(DISTINCT ${q('customer_id')}) AS customers
            FROM ${q('orders')} WHERE ${q('ordered_at')} >= ${b.bind(from, 'timestamp')} AND ${purchases(b, q, asOf)} GROUP BY y, m`;
  });
  return rows.map((r) => ({ year: num(r.y), month: num(r.m), revenue: num(r.revenue), customers: num(r.customers) }));
}
