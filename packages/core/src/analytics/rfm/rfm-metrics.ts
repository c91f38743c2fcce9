import type { RfmMetrics } from './score-rfm.ts';

export interface Purchase {
  readonly customerId: string;
  readonly orderId: string;
  /** Calendar day of the purchase as a day number (e.g. days since 1970-01-01 in the business time zone). */
  readonly day: number;
  readonly amount: number;
}

export interface RfmWindow {
  /** The as-of day (same numbering as `Purchase.day`); purchases on or after it are ignored. */
  readonly asOfDay: number;
  /** Only purchases in the last `windowDays` days before the as-of day count (default: all history). */
  readonly windowDays?: number;
}

/**
 * Per-customer recency (as-of day − last purchase day), frequency (distinct order ids) and
 * monetary (sum of amounts) over the window [asOfDay − windowDays, asOfDay). Customers appear in
 * first-purchase order. Amounts are summed as given: pass integers (KRW, cents) for exact sums.
 */
export function computeRfmMetrics(purchases: readonly Purchase[], window: RfmWindow): RfmMetrics[] {
  const from = window.windowDays === undefined ? Number.NEGATIVE_INFINITY : window.asOfDay - window.windowDays;
  const acc = new Map<string, { last: number; orders: Set<string>; monetary: number }>();
  for (const p of purchases) {
    if (p.day >= window.asOfDay || p.day < from) continue;
    let a = acc.get(p.customerId);
    if (a === undefined) {
      a = { last: p.day, orders: new Set(), monetary: 0 };
      acc.set(p.customerId, a);
    }
    if (p.day > a.last) a.last = p.day;
    a.orders.add(p.orderId);
    a.monetary += p.amount;
  }
  return [...acc].map(([customerId, a]) => ({
    customerId,
    recencyDays: window.asOfDay - a.last,
    frequency: a.orders.size,
    monetary: a.monetary,
  }));
}
