/** The composer's form state and its translation to and from a campaign definition (the API's JSON). */

export type Channel = 'sms' | 'kakao_brand' | 'kakao_alimtalk' | 'email' | 'push' | 'onsite' | 'webhook';
export const COMPOSER_CHANNELS: readonly Channel[] = [
  'kakao_brand',
  'kakao_alimtalk',
  'sms',
  'email',
  'push',
  'onsite',
  'webhook',
];
/** Channels whose message is a code plus named values (AlimTalk template, webhook event) instead of a text. */
export const KEYED_CHANNELS: readonly Channel[] = ['kakao_alimtalk', 'webhook'];
export const isKakao = (c: Channel): boolean => c === 'kakao_brand' || c === 'kakao_alimtalk';
export type TriggerKind = 'now' | 'scheduled' | 'recurring' | 'entry' | 'golden' | 'event';
export const GOLDEN_ANCHORS = [
  'birthday',
  'signup',
  'first_purchase',
  'last_purchase',
  'coupon_expiry',
  'warranty',
  'product_purchase',
  'grade_review',
] as const;
export type GoldenAnchor = (typeof GOLDEN_ANCHORS)[number];

export type AudienceChoice =
  | { kind: 'all' }
  | { kind: 'segment'; segmentId: string }
  | { kind: 'recipe'; recipe: string; params: Record<string, unknown> }
  /** `problems`: values the builder still refuses (the last good `definition` is kept; saving is refused). */
  | { kind: 'definition'; definition: unknown; problems?: number };

export interface MessageDraft {
  subject: string;
  text: string;
  fallbackText: string;
  /** AlimTalk: the registered template code; webhook: the event name. */
  code: string;
  /** AlimTalk: the approved template's text (`#{variables}`), stored so the filled length is checked. */
  body: string;
  /** AlimTalk: values of the template's `#{variables}`; webhook: the payload (values are Liquid). */
  pairs: Pair[];
}

/** One named value; `id` only keeps the row's identity while it is edited. */
export interface Pair {
  id: string;
  key: string;
  value: string;
}
let pairSeq = 0;
export const newPair = (key = '', value = ''): Pair => ({ id: `p${++pairSeq}`, key, value });

export interface CouponDraft {
  kind: 'amount' | 'percent';
  value: number | null;
  validDays: number | null;
  budget: number | null;
  /** At most this many codes to one customer (null: no count; never two open codes anyway). */
  perCustomer: number | null;
  prefix: string;
}

/** What skips the second message: a purchase, or a tracked message event, since the first message. */
export type FollowUpUnless = 'purchased' | 'message_clicked' | 'message_opened';
export const FOLLOW_UP_UNLESS: readonly FollowUpUnless[] = ['purchased', 'message_clicked', 'message_opened'];

/**
 * A further message `waitDays` after the previous one, on its own channel, only to customers who did
 * not do `unless` since the campaign reached them.
 */
export interface FollowUpDraft {
  waitDays: number | null;
  unless: FollowUpUnless;
  channel: Channel;
  message: MessageDraft;
}

/** At most this many follow-ups (five messages in all). */
export const MAX_FOLLOW_UPS = 4;
const ORDINALS = ['second', 'third', 'fourth', 'fifth'] as const;
export type Ordinal = (typeof ORDINALS)[number];

/**
 * Step ids and indexes (issue paths point at `scenario.steps.<i>`) of follow-up `k` (0-based) in the
 * composer's scenario: first → [wait → branch → message] × n → end. The first follow-up keeps the
 * ids `wait`, `check`, `second` of campaigns saved before there could be more.
 */
export function followUpStep(k: number): {
  wait: string;
  check: string;
  message: Ordinal;
  waitIndex: number;
  messageIndex: number;
} {
  return {
    wait: k === 0 ? 'wait' : `wait-${k + 2}`,
    check: k === 0 ? 'check' : `check-${k + 2}`,
    message: ORDINALS[k] ?? 'fifth',
    waitIndex: 1 + 3 * k,
    messageIndex: 3 + 3 * k,
  };
}

/** Every channel the campaign sends on: its own and each follow-up's. */
export const channelsOf = (d: Draft): Channel[] => [...new Set([d.channel, ...d.followUps.map((f) => f.channel)])];

export interface Draft {
  id: string;
  name: string;
  purpose: 'ad' | 'info';
  audience: AudienceChoice;
  channel: Channel;
  fallbackToSms: boolean;
  smsFrom: string;
  kakaoSenderKey: string;
  emailName: string;
  emailAddress: string;
  message: MessageDraft;
  trigger: TriggerKind;
  /** `YYYY-MM-DDTHH:MM` in KST (the datetime-local input). */
  scheduledAt: string;
  time: string;
  /** Recurring: weekdays 0 (Sunday)–6; empty = every day. */
  weekdays: number[];
  anchor: GoldenAnchor;
  offsetDays: number | null;
  /** Golden time `product_purchase`: the product. */
  productId: string;
  /** Golden time `grade_review`: day of month and period of the review. */
  reviewDay: number | null;
  reviewEveryMonths: number | null;
  /** On entering a saved audience: which, and how long after. */
  entrySegmentId: string;
  entryDelayHours: number | null;
  eventType: string;
  delayHours: number | null;
  exitOnOrder: boolean;
  usePreferredHour: boolean;
  coupon: CouponDraft | null;
  holdoutPercent: number | null;
  /** Variant B's message (A is the main message); null = no A/B test. */
  armB: MessageDraft | null;
  /** Follow-up steps in order; empty = one message. */
  followUps: FollowUpDraft[];
}

export const emptyMessage = (): MessageDraft => ({
  subject: '',
  text: '',
  fallbackText: '',
  code: '',
  body: '',
  pairs: [],
});

export function newDraft(): Draft {
  return {
    id: `c-${Date.now().toString(36)}`,
    name: '',
    purpose: 'ad',
    audience: { kind: 'all' },
    channel: 'kakao_brand',
    fallbackToSms: false,
    smsFrom: '',
    kakaoSenderKey: '',
    emailName: '',
    emailAddress: '',
    message: emptyMessage(),
    trigger: 'now',
    scheduledAt: '',
    time: '10:00',
    weekdays: [],
    anchor: 'birthday',
    offsetDays: -3,
    productId: '',
    reviewDay: 1,
    reviewEveryMonths: 1,
    entrySegmentId: '',
    entryDelayHours: 0,
    eventType: 'add_to_cart',
    delayHours: 72,
    exitOnOrder: true,
    usePreferredHour: false,
    coupon: null,
    holdoutPercent: 10,
    armB: null,
    followUps: [],
  };
}

/** Where each channel keeps the message's text in the campaign JSON (for issue paths). */
export const TEXT_FIELD: Record<Channel, { subject: string | null; text: string }> = {
  sms: { subject: 'subject', text: 'text' },
  kakao_brand: { subject: null, text: 'text' },
  kakao_alimtalk: { subject: null, text: 'variables' },
  webhook: { subject: null, text: 'payload' },
  email: { subject: 'subject', text: 'text' },
  push: { subject: 'title', text: 'body' },
  onsite: { subject: 'title', text: 'body' },
};

/** Named values as an object; rows left entirely empty are dropped (an unnamed value is kept so it is refused). */
const pairsOf = (m: MessageDraft): Record<string, string> =>
  Object.fromEntries(m.pairs.filter((p) => p.key.trim() || p.value).map((p) => [p.key.trim(), p.value]));

function template(channel: Channel, m: MessageDraft, fallback: boolean): Record<string, unknown> {
  const subject = m.subject.trim();
  switch (channel) {
    case 'sms':
      return { channel, text: m.text, ...(subject ? { subject } : {}) };
    case 'kakao_brand':
      return { channel, text: m.text, ...(fallback ? { smsFallback: { text: m.fallbackText.trim() || m.text } } : {}) };
    case 'kakao_alimtalk':
      return {
        channel,
        templateCode: m.code.trim(),
        ...(m.body.trim() ? { templateBody: m.body } : {}),
        variables: pairsOf(m),
        ...(fallback ? { smsFallback: { text: m.fallbackText.trim() } } : {}),
      };
    case 'webhook':
      return { channel, event: m.code.trim(), payload: pairsOf(m) };
    case 'email':
      return { channel, subject: m.subject, text: m.text };
    case 'push':
    case 'onsite':
      return { channel, title: m.subject, body: m.text };
  }
}

const kstIso = (local: string) => (local ? `${local.length === 16 ? `${local}:00` : local}+09:00` : '');

function triggerOf(d: Draft, now: string): Record<string, unknown> {
  switch (d.trigger) {
    case 'now':
      return { kind: 'broadcast', at: now };
    case 'scheduled':
      return { kind: 'broadcast', at: kstIso(d.scheduledAt) };
    case 'recurring':
      return d.weekdays.length > 0 && d.weekdays.length < 7
        ? { kind: 'recurring', every: 'week', weekdays: [...d.weekdays].sort(), time: d.time }
        : { kind: 'recurring', every: 'day', time: d.time };
    case 'entry':
      return { kind: 'segment_entry', segmentId: d.entrySegmentId, delayHours: d.entryDelayHours };
    case 'golden':
      return {
        kind: 'date_relative',
        anchor: d.anchor,
        offsetDays: d.offsetDays,
        ...(d.anchor === 'product_purchase' && d.productId.trim() ? { productId: d.productId.trim() } : {}),
        ...(d.anchor === 'grade_review'
          ? { review: { dayOfMonth: d.reviewDay, everyMonths: d.reviewEveryMonths } }
          : {}),
      };
    case 'event':
      return {
        kind: 'event',
        event: { type: d.eventType },
        delayHours: d.delayHours,
        exitIf: d.exitOnOrder ? [{ kind: 'order' }] : [],
      };
  }
}

function senderOf(d: Draft): Record<string, unknown> {
  const s: Record<string, unknown> = {};
  if (d.smsFrom.trim()) s.smsFrom = d.smsFrom.trim();
  if (d.kakaoSenderKey.trim()) s.kakaoSenderKey = d.kakaoSenderKey.trim();
  if (d.emailName.trim() || d.emailAddress.trim())
    s.email = { name: d.emailName.trim(), address: d.emailAddress.trim() };
  return s;
}

function couponOf(c: CouponDraft): Record<string, unknown> {
  return {
    kind: c.kind,
    value: c.value,
    validDays: c.validDays,
    prefix: c.prefix,
    ...(c.budget !== null ? { budget: c.budget } : {}),
    ...(c.perCustomer !== null ? { perCustomer: c.perCustomer } : {}),
  };
}

/** first message → [wait → did they (buy | click | open) since the start? yes: end, no: next message] × n → end. */
function scenarioOf(d: Draft): Record<string, unknown> {
  const steps: Record<string, unknown>[] = [{ id: 'first', kind: 'message' }];
  d.followUps.forEach((f, k) => {
    const id = followUpStep(k);
    const cond = f.unless === 'purchased' ? { kind: 'purchased' } : { kind: 'event', type: f.unless };
    steps.push(
      { id: id.wait, kind: 'wait', hours: f.waitDays === null ? null : f.waitDays * 24 },
      { id: id.check, kind: 'branch', if: cond, whenTrue: 'end', whenFalse: id.message },
      {
        id: id.message,
        kind: 'message',
        ...(f.channel === d.channel ? {} : { channel: f.channel }),
        templates: [template(f.channel, f.message, d.fallbackToSms)],
      },
    );
  });
  steps.push({ id: 'end', kind: 'exit' });
  return { steps };
}

/** The campaign definition the API validates and stores. `now` is the server's clock (for "send now"). */
export function toDefinition(d: Draft, now: string): Record<string, unknown> {
  const base = template(d.channel, d.message, d.fallbackToSms);
  return {
    id: d.id.trim(),
    name: d.name.trim(),
    purpose: d.purpose,
    audience: d.audience.kind === 'definition' ? { kind: 'definition', definition: d.audience.definition } : d.audience,
    trigger: triggerOf(d, now),
    channel: d.channel,
    fallbackToSms: channelsOf(d).some(isKakao) && d.fallbackToSms,
    templates: [base],
    sender: senderOf(d),
    sendTime: { time: d.time, usePreferredHour: d.usePreferredHour, window: { start: '09:00', end: '20:00' } },
    ...(d.coupon ? { coupon: couponOf(d.coupon) } : {}),
    ...(d.followUps.length > 0 ? { scenario: scenarioOf(d) } : {}),
    experiment: {
      holdoutPercent: d.holdoutPercent,
      variants: d.armB
        ? [
            { name: 'A', weight: 1 },
            { name: 'B', weight: 1, templates: [template(d.channel, d.armB, d.fallbackToSms)] },
          ]
        : [],
    },
  };
}
