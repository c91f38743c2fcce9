import type { OrderCredit } from '@dalbit/core/attribution/attribute-orders';
import { DAY_MS } from '@dalbit/core/attribution/attribution-facts';
import {
  campaignOutcomesSql,
  campaignWindowOrdersSql,
  orderCreditsSql,
} from '@dalbit/core/attribution/attribution-sql';
import type { CustomerOutcome } from '@dalbit/core/attribution/measure-campaign-outcomes';
import type { Engine, Row } from '../engines/engine.ts';

const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : Number(v ?? 0));
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** Window length in ms; days may be fractional (e.g. 0.5 = 12 hours). */
export function toWindowMs(windowDays: number): number {
  if (!(windowDays > 0 && windowDays <= 366))
    throw new RangeError(`attribution window must be in (0, 366] days: ${windowDays}`);
  return Math.round(windowDays * DAY_MS);
}

/** Per-customer outcomes of one campaign, computed in the warehouse. */
export async function loadCampaignOutcomes(
  engine: Engine,
  opts: { campaignId: string; windowDays: number },
): Promise<CustomerOutcome[]> {
  const rows = await engine.query(
    campaignOutcomesSql(engine.dialect, { campaignId: opts.campaignId, windowMs: toWindowMs(opts.windowDays) }),
  );
  return rows.map((r: Row) => ({
    customerId: str(r.customer_id),
    arm: str(r.arm),
    arms: num(r.arms),
    exposures: num(r.exposures),
    firstExposedAt: num(r.first_exposed_ms),
    orders: num(r.orders),
    revenue: num(r.revenue),
    preRevenue: num(r.pre_revenue),
    attributedOrders: num(r.attributed_orders),
    attributedRevenue: num(r.attributed_revenue),
  }));
}

/** Last-touch credit of every counted order across all campaigns. */
export async function loadOrderCredits(engine: Engine, opts: { windowDays: number }): Promise<OrderCredit[]> {
  const rows = await engine.query(orderCreditsSql(engine.dialect, { windowMs: toWindowMs(opts.windowDays) }));
  return rows.map((r: Row) => ({
    orderId: str(r.order_id),
    customerId: str(r.customer_id),
    orderedAt: num(r.ordered_ms),
    paidAmount: num(r.paid_amount),
    campaignId: str(r.campaign_id),
    exposureKey: str(r.exposure_key),
    arm: str(r.arm),
  }));
}

export interface WindowOrder {
  readonly orderId: string;
  readonly customerId: string;
  readonly arm: string;
  readonly channel: string;
  readonly orderedAt: number;
  readonly paidAmount: number;
}

/** Counted orders inside one campaign's windows (daily trend, channel split). */
export async function loadCampaignWindowOrders(
  engine: Engine,
  opts: { campaignId: string; windowDays: number },
): Promise<WindowOrder[]> {
  const rows = await engine.query(
    campaignWindowOrdersSql(engine.dialect, { campaignId: opts.campaignId, windowMs: toWindowMs(opts.windowDays) }),
  );
  return rows.map((r: Row) => ({
    orderId: str(r.order_id),
    customerId: str(r.customer_id),
    arm: str(r.arm),
    channel: str(r.channel),
    orderedAt: num(r.ordered_ms),
    paidAmount: num(r.paid_amount),
  }));
}
