import type { ChannelKind } from '../channels/channel-kind.ts';
import type { OutboundMessage } from '../channels/outbound-message.ts';
import { toDomesticDigits } from '../phone/phone.ts';
import { measureEucKr } from '../templates/euc-kr.ts';
import type { ConsentChannel, ConsentEvent } from './consent-state.ts';
import type { CompliancePolicy } from './policy.ts';
import { formatReconfirmationNotice, type ReconfirmationDue } from './reconfirmation.ts';

export { RECONFIRMATION_STEP } from './reconfirmation-step.ts';

/** Source of the consent withdrawal written when a cycle's notice never reached the customer. */
export const RECONFIRMATION_LAPSE_SOURCE = 'reconfirmation_lapse';

/** Statuses that mean the notice left for the customer (the gateway took it). */
export const NOTICE_SENT_STATUSES = ['accepted', 'at_carrier', 'delivered'] as const;

/**
 * The outbox key of one cycle's notice: the same customer, channel and anniversary always give
 * the same key, so a notice is planned once however often the pass runs.
 * @example reconfirmationKey('c_1', 'sms', new Date('2026-05-15T01:00:00Z')) // 'reconfirm:c_1:sms:2026-05-15T01:00:00.000Z'
 */
export function reconfirmationKey(customerId: string, channel: ConsentChannel, dueAt: Date): string {
  return `reconfirm:${customerId}:${channel}:${dueAt.toISOString()}`;
}

/** `occurrence` of a notice row: the consent channel and the anniversary, so both read back without parsing the key. */
export function reconfirmationOccurrence(channel: ConsentChannel, dueAt: Date): string {
  return `${channel}|${dueAt.toISOString()}`;
}

export function parseReconfirmationOccurrence(
  occurrence: string,
): { channel: ConsentChannel; dueAt: Date } | undefined {
  const m = /^(sms|kakao|email|push)\|(.+)$/.exec(occurrence);
  const at = m?.[2] ? new Date(m[2]) : undefined;
  return m && at && !Number.isNaN(at.getTime()) ? { channel: m[1] as ConsentChannel, dueAt: at } : undefined;
}

/** The brand's addresses for notices: the sender settings' name and 080, and the campaigns' registered senders. */
export interface NoticeSender {
  readonly smsFrom?: string | undefined;
  readonly kakaoSenderKey?: string | undefined;
  readonly email?: { readonly name: string; readonly address: string } | undefined;
}

/** What a notice on this consent channel lacks before anyone can be told (empty: it can go). */
export function missingNoticeSender(
  channel: ConsentChannel,
  policy: CompliancePolicy,
  sender: NoticeSender,
): ('name' | 'optOutNumber' | 'smsFrom' | 'email')[] {
  const missing: ('name' | 'optOutNumber' | 'smsFrom' | 'email')[] = [];
  if (policy.sender.name.trim() === '') missing.push('name');
  if ((channel === 'sms' || channel === 'kakao') && policy.sender.optOutNumber.trim() === '')
    missing.push('optOutNumber');
  if (channel === 'sms' && !sender.smsFrom) missing.push('smsFrom');
  if (channel === 'kakao' && !sender.kakaoSenderKey && !sender.smsFrom) missing.push('smsFrom');
  if (channel === 'email' && !sender.email) missing.push('email');
  return missing;
}

export interface NoticeRecipient {
  readonly phone?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly pushToken?: string | null | undefined;
}

export type BuiltNotice =
  | { readonly ok: true; readonly message: OutboundMessage; readonly recipient: string }
  | { readonly ok: false; readonly reason: 'UNREACHABLE'; readonly detail: string };

const SUBJECT = '광고성 정보 수신동의 안내';

/** How to withdraw on this channel, for the notice's last line (§62-3 ③: 유지 또는 철회 방법). */
function withdrawLine(channel: ConsentChannel, policy: CompliancePolicy, unsubscribeUrl?: string): string {
  if (channel === 'email')
    return unsubscribeUrl
      ? `수신을 원하지 않으시면 수신거부: ${unsubscribeUrl}`
      : `수신을 원하지 않으시면 ${policy.sender.contact || policy.sender.optOutNumber}로 알려 주세요.`;
  if (channel === 'push') return policy.marks.pushOptOutHint;
  return '';
}

/**
 * The re-confirmation notice for one due cycle as an informational message (no `(광고)`: it is
 * not an ad) on the consented channel: SMS as LMS, Kakao as a brand message with an LMS fallback
 * (LMS alone without a Kakao sender key), email, push. The text states the sender, the consent
 * date, the channel, that no answer keeps the consent, and how to withdraw.
 */
export function buildReconfirmationNotice(input: {
  due: ReconfirmationDue;
  recipient: NoticeRecipient;
  policy: CompliancePolicy;
  sender: NoticeSender;
  unsubscribeUrl?: string | undefined;
}): BuiltNotice {
  const { due, recipient: r, policy, sender } = input;
  const extra = withdrawLine(due.channel, policy, input.unsubscribeUrl);
  const text = `${formatReconfirmationNotice(due, policy)}${extra ? `\n${extra}` : ''}`;
  const subject = `[${policy.sender.name}] ${SUBJECT}`;
  const unreachable = (detail: string): BuiltNotice => ({ ok: false, reason: 'UNREACHABLE', detail });
  if (due.channel === 'email') {
    if (!r.email) return unreachable('no email address');
    const from = sender.email ?? { name: policy.sender.name, address: '' };
    return {
      ok: true,
      recipient: r.email,
      message: {
        channel: 'email',
        purpose: 'info',
        to: r.email,
        from,
        subject,
        text,
        ...(input.unsubscribeUrl ? { unsubscribeUrl: input.unsubscribeUrl } : {}),
      },
    };
  }
  if (due.channel === 'push') {
    if (!r.pushToken) return unreachable('no push token');
    return {
      ok: true,
      recipient: r.pushToken,
      message: { channel: 'push', purpose: 'info', token: r.pushToken, title: subject, body: text },
    };
  }
  const to = r.phone ? toDomesticDigits(r.phone) : undefined;
  if (!to) return unreachable('no mobile number');
  const kind = measureEucKr(text).bytes > 90 ? 'LMS' : 'SMS';
  const sms = { kind, from: sender.smsFrom ?? '', text, ...(kind === 'LMS' ? { subject: SUBJECT } : {}) } as const;
  if (due.channel === 'kakao' && sender.kakaoSenderKey)
    return {
      ok: true,
      recipient: to,
      message: {
        channel: 'kakao_brand',
        purpose: 'info',
        to,
        senderKey: sender.kakaoSenderKey,
        text,
        targeting: 'I',
        ...(sender.smsFrom ? { fallback: sms } : {}),
      },
    };
  return { ok: true, recipient: to, message: { channel: 'sms', purpose: 'info', to, ...sms } };
}

/** The message channel a notice on this consent channel goes by (for rows refused before any message). */
export function noticeChannel(channel: ConsentChannel, sender: NoticeSender): ChannelKind {
  if (channel === 'kakao') return sender.kakaoSenderKey ? 'kakao_brand' : 'sms';
  return channel;
}

/** One planned notice as read back from the outbox. */
export interface NoticeRow {
  readonly customerId: string;
  readonly channel: ConsentChannel;
  readonly dueAt: Date;
  readonly status: string;
  readonly createdAt: Date;
}

/**
 * Consents that lapse: a cycle's notice was planned but never left (no address, refused by the
 * gateway, never dispatched) by its deadline — the anniversary, or `leadDays` after it was
 * planned when it was planned late — and the grant it was about is still the latest event. A
 * notice that left and got no answer keeps the consent (KOREA.md). Returns the withdrawals to
 * append, dated at the deadline.
 */
export function findLapses(input: {
  rows: readonly NoticeRow[];
  consents: readonly ConsentEvent[];
  now: Date;
  leadDays: number;
  intervalYears: number;
}): ConsentEvent[] {
  const latest = new Map<string, ConsentEvent>();
  const sorted = [...input.consents]
    .filter((e) => e.purpose === 'ad')
    .sort((a, b) => a.at.getTime() - b.at.getTime() || Number(b.granted) - Number(a.granted));
  for (const e of sorted) latest.set(`${e.customerId}\u0000${e.channel}`, e);
  const sent = new Set<string>(NOTICE_SENT_STATUSES);
  const out: ConsentEvent[] = [];
  for (const row of input.rows) {
    if (sent.has(row.status)) continue;
    const deadline = new Date(Math.max(row.dueAt.getTime(), row.createdAt.getTime() + input.leadDays * 86_400_000));
    if (deadline.getTime() > input.now.getTime()) continue;
    const grant = latest.get(`${row.customerId}\u0000${row.channel}`);
    if (!grant?.granted || grant.at.getTime() >= deadline.getTime()) continue;
    const cycleStart = new Date(row.dueAt.getTime());
    cycleStart.setUTCFullYear(cycleStart.getUTCFullYear() - input.intervalYears);
    if (grant.at.getTime() > cycleStart.getTime()) continue;
    out.push({
      customerId: row.customerId,
      channel: row.channel,
      purpose: 'ad',
      granted: false,
      at: deadline,
      source: RECONFIRMATION_LAPSE_SOURCE,
      proof: `수신동의 확인 안내 미전달 (${row.dueAt.toISOString().slice(0, 10)} 주기, 상태 ${row.status})`,
    });
  }
  return out;
}
