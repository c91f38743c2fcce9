import { COUNTED_ORDER_STATUSES } from '@dalbit/core/attribution/attribution-facts';
import type { CouponFact, EngagementFact, MessageFact } from '@dalbit/core/reports/campaign/campaign-report-facts';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine, Row } from '../../engines/engine.ts';

const ms = (v: unknown): number | null =>
  v instanceof Date ? v.getTime() : v === null || v === undefined ? null : new Date(String(v)).getTime();
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** The campaign's messages, one row each (customer, status, reason, accepted/delivered times). */
export async function loadMessageFacts(engine: Engine, campaignId: string): Promise<MessageFact[]> {
  const rows = await engine.query(
    compileBound(
      engine.dialect,
      (b) =>
        `SELECT customer_id, status, reason, accepted_at, delivered_at FROM messages WHERE campaign_id = ${b.p(campaignId, 'string')} AND customer_id IS NOT NULL`,
    ),
  );
  return rows.map((r: Row) => ({
    customerId: str(r.customer_id),
    status: str(r.status),
    reason: r.reason === null || r.reason === undefined || r.reason === '' ? null : String(r.reason),
    acceptedAt: ms(r.accepted_at),
    deliveredAt: ms(r.delivered_at),
  }));
}

/**
 * Opens and clicks: `message_events` with status opened/clicked on the campaign's messages, and
 * tracker `events` message_opened/message_clicked naming the campaign (utm_campaign or a
 * `campaign_id` property).
 */
export async function loadEngagementFacts(engine: Engine, campaignId: string): Promise<EngagementFact[]> {
  const fromOutbox = await engine.query(
    compileBound(
      engine.dialect,
      (b) => `SELECT DISTINCT m.customer_id AS customer_id, e.status AS kind FROM message_events AS e
  INNER JOIN messages AS m ON e.idempotency_key = m.idempotency_key
  WHERE m.campaign_id = ${b.p(campaignId, 'string')} AND m.customer_id IS NOT NULL AND e.status IN (${b.p('opened', 'string')}, ${b.p('clicked', 'string')})`,
    ),
  );
  const f = engine.dialect.fn;
  const fromTracker = await engine.query(
    compileBound(
      engine.dialect,
      (b) => `SELECT DISTINCT customer_id, type AS kind FROM events
  WHERE customer_id IS NOT NULL AND type IN (${b.p('message_opened', 'string')}, ${b.p('message_clicked', 'string')})
    AND (utm_campaign = ${b.p(campaignId, 'string')} OR ${f.jsonString('properties', b.p(f.jsonKeyValue('campaign_id'), 'string'))} = ${b.p(campaignId, 'string')})`,
    ),
  );
  return [...fromOutbox, ...fromTracker].map((r: Row) => ({
    customerId: str(r.customer_id),
    kind: str(r.kind).endsWith('opened') ? 'opened' : 'clicked',
  }));
}

const norm = (col: string): string => `upper(replace(replace(${col}, '-', ''), ' ', ''))`;

/**
 * Coupons issued by the campaign and their use: `coupon_redemptions` (valid rows) when the
 * campaign has any, else counted orders whose coupon code is one of the campaign's codes
 * (compared without case, spaces or dashes), credited to the coupon's owner.
 */
export async function loadCouponFacts(
  engine: Engine,
  campaignId: string,
): Promise<{ facts: CouponFact[]; source: 'coupon_redemptions' | 'order_coupon_codes' }> {
  const issued = await engine.query(
    compileBound(
      engine.dialect,
      (b) => `SELECT customer_id FROM coupons WHERE campaign_id = ${b.p(campaignId, 'string')}`,
    ),
  );
  const facts: CouponFact[] = issued.map((r: Row) => ({
    customerId: str(r.customer_id),
    kind: 'issued',
    paidAmount: 0,
  }));
  const [recorded] = await engine.query(
    compileBound(
      engine.dialect,
      (b) => `SELECT count(*) AS n FROM coupon_redemptions WHERE campaign_id = ${b.p(campaignId, 'string')}`,
    ),
  );
  const useTable = Number(recorded?.n ?? 0) > 0;
  const redeemed = await engine.query(
    compileBound(engine.dialect, (b) =>
      useTable
        ? `SELECT coupon_customer_id AS customer_id, paid_amount FROM coupon_redemptions WHERE campaign_id = ${b.p(campaignId, 'string')} AND valid`
        : `SELECT k.customer_id AS customer_id, o.paid_amount AS paid_amount FROM orders AS o
  INNER JOIN coupons AS k ON ${norm('o.coupon_code')} = ${norm('k.code')}
  WHERE k.campaign_id = ${b.p(campaignId, 'string')} AND o.coupon_code IS NOT NULL
    AND o.status IN (${COUNTED_ORDER_STATUSES.map((s) => b.p(s, 'string')).join(', ')})`,
    ),
  );
  for (const r of redeemed)
    facts.push({ customerId: str(r.customer_id), kind: 'redeemed', paidAmount: Number(r.paid_amount ?? 0) });
  return { facts, source: useTable ? 'coupon_redemptions' : 'order_coupon_codes' };
}
