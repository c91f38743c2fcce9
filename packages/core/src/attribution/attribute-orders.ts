import { type ExposureFact, isCountedOrder, isInWindow, type OrderFact } from './attribution-facts.ts';

/** An order credited to one exposure by the last-touch rule. */
export interface OrderCredit {
  readonly orderId: string;
  readonly customerId: string;
  readonly orderedAt: number;
  readonly paidAmount: number;
  readonly campaignId: string;
  readonly exposureKey: string;
  readonly arm: string;
}

/**
 * Orders before exposures: the most recent exposure first; equal times by campaign id, then
 * exposure key (ascending), so the same data always gives the same credit.
 */
export function compareTouches(a: ExposureFact, b: ExposureFact): number {
  if (a.plannedAt !== b.plannedAt) return b.plannedAt - a.plannedAt;
  if (a.campaignId !== b.campaignId) return a.campaignId < b.campaignId ? -1 : 1;
  return a.exposureKey < b.exposureKey ? -1 : a.exposureKey > b.exposureKey ? 1 : 0;
}

/**
 * Last-touch attribution across campaigns (reference implementation; the warehouse runs the same
 * rule in SQL, see `attribution-sql.ts`). A counted order (paid or exchanged, with a customer) is
 * credited to the latest exposure of the same customer at or before it whose window still covers
 * it (`plannedAt ≤ orderedAt < plannedAt + window`), whatever the campaign. Holdout exposures take
 * part with their planned time, so a campaign's holdout and treated arms lose orders to other
 * campaigns alike. Orders no window covers are not credited. Output sorted by order id.
 */
export function attributeOrders(input: {
  exposures: readonly ExposureFact[];
  orders: readonly OrderFact[];
  windowMs: number;
}): OrderCredit[] {
  const byCustomer = new Map<string, ExposureFact[]>();
  for (const e of input.exposures) {
    const list = byCustomer.get(e.customerId);
    if (list) list.push(e);
    else byCustomer.set(e.customerId, [e]);
  }
  for (const list of byCustomer.values()) list.sort(compareTouches);
  const credits: OrderCredit[] = [];
  for (const o of input.orders) {
    if (!isCountedOrder(o)) continue;
    const touch = byCustomer.get(o.customerId)?.find((e) => isInWindow(o.orderedAt, e.plannedAt, input.windowMs));
    if (touch === undefined) continue;
    credits.push({
      orderId: o.orderId,
      customerId: o.customerId,
      orderedAt: o.orderedAt,
      paidAmount: o.paidAmount,
      campaignId: touch.campaignId,
      exposureKey: touch.exposureKey,
      arm: touch.arm,
    });
  }
  return credits.sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
}
