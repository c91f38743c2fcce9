import { isDiscounted, type TraitOrder } from './trait-inputs.ts';

/**
 * Cherry-picker score in [0, 1]: the share of a customer's orders (any status) that are
 * "cherry-picks" — orders that took a deal (a discount or a coupon) AND either
 *   (a) were a single unit whose gross amount is at most `cheapGross` (the deal item only), or
 *   (b) were cancelled or returned afterwards (took the coupon, then undid the purchase).
 * `cheapGross` is a base-wide threshold (the job uses the median gross amount of all orders).
 * Null for a customer without orders.
 * @example cherryPickerScore(orders, 20000) // 0.5 when half the orders were cheap single deal items
 */
export function cherryPickerScore(orders: readonly TraitOrder[], cheapGross: number): number | null {
  if (orders.length === 0) return null;
  const picks = orders.filter((o) => isCherryPick(o, cheapGross)).length;
  return picks / orders.length;
}

export function isCherryPick(o: TraitOrder, cheapGross: number): boolean {
  if (!isDiscounted(o)) return false;
  const singleCheap = o.units === 1 && o.grossAmount <= cheapGross;
  const undone = o.status === 'cancelled' || o.status === 'returned';
  return singleCheap || undone;
}
