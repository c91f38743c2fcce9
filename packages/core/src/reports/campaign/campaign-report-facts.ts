import type { CustomerOutcome } from '../../attribution/measure-campaign-outcomes.ts';
import type { ArmWeight } from '../../experiments/assign-arm.ts';

/** A row of `messages` for this campaign (times in epoch ms). */
export interface MessageFact {
  readonly customerId: string;
  readonly status: string;
  /** GuardReason for blocked / deferred, SendErrorCode for failed. */
  readonly reason: string | null;
  readonly acceptedAt: number | null;
  readonly deliveredAt: number | null;
}

/** A customer opened or clicked a message of this campaign. */
export interface EngagementFact {
  readonly customerId: string;
  readonly kind: 'opened' | 'clicked';
}

/** A coupon issued by the campaign, or one of its codes seen on a counted order. */
export interface CouponFact {
  readonly customerId: string;
  readonly kind: 'issued' | 'redeemed';
  /** Paid amount of the redeeming order (0 for issued). */
  readonly paidAmount: number;
}

/** A counted order inside the campaign's windows. */
export interface WindowOrderFact {
  readonly arm: string;
  readonly channel: string;
  readonly orderedAt: number;
  readonly paidAmount: number;
}

/** Everything the campaign report is computed from; the server loads it, the core decides. */
export interface CampaignReportFacts {
  readonly campaignId: string;
  readonly campaignName: string | undefined;
  readonly windowDays: number;
  /** Planned split (for the SRM check); undefined when the campaign definition is not stored. */
  readonly weights: readonly ArmWeight[] | undefined;
  /** Arm to compare against; default `holdout` when present, else the first planned arm. */
  readonly control: string | undefined;
  readonly level: number;
  readonly outcomes: readonly CustomerOutcome[];
  readonly messages: readonly MessageFact[];
  readonly engagement: readonly EngagementFact[];
  readonly coupons: readonly CouponFact[];
  /** Where redemptions came from: `coupon_redemptions`, or coupon codes on orders. */
  readonly couponSource: 'coupon_redemptions' | 'order_coupon_codes';
  readonly windowOrders: readonly WindowOrderFact[];
}
