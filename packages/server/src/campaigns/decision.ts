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

export const CAMPAIGN_REASON_TEXT: Record<CampaignBlockReason, { ko: string; en: string }> = {
  NO_TEMPLATE: { ko: '이 채널의 템플릿 없음', en: 'no template for this channel' },
  TEMPLATE_ERROR: { ko: '템플릿 오류', en: 'template error' },
  COUPON_BUDGET_EXHAUSTED: { ko: '쿠폰 예산 소진', en: 'coupon budget exhausted' },
  COUPON_ONCE_PER_CUSTOMER: { ko: '시크릿 쿠폰은 고객당 1회', en: 'secret coupon: once per customer, one at a time' },
  COUPON_PER_CUSTOMER_LIMIT: { ko: '고객당 쿠폰 발급 한도 도달', en: 'per-customer coupon limit reached' },
  COUPON_STILL_HELD: {
    ko: '같은 쿠폰을 아직 사용하지 않은 고객',
    en: 'customer still holds an unused code of this coupon',
  },
};

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
