import { findChannelMigration } from './channel-migration.ts';
import { cherryPickerScore } from './cherry-picker.ts';
import type { CustomerTraits } from './customer-traits.ts';
import { findInterpurchase } from './interpurchase.ts';
import { median } from './median.ts';
import { findPreferredCategory, findPreferredHour } from './preferences.ts';
import { isDiscounted, isPurchase, type TraitInput, type TraitOrder } from './trait-inputs.ts';

/** The base-wide threshold for "a cheap order": the median gross amount of every order. */
export function findCheapGross(inputs: readonly TraitInput[]): number {
  return median(inputs.flatMap((c) => c.orders.map((o) => o.grossAmount))) ?? 0;
}

/**
 * Traits of every customer. Pure: the job loads orders, category amounts and hour counts placed
 * before the as-of instant and passes them in.
 * @example computeTraits(inputs) // one CustomerTraits per input, same order
 */
export function computeTraits(inputs: readonly TraitInput[], options: { cheapGross?: number } = {}): CustomerTraits[] {
  const cheapGross = options.cheapGross ?? findCheapGross(inputs);
  return inputs.map((c) => computeCustomerTraits(c, cheapGross));
}

const rate = (n: number, d: number): number | null => (d === 0 ? null : n / d);

export function computeCustomerTraits(c: TraitInput, cheapGross: number): CustomerTraits {
  const o = c.orders;
  const count = (p: (x: TraitOrder) => boolean): number => o.filter(p).length;
  const discount = o.reduce((s, x) => s + x.discountAmount, 0);
  const listPrice = o.reduce((s, x) => s + x.paidAmount + x.discountAmount, 0);
  const gaps = findInterpurchase(o.filter(isPurchase).map((x) => x.orderedAt));
  return {
    customerId: c.customerId,
    orders: o.length,
    discountOrderShare: rate(count(isDiscounted), o.length),
    avgDiscountRate: o.length === 0 ? null : rate(discount, listPrice),
    couponUses: count((x) => x.couponCode !== null),
    cherryPickerScore: cherryPickerScore(o, cheapGross),
    cancelRate: rate(
      count((x) => x.status === 'cancelled'),
      o.length,
    ),
    returnRate: rate(
      count((x) => x.status === 'returned'),
      o.length,
    ),
    ...findChannelMigration(o),
    preferredCategory: findPreferredCategory(c.categories),
    medianInterpurchaseDays: gaps?.medianDays ?? null,
    nextExpectedPurchaseAt: gaps?.nextExpectedAt ?? null,
    preferredHour: findPreferredHour(c.hourCounts),
  };
}
