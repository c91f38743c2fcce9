/** One order of a customer as the traits job reads it (every status, placed before as-of). */
export interface TraitOrder {
  readonly orderId: string;
  readonly orderedAt: Date;
  readonly channel: string;
  readonly status: string; // paid | cancelled | returned | exchanged
  readonly grossAmount: number;
  readonly discountAmount: number;
  readonly paidAmount: number;
  readonly couponCode: string | null;
  /** Σ quantity of the order's lines (0 when the order has no lines). */
  readonly units: number;
}

/** Purchase amount of a customer in one category (kept lines: paid or exchanged). */
export interface TraitCategory {
  readonly category: string;
  readonly amount: number;
  readonly lines: number;
}

/** Everything the pure trait formulas need about one customer. */
export interface TraitInput {
  readonly customerId: string;
  readonly orders: readonly TraitOrder[];
  readonly categories: readonly TraitCategory[];
  /** Orders + events per KST hour (index 0–23). */
  readonly hourCounts: readonly number[];
}

/** Statuses that count as a kept purchase. */
export const PURCHASE_STATUSES: readonly string[] = ['paid', 'exchanged'];
export const isPurchase = (o: TraitOrder): boolean => PURCHASE_STATUSES.includes(o.status);
export const isDiscounted = (o: TraitOrder): boolean => o.discountAmount > 0 || o.couponCode !== null;
