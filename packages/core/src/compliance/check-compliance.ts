import type { ChannelKind } from '../channels/channel-kind.ts';
import type { OutboundMessage, SmsFallback } from '../channels/outbound-message.ts';
import { DEFAULT_CHANNEL_LIMITS } from '../templates/channel-limits.ts';
import { measureEucKr } from '../templates/euc-kr.ts';
import type { TemplateIssue } from '../templates/template-issue.ts';
import { validateMessage } from '../templates/validate-message.ts';
import { applyAdMarks, findMissingSenderInfo } from './ad-marks.ts';
import { CONSENT_CHANNEL, type ConsentState, findConsent } from './consent-state.ts';
import { checkCaps, type SentAd } from './frequency-caps.ts';
import type { CompliancePolicy } from './policy.ts';
import type { GuardNote, GuardReason } from './reason-code.ts';
import { findNextSendTime } from './send-windows.ts';

/** What we know about the recipient's contact points, from identities and imports. */
export interface ContactFacts {
  /** A mobile number usable for SMS/Kakao (false for 050 virtual numbers, landlines, none). */
  readonly phoneMarketable: boolean;
  /** Known only through marketplaces (SmartStore, Coupang …) without the brand's own consent. */
  readonly marketplaceOnly: boolean;
  /** On the 080 / suppression list. */
  readonly optedOut: boolean;
  /** Purchases that may open the transaction exception (most recent first or any order). */
  readonly purchases?: readonly {
    readonly at: Date;
    readonly category?: string | undefined;
    readonly viaMarketplace: boolean;
  }[];
}

export interface SendIntent {
  readonly message: OutboundMessage;
  readonly consents: ConsentState;
  readonly contact: ContactFacts;
  /** Ads already sent to this customer in the cap week (all campaigns, all channels). */
  readonly sentAds?: readonly SentAd[];
  /** Goods category the ad promotes (transaction exception: "same kind of goods"). */
  readonly goodsCategory?: string | undefined;
}

export type GuardDecision =
  | { readonly kind: 'send'; readonly message: OutboundMessage; readonly notes: readonly GuardNote[] }
  | {
      readonly kind: 'defer';
      readonly until: Date;
      readonly reason: GuardReason;
      readonly message: OutboundMessage;
      readonly notes: readonly GuardNote[];
    }
  | {
      readonly kind: 'block';
      readonly reason: GuardReason;
      readonly detail: string;
      readonly issues?: readonly TemplateIssue[];
    };

const PHONE_CHANNELS: readonly ChannelKind[] = ['sms', 'kakao_alimtalk', 'kakao_brand'];

const block = (reason: GuardReason, detail: string, issues?: TemplateIssue[]): GuardDecision =>
  issues ? { kind: 'block', reason, detail, issues } : { kind: 'block', reason, detail };

function addMonths(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/** Transaction exception (§50 ①1): purchase within N months, same kind of goods, brand's own contact. */
function hasTransactionException(intent: SendIntent, policy: CompliancePolicy, now: Date): boolean {
  const rule = policy.transactionException;
  if (!rule.enabled) return false;
  return (intent.contact.purchases ?? []).some(
    (p) =>
      (rule.includeMarketplaceBuyers || !p.viaMarketplace) &&
      p.at.getTime() <= now.getTime() &&
      addMonths(p.at, rule.months).getTime() > now.getTime() &&
      (!rule.requireSameCategory || (p.category !== undefined && p.category === intent.goodsCategory)),
  );
}

type ConsentVerdict = { ok: true; viaException: boolean } | { ok: false; reason: GuardReason; detail: string };

function checkAdConsent(intent: SendIntent, channel: ChannelKind, policy: CompliancePolicy, now: Date): ConsentVerdict {
  const consentChannel = CONSENT_CHANNEL[channel];
  if (consentChannel === null) return { ok: true, viaException: false };
  const fact = findConsent(intent.consents, consentChannel, 'ad');
  if (fact && !fact.granted)
    return {
      ok: false,
      reason: 'OPTED_OUT',
      detail: `${consentChannel} ad consent withdrawn ${fact.at.toISOString()}`,
    };
  const brandOwn =
    fact?.granted === true && !(intent.contact.marketplaceOnly && policy.marketplaceSources.includes(fact.source));
  if (brandOwn) return { ok: true, viaException: false };
  if (hasTransactionException(intent, policy, now)) return { ok: true, viaException: true };
  if (intent.contact.marketplaceOnly)
    return {
      ok: false,
      reason: 'MARKETPLACE_ONLY',
      detail: 'contact came from a marketplace; informational messages only',
    };
  return { ok: false, reason: 'NO_CONSENT', detail: `no ${consentChannel} ad consent` };
}

function nightConsent(intent: SendIntent, channel: ChannelKind): boolean {
  const c = CONSENT_CHANNEL[channel];
  return c !== null && findConsent(intent.consents, c, 'night_ad')?.granted === true;
}

function upgradeIfLong<T extends { kind: 'SMS' | 'LMS'; text: string }>(m: T, notes: GuardNote[]): T {
  if (m.kind === 'SMS' && measureEucKr(m.text).bytes > DEFAULT_CHANNEL_LIMITS.smsBytes) {
    notes.push('UPGRADED_TO_LMS');
    return { ...m, kind: 'LMS' };
  }
  return m;
}

/**
 * The compliance guard: consent, contact, night window, holidays, caps, then the ad marks.
 * Pure: `now` is passed in. The dispatcher runs it again at send time, so a deferred message is
 * re-checked when it comes due.
 *
 * @example
 * checkCompliance(intent, { policy, now: new Date('2026-05-04T13:30:00Z') }) // 22:30 KST
 * // → { kind: 'defer', until: 2026-05-04T23:00:00Z (08:00 KST), reason: 'NO_NIGHT_CONSENT', … }
 */
export function checkCompliance(intent: SendIntent, ctx: { policy: CompliancePolicy; now: Date }): GuardDecision {
  const { policy, now } = ctx;
  let msg = intent.message;
  const notes: GuardNote[] = [];
  const isAd = msg.purpose === 'ad' || msg.channel === 'kakao_brand';
  if (msg.channel === 'kakao_brand' && msg.purpose !== 'ad') msg = { ...msg, purpose: 'ad' };

  if (PHONE_CHANNELS.includes(msg.channel) && !intent.contact.phoneMarketable)
    return block('UNREACHABLE', 'no marketable mobile number (050 virtual numbers and landlines get no SMS/Kakao)');
  if ('to' in msg && msg.to.trim() === '') return block('UNREACHABLE', 'empty recipient address');
  if (msg.channel === 'push' && msg.token.trim() === '') return block('UNREACHABLE', 'no push token');

  if (isAd) {
    if (msg.channel === 'kakao_alimtalk')
      return block('AD_NOT_ALLOWED_ON_CHANNEL', 'AlimTalk carries informational messages only');
    if (intent.contact.optedOut && CONSENT_CHANNEL[msg.channel] !== null)
      return block('OPTED_OUT', 'number is on the 080 opt-out list');
    const consent = checkAdConsent(intent, msg.channel, policy, now);
    if (!consent.ok) return block(consent.reason, consent.detail);
    if (consent.viaException) notes.push('TRANSACTION_EXCEPTION');
    const missing = findMissingSenderInfo(msg, policy);
    if (missing.length > 0) return block('SENDER_INFO_MISSING', `set ${missing.join(', ')}`);
  }

  const wait = findNextSendTime(now, {
    channel: msg.channel,
    purpose: isAd ? 'ad' : 'info',
    hasNightConsent: nightConsent(intent, msg.channel),
    policy,
  });
  if (wait && wait.reason === 'HOLIDAY_BLOCK' && policy.holidays.action === 'block')
    return block('HOLIDAY_BLOCK', 'holiday block; sends resume after the holidays');

  if (isAd && !wait) {
    const cap = checkCaps({ sent: intent.sentAds ?? [], channel: msg.channel, now, policy });
    if (!cap.ok) return block('CAPPED', `${cap.rule} cap ${cap.used}/${cap.limit}`);
  }

  if (isAd) {
    msg = applyAdMarks(msg, policy);
    notes.push('AD_MARKS_ADDED');
    if ((msg.channel === 'kakao_brand' || msg.channel === 'kakao_alimtalk') && msg.fallback) {
      const sms = findConsent(intent.consents, 'sms', 'ad');
      if (!(sms?.granted === true) && !notes.includes('TRANSACTION_EXCEPTION')) {
        const { fallback: _dropped, ...rest } = msg;
        msg = rest;
        notes.push('FALLBACK_DROPPED_NO_CONSENT');
      }
    }
  }
  if (policy.autoUpgradeSmsToLms) {
    if (msg.channel === 'sms') msg = upgradeIfLong(msg, notes);
    if ((msg.channel === 'kakao_brand' || msg.channel === 'kakao_alimtalk') && msg.fallback)
      msg = { ...msg, fallback: upgradeIfLong<SmsFallback>(msg.fallback, notes) };
  }
  const issues = validateMessage(msg).filter((i) => !i.code.startsWith('ALIMTALK'));
  if (issues.length > 0) return block('CONTENT_INVALID', issues.map((i) => i.message).join('; '), issues);

  return wait
    ? { kind: 'defer', until: wait.until, reason: wait.reason, message: msg, notes }
    : { kind: 'send', message: msg, notes };
}
