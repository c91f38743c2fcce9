import { keptLineSql } from '@dalbit/core/analytics/revenue';
import { type Engine, type Row, sql } from '../engines/engine.ts';

export interface CustomerView {
  readonly profile: Row;
  readonly identities: readonly Row[];
  readonly channels: readonly Row[];
  readonly orders: { readonly summary: Row; readonly byChannel: readonly Row[]; readonly last: readonly Row[] };
  readonly consents: readonly Row[];
  readonly merges: readonly Row[];
}

/** Everything `customers show` prints about one canonical customer (read-only, both engines). */
export async function readCustomerView(
  engine: Engine,
  customerId: string,
  opts: { lastOrders?: number } = {},
): Promise<CustomerView | undefined> {
  const p = engine.dialect.placeholder(1, 'string');
  const q = (text: string) => engine.query(sql(text, [customerId], ['string']));
  const at = engine.dialect.quoteIdent('at');
  const [profile] = await q(`SELECT * FROM customers WHERE customer_id = ${p}`);
  if (!profile) return undefined;
  const limit = Math.max(1, Math.min(100, opts.lastOrders ?? 5));
  const [summary] = await q(
    `SELECT count(*) AS orders, sum(CASE WHEN status = 'paid' THEN 1 ELSE 0 END) AS paid_orders,
       (SELECT coalesce(sum(line_amount), 0) FROM order_items WHERE customer_id = ${p} AND ${keptLineSql()}) AS revenue,
       min(ordered_at) AS first_order_at, max(ordered_at) AS last_order_at
     FROM orders WHERE customer_id = ${p}`,
  );
  return {
    profile,
    identities: await q(
      `SELECT kind, value, source, mergeable, origin_customer_id, first_seen_at FROM identities WHERE customer_id = ${p} ORDER BY kind, value`,
    ),
    channels: await q(
      `SELECT channel, max(member_id) AS member_id, min(joined_at) AS joined_at, min(first_seen_at) AS first_seen_at, max(last_login_at) AS last_login_at
       FROM customer_channels WHERE customer_id = ${p} GROUP BY channel ORDER BY channel`,
    ),
    orders: {
      summary: summary ?? {},
      byChannel: await q(
        `SELECT o.channel AS channel, count(*) AS orders, coalesce(max(r.revenue), 0) AS revenue
         FROM orders o LEFT JOIN (SELECT channel, sum(line_amount) AS revenue FROM order_items
           WHERE customer_id = ${p} AND ${keptLineSql()} GROUP BY channel) r ON r.channel = o.channel
         WHERE o.customer_id = ${p} GROUP BY o.channel ORDER BY o.channel`,
      ),
      last: await q(
        `SELECT order_id, channel, store, ordered_at, status, paid_amount FROM orders WHERE customer_id = ${p} ORDER BY ordered_at DESC, order_id LIMIT ${limit}`,
      ),
    },
    consents: await q(
      `SELECT channel, purpose, granted, ${at}, source, proof FROM (
         SELECT channel, purpose, granted, ${at}, source, proof, row_number() OVER (PARTITION BY channel, purpose ORDER BY ${at} DESC, consent_id DESC) AS rn
         FROM consents WHERE customer_id = ${p}) t WHERE rn = 1 ORDER BY channel, purpose`,
    ),
    merges: await q(
      `SELECT merge_id, winner_id, loser_id, reason_kind, reason_value, merged_at, undone_at FROM merges
       WHERE winner_id = ${p} OR loser_id = ${p} ORDER BY merged_at, merge_id`,
    ),
  };
}

export async function listMerges(engine: Engine, opts: { limit?: number } = {}): Promise<Row[]> {
  const limit = Math.max(1, Math.min(100_000, opts.limit ?? 1000));
  return engine.query(
    `SELECT merge_id, winner_id, loser_id, reason_kind, reason_value, merged_at, undone_at FROM merges ORDER BY merged_at DESC, merge_id LIMIT ${limit}`,
  );
}
