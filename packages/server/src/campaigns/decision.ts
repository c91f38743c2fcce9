import type { CouponLimits } from '@dalbit/core/campaigns/coupon-limit';
import type { ChannelKind, MessagePurpose } from '@dalbit/core/channels/channel-kind';
import type { OutboundMessage } from '@dalbit/core/channels/outbound-message';
import type { GuardNote } from '@dalbit/core/compliance/reason-code';

/** Why a touch produced no message, beyond the guard's reasons (stable codes, stored in messages.reason). */
export const CAMPAIGN_BLOCK_REASONS = [
  'NO_TEMPLATE',
  'TEMPLATE_ERROR',
  'COUPON_BUDGET_EXHAUSTED',
  'COUPON_ONCE_PER_CUSTOMER',
  'COUPON_PER_CUSTOMER_LIMIT',
  'COUPON_STILL_HELD',
] as const;
export type CampaignBlockReason = (typeof CAMPAIGN_BLOCK_REASONS)[number];

export interface CouponIssue {
  readonly code: string;
  /** The campaign's limits, checked again when the plan is written (concurrent runs). */
  readonly limits: CouponLimits;
  readonly kind: 'amount' | 'percent';
  readonly value: number;
  readonly productId: string | null;
  readonly secret: boolean;
  readonly expiresAt: Date;
}

/** What the scheduler decided for one touch. Holdout touches carry only the exposure. */
export interface TouchDecision {
  readonly key: string;
  readonly campaignId: string;
  readonly stepId: string;
  readonly customerId: string;
  readonly occurrence: string;
  readonly arm: string;
  readonly plannedAt: Date;
  readonly outcome: 'holdout' | 'queued' | 'deferred' | 'blocked';
  /** Send time (queued), the next allowed time (deferred), the exposure time (holdout), the planned time (blocked). */
  readonly dueAt: Date;
  readonly channel: ChannelKind;
  readonly purpose: MessagePurpose;
  readonly priority: number;
  readonly recipient: string | null;
  readonly reason?: string | undefined;
  readonly detail?: string | undefined;
  readonly message?: OutboundMessage | undefined;
  readonly notes?: readonly GuardNote[] | undefined;
  readonly coupon?: CouponIssue | undefined;
}
