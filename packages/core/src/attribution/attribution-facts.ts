/** One row of `campaign_exposures` as attribution reads it (holdout rows included, times in epoch ms). */
export interface ExposureFact {
  readonly exposureKey: string;
  readonly campaignId: string;
  readonly customerId: string;
  readonly arm: string;
  /** When the message was (or, for holdout, would have been) sent. */
  readonly plannedAt: number;
}

/** One row of `orders`, any channel (own shop, marketplaces, offline), times in epoch ms. */
export interface OrderFact {
  readonly orderId: string;
  /** The unified customer; null for anonymous sales, which are never attributed. */
  readonly customerId: string | null;
  readonly orderedAt: number;
  readonly status: string;
  readonly paidAmount: number;
}

/** Orders in these states count as purchases; cancelled and returned ones do not. */
export const COUNTED_ORDER_STATUSES = ['paid', 'exchanged'] as const;

export const DEFAULT_ATTRIBUTION_WINDOW_DAYS = 7;
export const DAY_MS = 86_400_000;

export function isCountedOrder(o: OrderFact): o is OrderFact & { readonly customerId: string } {
  return o.customerId !== null && (COUNTED_ORDER_STATUSES as readonly string[]).includes(o.status);
}

/** True when an order at `orderedAt` falls in the window [plannedAt, plannedAt + windowMs). */
export function isInWindow(orderedAt: number, plannedAt: number, windowMs: number): boolean {
  return orderedAt >= plannedAt && orderedAt < plannedAt + windowMs;
}
