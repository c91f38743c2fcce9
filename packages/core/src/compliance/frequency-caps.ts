import type { ChannelKind, MessagePurpose } from '../channels/channel-kind.ts';
import { addKstDays, toKst } from '../time/kst.ts';
import type { CompliancePolicy } from './policy.ts';

/** An ad already sent (or reserved) for a customer; informational messages are not listed. */
export interface SentAd {
  readonly at: Date;
  readonly channel: ChannelKind;
  readonly campaignId?: string | undefined;
}

/** Ads per customer across all campaigns and channels (the caller loads the last `weekDays` days). */
export type CapLedger = ReadonlyMap<string, readonly SentAd[]>;

export type CapVerdict =
  | { ok: true }
  | { ok: false; rule: 'day' | 'week' | 'channel_day'; limit: number; used: number };

/** Would one more ad on `channel` at `now` break a cap? */
export function checkCaps(input: {
  sent: readonly SentAd[];
  channel: ChannelKind;
  now: Date;
  policy: CompliancePolicy;
}): CapVerdict {
  const { caps } = input.policy;
  const today = toKst(input.now).dateKey;
  const weekStart = addKstDays(today, -(caps.weekDays - 1));
  let day = 0;
  let week = 0;
  let channelDay = 0;
  for (const s of input.sent) {
    const key = toKst(s.at).dateKey;
    if (key > today || key < weekStart) continue;
    week++;
    if (key === today) {
      day++;
      if (s.channel === input.channel) channelDay++;
    }
  }
  const channelLimit = caps.perChannelPerDay[input.channel];
  if (channelLimit !== undefined && channelDay >= channelLimit)
    return { ok: false, rule: 'channel_day', limit: channelLimit, used: channelDay };
  if (caps.adsPerDay !== null && day >= caps.adsPerDay)
    return { ok: false, rule: 'day', limit: caps.adsPerDay, used: day };
  if (caps.adsPerWeek !== null && week >= caps.adsPerWeek)
    return { ok: false, rule: 'week', limit: caps.adsPerWeek, used: week };
  return { ok: true };
}

export interface SlotCandidate {
  /** Unique id (the idempotency key works). */
  readonly id: string;
  readonly customerId: string;
  readonly channel: ChannelKind;
  readonly purpose: MessagePurpose;
  /** Higher wins. */
  readonly priority: number;
  readonly campaignId?: string | undefined;
  /** Earlier due wins among equal priorities. */
  readonly dueAt?: Date | undefined;
}

export interface SlotAllocation<T extends SlotCandidate> {
  readonly granted: readonly T[];
  readonly capped: readonly { readonly candidate: T; readonly verdict: Exclude<CapVerdict, { ok: true }> }[];
}

/**
 * Decides which competing ads get the customer's remaining slots: highest priority first, then
 * earliest due, then id (deterministic). Informational messages always pass and use no slot.
 *
 * @example
 * allocateSlots({ candidates: [birthday(p=10), broadcast(p=1)], ledger: new Map(), now, policy })
 * // → granted: [birthday], capped: [broadcast] (1 ad a day)
 */
export function allocateSlots<T extends SlotCandidate>(input: {
  candidates: readonly T[];
  ledger: CapLedger;
  now: Date;
  policy: CompliancePolicy;
}): SlotAllocation<T> {
  const order = [...input.candidates].sort(
    (a, b) =>
      b.priority - a.priority ||
      (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const used = new Map<string, SentAd[]>();
  const granted: T[] = [];
  const capped: { candidate: T; verdict: Exclude<CapVerdict, { ok: true }> }[] = [];
  for (const c of order) {
    if (c.purpose !== 'ad') {
      granted.push(c);
      continue;
    }
    let sent = used.get(c.customerId);
    if (!sent) {
      sent = [...(input.ledger.get(c.customerId) ?? [])];
      used.set(c.customerId, sent);
    }
    const verdict = checkCaps({ sent, channel: c.channel, now: input.now, policy: input.policy });
    if (verdict.ok) {
      granted.push(c);
      sent.push({ at: input.now, channel: c.channel, campaignId: c.campaignId });
    } else capped.push({ candidate: c, verdict });
  }
  const rank = new Map(input.candidates.map((c, i) => [c.id, i]));
  granted.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  return { granted, capped };
}
