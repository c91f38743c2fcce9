import { attributeOrders } from './attribute-orders.ts';
import { type ExposureFact, isCountedOrder, isInWindow, type OrderFact } from './attribution-facts.ts';

/** What one customer of a campaign did after being exposed (the unit of the experiment). */
export interface CustomerOutcome {
  readonly customerId: string;
  /** The customer's arm; the smallest name if data ever put them in two (see `arms`). */
  readonly arm: string;
  /** Number of distinct arms seen for this customer (1 unless the split was broken). */
  readonly arms: number;
  readonly exposures: number;
  readonly firstExposedAt: number;
  /** Counted orders inside the window after any of the customer's exposures to this campaign. */
  readonly orders: number;
  readonly revenue: number;
  /** Counted orders in the window-long period before the first exposure (CUPED covariate). */
  readonly preRevenue: number;
  /** Orders and revenue credited to this campaign by last touch across all campaigns. */
  readonly attributedOrders: number;
  readonly attributedRevenue: number;
}

/**
 * Per-customer outcomes of one campaign (reference implementation of `campaignOutcomesSql`).
 * Conversion for the experiment is intention-to-treat: an order counts when it falls inside the
 * window after any exposure of this campaign, whatever else the customer received, so arms stay
 * comparable; last-touch credit across campaigns is reported beside it. Sorted by customer id.
 */
export function measureCampaignOutcomes(input: {
  campaignId: string;
  exposures: readonly ExposureFact[];
  orders: readonly OrderFact[];
  windowMs: number;
}): CustomerOutcome[] {
  const { campaignId, windowMs } = input;
  const mine = new Map<string, ExposureFact[]>();
  for (const e of input.exposures) {
    if (e.campaignId !== campaignId) continue;
    const list = mine.get(e.customerId);
    if (list) list.push(e);
    else mine.set(e.customerId, [e]);
  }
  const ordersOf = new Map<string, OrderFact[]>();
  for (const o of input.orders) {
    if (!isCountedOrder(o) || !mine.has(o.customerId)) continue;
    const list = ordersOf.get(o.customerId);
    if (list) list.push(o);
    else ordersOf.set(o.customerId, [o]);
  }
  const credited = new Map<string, { orders: number; revenue: number }>();
  const relevant = input.exposures.filter((e) => mine.has(e.customerId));
  for (const c of attributeOrders({ exposures: relevant, orders: input.orders, windowMs })) {
    if (c.campaignId !== campaignId) continue;
    const a = credited.get(c.customerId) ?? { orders: 0, revenue: 0 };
    credited.set(c.customerId, { orders: a.orders + 1, revenue: a.revenue + c.paidAmount });
  }
  const out: CustomerOutcome[] = [];
  for (const [customerId, exposures] of mine) {
    const arms = [...new Set(exposures.map((e) => e.arm))].sort();
    const first = Math.min(...exposures.map((e) => e.plannedAt));
    const orders = ordersOf.get(customerId) ?? [];
    const inWindow = orders.filter((o) => exposures.some((e) => isInWindow(o.orderedAt, e.plannedAt, windowMs)));
    const before = orders.filter((o) => o.orderedAt >= first - windowMs && o.orderedAt < first);
    const a = credited.get(customerId);
    out.push({
      customerId,
      arm: arms[0] ?? '',
      arms: arms.length,
      exposures: exposures.length,
      firstExposedAt: first,
      orders: inWindow.length,
      revenue: inWindow.reduce((s, o) => s + o.paidAmount, 0),
      preRevenue: before.reduce((s, o) => s + o.paidAmount, 0),
      attributedOrders: a?.orders ?? 0,
      attributedRevenue: a?.revenue ?? 0,
    });
  }
  return out.sort((x, y) => (x.customerId < y.customerId ? -1 : x.customerId > y.customerId ? 1 : 0));
}
