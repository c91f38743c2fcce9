import { z } from 'zod';
import { translate } from '../i18n/catalog.ts';

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, translate('ko', 'studio.check.clock'));
const Id = z.string().min(1).max(200);

/** A filter on an event property (`properties` JSON of the `events` table). */
export const EventPropertyFilter = z.object({
  key: z.string().min(1).max(64),
  op: z.enum(['eq', 'neq', 'in', 'gte', 'lte', 'exists']).default('eq'),
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]).optional(),
});
export type EventPropertyFilter = z.infer<typeof EventPropertyFilter>;

/** An event pattern: type, optional product and property filters. */
export const EventPattern = z.object({
  type: z.string().min(1).max(100),
  product: Id.optional(),
  properties: z.array(EventPropertyFilter).max(20).default([]),
});
export type EventPattern = z.infer<typeof EventPattern>;

/** What ends a pending event-triggered message: a later event, or a later order. */
export const ExitCondition = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event'), ...EventPattern.shape, sameProduct: z.boolean().default(false) }),
  z.object({ kind: z.literal('order'), product: Id.optional(), sameProduct: z.boolean().default(false) }),
]);
export type ExitCondition = z.infer<typeof ExitCondition>;

export const GOLDEN_ANCHORS = [
  'signup',
  'birthday',
  'warranty',
  'first_purchase',
  'product_purchase',
  'last_purchase',
  'coupon_expiry',
  'grade_review',
] as const;
export type GoldenAnchor = (typeof GOLDEN_ANCHORS)[number];

/**
 * When a campaign fires. All clock times are Asia/Seoul.
 * - `broadcast`: once, at `at` (or at each recipient's preferred hour on that day).
 * - `recurring`: every day, or on the given weekdays (0 = Sunday), at `time`.
 * - `segment_entry`: when a customer enters a stored segment (segment_memberships), after `delayHours`.
 * - `event`: `delayHours` after an event, unless an exit condition happened in between (cart abandonment).
 * - `date_relative`: `offsetDays` from a per-customer date (negative = before): sign-up, birthday
 *   (lunar converted per year), warranty registration, first/last purchase, purchase of a product,
 *   coupon expiry, the next grade review (grade history is not stored: see docs/decisions/0007).
 */
export const Trigger = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('broadcast'),
    at: z.iso.datetime({ offset: true, error: translate('ko', 'studio.check.datetime') }),
  }),
  z.object({
    kind: z.literal('recurring'),
    every: z.enum(['day', 'week']),
    weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7).optional(),
    time: Clock,
  }),
  z.object({
    kind: z.literal('segment_entry'),
    segmentId: Id,
    delayHours: z
      .number()
      .min(0)
      .max(24 * 366)
      .default(0),
  }),
  z.object({
    kind: z.literal('event'),
    event: EventPattern,
    delayHours: z
      .number()
      .min(0)
      .max(24 * 366),
    exitIf: z.array(ExitCondition).max(10).default([]),
    /** One message per customer per KST day of the triggering event (the latest event that day). */
    dedupe: z.enum(['day', 'event']).default('day'),
  }),
  z.object({
    kind: z.literal('date_relative'),
    anchor: z.enum(GOLDEN_ANCHORS),
    offsetDays: z.number().int().min(-366).max(3650),
    /** `product_purchase`: the product; `coupon_expiry`: limit to coupons of this campaign. */
    productId: Id.optional(),
    couponCampaignId: Id.optional(),
    /** `grade_review`: grades are reviewed on this day of every `everyMonths` months. */
    review: z
      .object({ dayOfMonth: z.number().int().min(1).max(28), everyMonths: z.number().int().min(1).max(12).default(1) })
      .optional(),
  }),
]);
export type Trigger = z.infer<typeof Trigger>;
export type TriggerKind = Trigger['kind'];
