/** One row of `customer_traits` (see docs/decisions/0006-traits-and-clusters.md for every definition). */
export interface CustomerTraits {
  readonly customerId: string;
  /** Orders of any status placed before the as-of instant (the denominator of the rates below). */
  readonly orders: number;
  /** Share of orders (any status) with a discount or a coupon. */
  readonly discountOrderShare: number | null;
  /** Σ discount / Σ (paid + discount) over orders (any status). */
  readonly avgDiscountRate: number | null;
  /** Orders placed with a coupon code. */
  readonly couponUses: number;
  readonly cherryPickerScore: number | null;
  readonly cancelRate: number | null;
  readonly returnRate: number | null;
  readonly firstChannel: string | null;
  readonly currentChannel: string | null;
  /** First own-shop purchase placed after a marketplace purchase. */
  readonly migratedAt: Date | null;
  readonly preferredCategory: string | null;
  readonly medianInterpurchaseDays: number | null;
  /** Last purchase + the median inter-purchase interval: the customer's golden time. */
  readonly nextExpectedPurchaseAt: Date | null;
  /** Mode of the KST hour of orders and events (0–23). */
  readonly preferredHour: number | null;
}
