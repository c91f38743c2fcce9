import {
  type AudienceChoice,
  type Channel,
  COMPOSER_CHANNELS,
  type Draft,
  FOLLOW_UP_UNLESS,
  type FollowUpDraft,
  type FollowUpUnless,
  GOLDEN_ANCHORS,
  type GoldenAnchor,
  MAX_FOLLOW_UPS,
  type MessageDraft,
  newDraft,
  newPair,
  TEXT_FIELD,
} from './draft-model.ts';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : d);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function messageOf(channel: Channel, templates: unknown): MessageDraft {
  const list = Array.isArray(templates) ? templates.map(obj) : [];
  const t = list.find((x) => x.channel === channel) ?? {};
  const f = TEXT_FIELD[channel];
  const named = obj(channel === 'webhook' ? t.payload : t.variables);
  return {
    subject: f.subject ? str(t[f.subject]) : '',
    text: typeof t[f.text] === 'string' ? str(t[f.text]) : '',
    fallbackText: str(obj(t.smsFallback).text),
    code: str(channel === 'webhook' ? t.event : t.templateCode),
    body: channel === 'kakao_alimtalk' ? str(t.templateBody) : '',
    pairs: Object.entries(named).map(([key, value]) => newPair(key, str(value))),
  };
}

/** KST `YYYY-MM-DDTHH:MM` of an ISO instant (for the datetime-local input). */
function kstLocal(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return '';
  return new Date(t + 9 * 3600_000).toISOString().slice(0, 16);
}

function triggerInto(d: Draft, trigger: Json): void {
  if (trigger.kind === 'broadcast') {
    d.trigger = 'scheduled';
    d.scheduledAt = kstLocal(str(trigger.at));
  } else if (trigger.kind === 'recurring') {
    d.trigger = 'recurring';
    d.time = str(trigger.time, d.time);
    d.weekdays =
      trigger.every === 'week' && Array.isArray(trigger.weekdays)
        ? trigger.weekdays.filter((x): x is number => typeof x === 'number')
        : [];
  } else if (trigger.kind === 'date_relative') {
    d.trigger = 'golden';
    const a = str(trigger.anchor);
    if ((GOLDEN_ANCHORS as readonly string[]).includes(a)) d.anchor = a as GoldenAnchor;
    d.offsetDays = num(trigger.offsetDays);
    d.productId = str(trigger.productId);
    const review = obj(trigger.review);
    d.reviewDay = num(review.dayOfMonth) ?? d.reviewDay;
    d.reviewEveryMonths = num(review.everyMonths) ?? d.reviewEveryMonths;
  } else if (trigger.kind === 'segment_entry') {
    d.trigger = 'entry';
    d.entrySegmentId = str(trigger.segmentId);
    d.entryDelayHours = num(trigger.delayHours);
  } else if (trigger.kind === 'event') {
    d.trigger = 'event';
    d.eventType = str(obj(trigger.event).type, d.eventType);
    d.delayHours = num(trigger.delayHours);
    d.exitOnOrder = Array.isArray(trigger.exitIf) && trigger.exitIf.length > 0;
  }
}

/**
 * The composer's follow-ups when the stored scenario has its shape (first → [wait → branch → message]
 * × n → end); otherwise none (the stored scenario is kept as it is when saving).
 */
function followUpsOf(channel: Channel, scenario: Json): FollowUpDraft[] {
  const steps = Array.isArray(scenario.steps) ? scenario.steps.map(obj) : [];
  const out: FollowUpDraft[] = [];
  if (steps[0]?.kind !== 'message') return [];
  for (let i = 1; steps[i]?.kind === 'wait'; i += 3) {
    const [wait, branch, message] = [steps[i], steps[i + 1], steps[i + 2]];
    if (branch?.kind !== 'branch' || message?.kind !== 'message' || out.length >= MAX_FOLLOW_UPS) return [];
    const cond = obj(branch.if);
    const type = cond.kind === 'purchased' ? 'purchased' : str(cond.type);
    const unless = (FOLLOW_UP_UNLESS as readonly string[]).includes(type) ? (type as FollowUpUnless) : 'purchased';
    const hours = num(wait?.hours);
    const ch = str(message.channel, channel);
    const own = (COMPOSER_CHANNELS as readonly string[]).includes(ch) ? (ch as Channel) : channel;
    out.push({
      waitDays: hours === null ? null : hours / 24,
      unless,
      channel: own,
      message: messageOf(own, message.templates),
    });
  }
  return out;
}

/** A stored campaign back in the composer (fields the composer does not edit are kept by the server's schema defaults). */
export function draftFromDefinition(def: Json): Draft {
  const d = newDraft();
  d.id = str(def.id);
  d.name = str(def.name);
  d.purpose = def.purpose === 'info' ? 'info' : 'ad';
  const ch = str(def.channel);
  d.channel = (COMPOSER_CHANNELS as readonly string[]).includes(ch) ? (ch as Channel) : 'sms';
  d.fallbackToSms = def.fallbackToSms === true;
  d.audience = obj(def.audience) as unknown as AudienceChoice;
  const sender = obj(def.sender);
  d.smsFrom = str(sender.smsFrom);
  d.kakaoSenderKey = str(sender.kakaoSenderKey);
  d.emailName = str(obj(sender.email).name);
  d.emailAddress = str(obj(sender.email).address);
  d.message = messageOf(d.channel, def.templates);
  triggerInto(d, obj(def.trigger));
  const st = obj(def.sendTime);
  d.time = str(st.time, d.time);
  d.usePreferredHour = st.usePreferredHour === true;
  const c = def.coupon ? obj(def.coupon) : null;
  d.coupon = c
    ? {
        kind: c.kind === 'percent' ? 'percent' : 'amount',
        value: num(c.value),
        validDays: num(c.validDays),
        budget: num(c.budget),
        perCustomer: num(c.perCustomer),
        prefix: str(c.prefix),
      }
    : null;
  const exp = obj(def.experiment);
  d.holdoutPercent = num(exp.holdoutPercent) ?? 0;
  const variants = Array.isArray(exp.variants) ? exp.variants.map(obj) : [];
  const b = variants.find((v) => v.name === 'B');
  d.armB = b?.templates ? messageOf(d.channel, b.templates) : null;
  d.followUps = def.scenario ? followUpsOf(d.channel, obj(def.scenario)) : [];
  return d;
}
