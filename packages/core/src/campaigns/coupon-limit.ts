/** What one customer holds of one campaign's coupon when a new code would be issued. */
export interface CouponHold {
  /** Codes of this coupon ever issued to the customer. */
  readonly issued: number;
  /** Of those, codes neither expired nor redeemed. */
  readonly live: number;
}

/** The limits a coupon carries from its campaign definition. */
export interface CouponLimits {
  /** Codes the campaign may issue in all. */
  readonly budget?: number | undefined;
  /** Codes one customer may receive in all (`perCustomer` of the coupon spec). */
  readonly perCustomer?: number | undefined;
  /** Secret coupon: once per customer ever, and not while another secret coupon is open. */
  readonly secret: boolean;
}

export type CouponRefusal =
  | 'COUPON_BUDGET_EXHAUSTED'
  | 'COUPON_ONCE_PER_CUSTOMER'
  | 'COUPON_PER_CUSTOMER_LIMIT'
  | 'COUPON_STILL_HELD';

/**
 * Whether one more code may go to a customer, first refusal wins: the campaign's budget, the
 * secret-coupon rule, the per-customer count, then "never two live codes of the same coupon to one
 * customer" (always on: a second open code would only confuse which one to type).
 * @example couponRefusal({ perCustomer: 2, secret: false }, 10, { issued: 2, live: 0 }, false) // 'COUPON_PER_CUSTOMER_LIMIT'
 */
export function couponRefusal(
  limits: CouponLimits,
  campaignIssued: number,
  hold: CouponHold,
  holdsOtherSecret: boolean,
): CouponRefusal | undefined {
  if (limits.budget !== undefined && campaignIssued >= limits.budget) return 'COUPON_BUDGET_EXHAUSTED';
  if (limits.secret && (hold.issued > 0 || holdsOtherSecret)) return 'COUPON_ONCE_PER_CUSTOMER';
  if (limits.perCustomer !== undefined && hold.issued >= limits.perCustomer) return 'COUPON_PER_CUSTOMER_LIMIT';
  if (hold.live > 0) return 'COUPON_STILL_HELD';
  return undefined;
}
