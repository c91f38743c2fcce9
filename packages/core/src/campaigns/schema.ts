import { z } from 'zod';
import { CHANNEL_KINDS } from '../channels/channel-kind.ts';
import { type MessageKey, type MessageParams, translate } from '../i18n/catalog.ts';
import { CouponSpec } from './coupon-spec.ts';
import { CAMPAIGN_STATUSES } from './lifecycle.ts';
import { MessageTemplate } from './message-template.ts';
import { checkTemplateLimits, checkTemplateSource, type TemplateCheckIssue } from './template-checks.ts';
import { Trigger } from './trigger.ts';

const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/, translate('ko', 'studio.check.id'));
const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, translate('ko', 'studio.check.clock'));
const Channel = z.enum(CHANNEL_KINDS);

/** Who a campaign may reach (before the trigger picks the moment). */
export const Audience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  /** A stored segment (its current version, evaluated as of each run). */
  z.object({ kind: z.literal('segment'), segmentId: z.string().min(1).max(100) }),
  /** An inline segment definition (the segment language JSON). */
  z.object({ kind: z.literal('definition'), definition: z.unknown() }),
  /** A ready recipe by purpose, expanded to a definition by the segments module. */
  z.object({
    kind: z.literal('recipe'),
    recipe: z.string().min(1).max(100),
    params: z.record(z.string(), z.unknown()).default({}),
  }),
]);
export type Audience = z.infer<typeof Audience>;

/** Per-customer send time: the preferred hour when known and inside `window`, else `time`. */
export const SendTime = z.object({
  time: Clock.default('10:00'),
  usePreferredHour: z.boolean().default(true),
  window: z.object({ start: Clock, end: Clock }).default({ start: '09:00', end: '20:00' }),
});
export type SendTime = z.infer<typeof SendTime>;

export const Sender = z.object({
  /** Pre-registered SMS sender number (발신번호), digits. */
  smsFrom: z
    .string()
    .regex(/^\d{8,12}$/)
    .optional(),
  kakaoSenderKey: z.string().min(1).optional(),
  email: z.object({ name: z.string().min(1), address: z.email() }).optional(),
  /**
   * Email one-click unsubscribe target. `{unsubscribe_token}` becomes a signed link token that expires
   * after 90 days (Dalbit's own page: `https://<dalbit>/u/{unsubscribe_token}`); `{customer_id}` is
   * replaced too, for a brand's own page (which must then authenticate the request itself).
   */
  unsubscribeUrl: z.string().min(1).optional(),
});
export type Sender = z.infer<typeof Sender>;

/** A variant may differ from the base in channel, templates, send time or coupon. */
export const Variant = z.object({
  name: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .refine((n) => n !== 'holdout', translate('ko', 'studio.check.holdoutReserved')),
  weight: z.number().positive(),
  channel: Channel.optional(),
  templates: z.array(MessageTemplate).min(1).optional(),
  sendTime: SendTime.optional(),
  coupon: CouponSpec.nullable().optional(),
});
export type Variant = z.infer<typeof Variant>;

export const Experiment = z.object({
  /** Share of the audience kept out (no message, exposure recorded), 0–50 %. */
  holdoutPercent: z.number().min(0).max(50).default(0),
  variants: z.array(Variant).max(10).default([]),
});
export type Experiment = z.infer<typeof Experiment>;

export const BranchCondition = z.discriminatedUnion('kind', [
  /** A paid order since the customer entered the scenario. */
  z.object({ kind: z.literal('purchased') }),
  /** An event of this type since the customer entered (e.g. `message_clicked`). */
  z.object({ kind: z.literal('event'), type: z.string().min(1).max(100) }),
]);
export type BranchCondition = z.infer<typeof BranchCondition>;

export const Step = z.discriminatedUnion('kind', [
  z.object({
    id: Id,
    kind: z.literal('wait'),
    hours: z
      .number()
      .min(0)
      .max(24 * 366),
  }),
  z.object({ id: Id, kind: z.literal('branch'), if: BranchCondition, whenTrue: Id, whenFalse: Id }),
  z.object({
    id: Id,
    kind: z.literal('message'),
    channel: Channel.optional(),
    templates: z.array(MessageTemplate).min(1).optional(),
  }),
  z.object({ id: Id, kind: z.literal('exit') }),
]);
export type Step = z.infer<typeof Step>;

const CampaignObject = z.object({
  version: z.literal(1).default(1),
  id: Id,
  name: z.string().min(1).max(200),
  purpose: z.enum(['ad', 'info']),
  /** Higher wins when several ads compete for the same cap slot. */
  priority: z.number().int().min(0).max(1000).default(0),
  status: z.enum(CAMPAIGN_STATUSES).default('active'),
  audience: Audience.default({ kind: 'all' }),
  trigger: Trigger,
  channel: Channel,
  /** Kakao message falls back to SMS/LMS when it cannot be delivered (대체발송). */
  fallbackToSms: z.boolean().default(false),
  templates: z.array(MessageTemplate).min(1),
  sender: Sender.default({}),
  sendTime: SendTime.default({ time: '10:00', usePreferredHour: true, window: { start: '09:00', end: '20:00' } }),
  coupon: CouponSpec.optional(),
  experiment: Experiment.default({ holdoutPercent: 0, variants: [] }),
  /** Multi-step flow run after the trigger (wait → branch → message …); absent = one message. */
  scenario: z.object({ steps: z.array(Step).min(1).max(50) }).optional(),
  /** Goods category the ad promotes (transaction exception: "same kind of goods"). */
  goodsCategory: z.string().min(1).optional(),
  startsAt: z.iso.datetime({ offset: true }).optional(),
  endsAt: z.iso.datetime({ offset: true }).optional(),
  /** Touches planned longer ago than this are skipped (a scheduler that was down does not flood). */
  maxLatenessHours: z
    .number()
    .min(1)
    .max(24 * 30)
    .default(72),
});

/** Fields of a message template that are not Liquid text. */
const NOT_LIQUID = new Set(['channel', 'targeting', 'templateCode', 'templateBody', 'url', 'event']);

/**
 * Every Liquid source in a template list must parse and read only known variables (a coupon variable
 * only with a coupon, no object printed bare), and what was written must fit the channel's limit;
 * so a broken template is refused when saved, with its path and a Korean explanation.
 */
function checkLiquid(
  list: readonly MessageTemplate[],
  path: readonly (string | number)[],
  ctx: z.core.$RefinementCtx,
  hasCoupon: boolean,
): void {
  const add = (issues: readonly TemplateCheckIssue[]) => {
    for (const i of issues)
      ctx.addIssue({ code: 'custom', path: [...i.path], message: i.message, params: { reason: i.code } });
  };
  const visit = (value: unknown, at: readonly (string | number)[], key: string): void => {
    if (typeof value === 'string') {
      if (!NOT_LIQUID.has(key)) add(checkTemplateSource(value, key === 'html' ? 'html' : 'text', at, hasCoupon));
    } else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) visit(v, [...at, k], k);
  };
  list.forEach((t, i) => {
    visit(t, [...path, i], '');
    add(checkTemplateLimits(t, [...path, i]));
  });
}

const ko = (key: MessageKey, params?: MessageParams) => translate('ko', key, params);

/** AlimTalk carries informational messages only (Kakao's rule): an ad may not use it on any arm or step. */
function checkAlimtalkPurpose(c: z.infer<typeof CampaignObject>, ctx: z.core.$RefinementCtx): void {
  if (c.purpose !== 'ad') return;
  const used = [
    c.channel,
    ...c.experiment.variants.map((v) => v.channel),
    ...(c.scenario?.steps ?? []).map((s) => (s.kind === 'message' ? s.channel : undefined)),
  ];
  if (used.includes('kakao_alimtalk'))
    ctx.addIssue({
      code: 'custom',
      path: ['channel'],
      message: ko('studio.check.alimtalkAd'),
      params: { reason: 'ALIMTALK_AD' },
    });
}

function checkCampaign(c: z.infer<typeof CampaignObject>, ctx: z.core.$RefinementCtx): void {
  checkAlimtalkPurpose(c, ctx);
  const coupon = c.coupon !== undefined;
  checkLiquid(c.templates, ['templates'], ctx, coupon);
  for (const [i, v] of c.experiment.variants.entries())
    if (v.templates)
      checkLiquid(
        v.templates,
        ['experiment', 'variants', i, 'templates'],
        ctx,
        v.coupon === undefined ? coupon : v.coupon !== null,
      );
  for (const [i, s] of (c.scenario?.steps ?? []).entries())
    if (s.kind === 'message' && s.templates)
      checkLiquid(s.templates, ['scenario', 'steps', i, 'templates'], ctx, coupon);
  const channelsUsed = new Set([c.channel, ...c.experiment.variants.map((v) => v.channel ?? c.channel)]);
  for (const s of c.scenario?.steps ?? []) if (s.kind === 'message') channelsUsed.add(s.channel ?? c.channel);
  const templatesFor = (list: readonly MessageTemplate[]) => new Set(list.map((t) => t.channel));
  const base = templatesFor(c.templates);
  for (const [i, v] of c.experiment.variants.entries()) {
    const has = v.templates ? templatesFor(v.templates) : base;
    if (!has.has(v.channel ?? c.channel))
      ctx.addIssue({
        code: 'custom',
        path: ['experiment', 'variants', i, 'templates'],
        message: ko('studio.check.noTemplate', { channel: v.channel ?? c.channel }),
        params: { reason: 'TEMPLATE_MISSING' },
      });
  }
  for (const [i, s] of (c.scenario?.steps ?? []).entries()) {
    if (s.kind === 'message' && !(s.templates ? templatesFor(s.templates) : base).has(s.channel ?? c.channel))
      ctx.addIssue({
        code: 'custom',
        path: ['scenario', 'steps', i, 'templates'],
        message: ko('studio.check.noTemplate', { channel: s.channel ?? c.channel }),
        params: { reason: 'TEMPLATE_MISSING' },
      });
    if (s.kind === 'branch')
      for (const target of [s.whenTrue, s.whenFalse])
        if (!c.scenario?.steps.some((t) => t.id === target))
          ctx.addIssue({
            code: 'custom',
            path: ['scenario', 'steps', i],
            message: ko('studio.check.unknownStep', { target }),
            params: { reason: 'UNKNOWN_STEP' },
          });
  }
  const ids = (c.scenario?.steps ?? []).map((s) => s.id);
  if (new Set(ids).size !== ids.length)
    ctx.addIssue({
      code: 'custom',
      path: ['scenario', 'steps'],
      message: ko('studio.check.stepIds'),
      params: { reason: 'DUPLICATE_STEP_ID' },
    });
  if (!c.experiment.variants.length && !base.has(c.channel))
    ctx.addIssue({
      code: 'custom',
      path: ['templates'],
      message: ko('studio.check.noTemplate', { channel: c.channel }),
      params: { reason: 'TEMPLATE_MISSING' },
    });
  const names = c.experiment.variants.map((v) => v.name);
  if (new Set(names).size !== names.length)
    ctx.addIssue({
      code: 'custom',
      path: ['experiment', 'variants'],
      message: ko('studio.check.armNames'),
      params: { reason: 'DUPLICATE_ARM_NAME' },
    });
  const phone = [...channelsUsed].some((ch) => ch === 'sms' || ch === 'kakao_brand' || ch === 'kakao_alimtalk');
  if ((phone || c.fallbackToSms) && channelsUsed.has('sms') && !c.sender.smsFrom)
    ctx.addIssue({
      code: 'custom',
      path: ['sender', 'smsFrom'],
      message: ko('studio.check.smsFrom'),
      params: { reason: 'SMS_FROM_MISSING' },
    });
  if (c.fallbackToSms && !c.sender.smsFrom)
    ctx.addIssue({
      code: 'custom',
      path: ['sender', 'smsFrom'],
      message: ko('studio.check.smsFrom'),
      params: { reason: 'SMS_FROM_MISSING' },
    });
  if ([...channelsUsed].some((ch) => ch === 'kakao_brand' || ch === 'kakao_alimtalk') && !c.sender.kakaoSenderKey)
    ctx.addIssue({
      code: 'custom',
      path: ['sender', 'kakaoSenderKey'],
      message: ko('studio.check.kakaoKey'),
      params: { reason: 'KAKAO_SENDER_KEY_MISSING' },
    });
  if (channelsUsed.has('email') && !c.sender.email)
    ctx.addIssue({
      code: 'custom',
      path: ['sender', 'email'],
      message: ko('studio.check.emailSender'),
      params: { reason: 'EMAIL_SENDER_MISSING' },
    });
  if (c.trigger.kind === 'date_relative' && c.trigger.anchor === 'product_purchase' && !c.trigger.productId)
    ctx.addIssue({
      code: 'custom',
      path: ['trigger', 'productId'],
      message: ko('studio.check.productId'),
      params: { reason: 'PRODUCT_ID_MISSING' },
    });
  if (c.trigger.kind === 'date_relative' && c.trigger.anchor === 'grade_review' && !c.trigger.review)
    ctx.addIssue({
      code: 'custom',
      path: ['trigger', 'review'],
      message: ko('studio.check.review'),
      params: { reason: 'REVIEW_MISSING' },
    });
}

/**
 * A campaign as JSON (validated at every boundary; stored definitions are re-validated on read).
 * @example parseCampaign(JSON.parse(readFileSync('birthday.json', 'utf8')))
 */
export const CampaignDefinition = CampaignObject.superRefine(checkCampaign);
export type CampaignDefinition = z.infer<typeof CampaignDefinition>;
export type CampaignInput = z.input<typeof CampaignDefinition>;
