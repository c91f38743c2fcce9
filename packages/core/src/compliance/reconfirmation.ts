import { toKst } from '../time/kst.ts';
import type { ConsentChannel, ConsentEvent } from './consent-state.ts';
import type { CompliancePolicy } from './policy.ts';

export interface ReconfirmationDue {
  readonly customerId: string;
  readonly channel: ConsentChannel;
  /** The grant the notice refers to (the latest grant still in force). */
  readonly consentedAt: Date;
  /** Anniversary the notice is for (consentedAt + k × interval). */
  readonly dueAt: Date;
  readonly cycle: number;
}

function addYears(at: Date, years: number): Date {
  const d = new Date(at.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

/**
 * Who must be told, every 2 years from their consent date, that they consented to ads (§50 ⑧).
 * Lists the latest cycle whose notice window (dueAt − leadDays) has opened and that has no notice
 * yet. A withdrawal ends the duty; a re-grant restarts the clock.
 */
export function findReconfirmationsDue(input: {
  consents: readonly ConsentEvent[];
  /** Notices already sent: same customer, channel and dueAt mean done. */
  notified: readonly { readonly customerId: string; readonly channel: ConsentChannel; readonly dueAt: Date }[];
  now: Date;
  policy: CompliancePolicy;
}): ReconfirmationDue[] {
  const { intervalYears, leadDays } = input.policy.reconfirmation;
  const latest = new Map<string, ConsentEvent>();
  const sorted = [...input.consents]
    .filter((e) => e.purpose === 'ad')
    .sort((a, b) => a.at.getTime() - b.at.getTime() || Number(b.granted) - Number(a.granted));
  for (const e of sorted) latest.set(`${e.customerId}\u0000${e.channel}`, e);
  const done = new Set(input.notified.map((n) => `${n.customerId}\u0000${n.channel}\u0000${n.dueAt.getTime()}`));
  const horizon = input.now.getTime() + leadDays * 86_400_000;
  const due: ReconfirmationDue[] = [];
  for (const e of latest.values()) {
    if (!e.granted) continue;
    let cycle = 0;
    while (addYears(e.at, (cycle + 1) * intervalYears).getTime() <= horizon) cycle++;
    if (cycle === 0) continue;
    const dueAt = addYears(e.at, cycle * intervalYears);
    if (done.has(`${e.customerId}\u0000${e.channel}\u0000${dueAt.getTime()}`)) continue;
    due.push({ customerId: e.customerId, channel: e.channel, consentedAt: e.at, dueAt, cycle });
  }
  return due.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.customerId.localeCompare(b.customerId));
}

const CHANNEL_KO: Record<ConsentChannel, string> = {
  sms: '문자(SMS)',
  kakao: '카카오톡',
  email: '이메일',
  push: '앱 푸시',
};

/** The notice text: sender, consent date, and how to keep or withdraw (no answer keeps consent; the 080 line on phone channels). */
export function formatReconfirmationNotice(due: ReconfirmationDue, policy: CompliancePolicy): string {
  const d = toKst(due.consentedAt);
  const date = `${d.year}년 ${d.month}월 ${d.day}일`;
  const byPhone = due.channel === 'sms' || due.channel === 'kakao';
  const optOut =
    byPhone && policy.sender.optOutNumber ? ` 수신을 원하지 않으시면 무료수신거부 ${policy.sender.optOutNumber}` : '';
  return `[${policy.sender.name}] 광고성 정보 수신동의 안내\n고객님은 ${date}에 ${CHANNEL_KO[due.channel]} 광고성 정보 수신에 동의하셨습니다. 별도 의사 표시가 없으면 동의가 유지됩니다.${optOut}`;
}
