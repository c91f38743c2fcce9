import { z } from 'zod';

/**
 * The segment language (version 1): a JSON condition tree. Field names are checked against the
 * catalog by `validateSegment`; this schema only fixes the shape.
 */
export const SEGMENT_LANGUAGE_VERSION = 1;
export const MAX_DEPTH = 12;
/** Leaf conditions per definition: each is a subquery; more is refused before any SQL runs. */
export const MAX_LEAVES = 200;
/** Sequence conditions per definition (each scans events twice). */
export const MAX_SEQUENCES = 20;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD (Asia/Seoul date)');
const Days = z.number().int().min(0).max(36_500);

/** A time window evaluated against the `asOf` instant, in Asia/Seoul calendar days. */
export const Window = z.discriminatedUnion('kind', [
  /** The rolling window (asOf − days, asOf]. */
  z.object({ kind: z.literal('last_days'), days: Days.min(1) }),
  /** Calendar days ago (0 = the asOf day), both ends inclusive. */
  z.object({ kind: z.literal('days_ago'), min: Days, max: Days }),
  /** Absolute dates, both ends inclusive; either end may be open. */
  z.object({ kind: z.literal('dates'), from: IsoDate.optional(), to: IsoDate.optional() }),
  /** The same calendar day `years` years before asOf, widened by `withinDays` days before it. */
  z.object({
    kind: z.literal('years_ago'),
    years: z.number().int().min(1).max(100),
    withinDays: Days.max(366).optional(),
  }),
]);
export type Window = z.infer<typeof Window>;

export const Scalar = z.union([z.string().max(500), z.number().finite(), z.boolean()]);
/** A comparison: `op` is checked against the field's type by the catalog (OPERATOR_NOT_ALLOWED). */
const Comparison = {
  op: z.string().min(1).max(40),
  value: z.union([Scalar, z.array(Scalar).max(1000)]).optional(),
  window: Window.optional(),
};

const Names = z.array(z.string().min(1).max(200)).min(1).max(1000);

export const PropertyFilter = z.object({ key: z.string().min(1).max(64), ...Comparison });
export type PropertyFilter = z.infer<typeof PropertyFilter>;

export const OrderFilter = z.object({
  channels: Names.optional(),
  stores: Names.optional(),
  statuses: z
    .array(z.enum(['paid', 'cancelled', 'returned', 'exchanged']))
    .min(1)
    .optional(),
  products: Names.optional(),
  categories: Names.optional(),
  window: Window.optional(),
  discounted: z.boolean().optional(),
  coupon: z.boolean().optional(),
});
export type OrderFilter = z.infer<typeof OrderFilter>;

const EventStep = z.object({
  type: z.string().min(1).max(100),
  product: z.string().min(1).max(200).optional(),
  properties: z.array(PropertyFilter).max(20).optional(),
});
export type EventStep = z.infer<typeof EventStep>;

const CountRange = z.object({ min: Days.optional(), max: Days.optional() });

export const ProfileCondition = z.object({
  kind: z.literal('profile'),
  field: z.string().min(1).max(100),
  ...Comparison,
});
export const ChannelCondition = z.object({ kind: z.literal('channel'), channels: Names, joined: Window.optional() });
export const OrdersCondition = z.object({
  kind: z.literal('orders'),
  filter: OrderFilter.optional(),
  measure: z.string().min(1).max(40),
  ...Comparison,
});
export const EventsCondition = z.object({
  kind: z.literal('events'),
  ...EventStep.shape,
  window: Window.optional(),
  count: CountRange.optional(),
});
export const SequenceCondition = z.object({
  kind: z.literal('sequence'),
  did: EventStep.extend({ window: Window.optional(), count: CountRange.optional() }),
  /** What must NOT follow: an event, or an order (a purchase, by default statuses). */
  thenNot: z.discriminatedUnion('source', [
    EventStep.extend({ source: z.literal('event') }),
    z.object({ source: z.literal('order'), product: z.string().min(1).max(200).optional() }),
  ]),
  /** Hours after the last `did` that `thenNot` had to happen in; absent = any time up to asOf. */
  withinHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 366)
    .optional(),
  /** B must concern the same product as A (viewed a product and did not buy that product). */
  sameProduct: z.boolean().optional(),
});
export const AnniversaryCondition = z.object({
  kind: z.literal('anniversary'),
  date: z.enum(['birthday', 'signup']),
  /** Days ahead of asOf's day: [fromDays, toDays], 0 = today. */
  fromDays: Days.max(366).optional(),
  toDays: Days.max(366),
});
export const ReachableCondition = z.object({
  kind: z.literal('reachable'),
  channel: z.enum(['sms', 'kakao', 'email']),
  purpose: z.enum(['ad', 'night_ad', 'info']),
});
export const SegmentRefCondition = z.object({ kind: z.literal('segment'), segmentId: z.string().min(1).max(100) });
export const AnalyticsCondition = z.object({
  kind: z.literal('analytics'),
  field: z.string().min(1).max(100),
  ...Comparison,
});
export const RelatedProductCondition = z.object({
  kind: z.literal('related_product'),
  product: z.string().min(1).max(200).optional(),
});
export const WarrantyCondition = z.object({
  kind: z.literal('warranty'),
  window: Window.optional(),
  product: z.string().min(1).max(200).optional(),
});
export const AllCondition = z.object({ kind: z.literal('all') });

export const LeafCondition = z.discriminatedUnion('kind', [
  ProfileCondition,
  ChannelCondition,
  OrdersCondition,
  EventsCondition,
  SequenceCondition,
  AnniversaryCondition,
  ReachableCondition,
  SegmentRefCondition,
  AnalyticsCondition,
  RelatedProductCondition,
  WarrantyCondition,
  AllCondition,
]);
export type LeafCondition = z.infer<typeof LeafCondition>;

/** Recursion is the one type written by hand; every leaf type is inferred from its schema. */
export type Condition =
  | LeafCondition
  | { readonly kind: 'and' | 'or'; readonly items: readonly Condition[] }
  | { readonly kind: 'not'; readonly item: Condition };

const AndOr = z.object({
  kind: z.enum(['and', 'or']),
  get items(): z.ZodArray<z.ZodType<Condition>> {
    return z.array(Condition).max(200);
  },
});
const Not = z.object({
  kind: z.literal('not'),
  get item(): z.ZodType<Condition> {
    return Condition;
  },
});

export const Condition: z.ZodType<Condition> = z.discriminatedUnion('kind', [...LeafCondition.options, AndOr, Not]);

export const SegmentDefinition = z.object({ version: z.literal(SEGMENT_LANGUAGE_VERSION), root: Condition });
export type SegmentDefinition = z.infer<typeof SegmentDefinition>;
