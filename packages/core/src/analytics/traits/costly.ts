import type { CustomerTraits } from './customer-traits.ts';

/** A costly customer cancels or returns at least this share of their orders… */
export const COSTLY_MIN_RATE = 0.3;
/** …over at least this many orders: one cancelled first order is not a pattern (it would read 100 %). */
export const COSTLY_MIN_ORDERS = 3;

/** Cancel rate + return rate (0 when the customer has no orders). */
export const costlyRate = (t: Pick<CustomerTraits, 'cancelRate' | 'returnRate'>): number =>
  (t.cancelRate ?? 0) + (t.returnRate ?? 0);

/**
 * Whether a customer counts as costly: the same rule as the `costly-customers` recipe's defaults.
 * @example isCostly({ orders: 1, cancelRate: 1, returnRate: 0 }) // false: one order is too few
 */
export const isCostly = (t: Pick<CustomerTraits, 'orders' | 'cancelRate' | 'returnRate'>): boolean =>
  t.orders >= COSTLY_MIN_ORDERS && costlyRate(t) >= COSTLY_MIN_RATE;
