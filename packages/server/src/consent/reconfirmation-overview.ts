import type { ConsentEvent } from '@dalbit/core/compliance/consent-state';
import type { CompliancePolicy } from '@dalbit/core/compliance/policy';
import { findReconfirmationsDue } from '@dalbit/core/compliance/reconfirmation';
import {
  missingNoticeSender,
  NOTICE_SENT_STATUSES,
  RECONFIRMATION_LAPSE_SOURCE,
} from '@dalbit/core/compliance/reconfirmation-notice';
import type {
  NoticeState,
  ReconfirmationItem,
  ReconfirmationOverview,
} from '@dalbit/core/compliance/reconfirmation-view';
import { translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import { chunks, compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';
import { maskEmail, maskName, maskPhone } from '../http/mask.ts';
import { loadAdConsents, loadNoticeRows, loadNoticeSender } from './reconfirmation-data.ts';

/** Days ahead the "upcoming" list looks (beyond the notice window). */
export const UPCOMING_DAYS = 30;

const SENT = new Set<string>(NOTICE_SENT_STATUSES);
const UNDELIVERED = new Set(['blocked', 'failed', 'cancelled']);

type Entry = Omit<ReconfirmationItem, 'name' | 'contact'>;

function cycleStart(dueAt: Date, years: number): Date {
  const d = new Date(dueAt.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

/** The grant a cycle is about: the latest grant for the customer and channel at or before the cycle began. */
function grantIndex(
  consents: readonly ConsentEvent[],
): (customerId: string, channel: string, before: Date) => Date | null {
  const by = new Map<string, Date[]>();
  for (const e of consents)
    if (e.granted && e.source !== RECONFIRMATION_LAPSE_SOURCE) {
      const k = `${e.customerId}\u0000${e.channel}`;
      by.set(k, [...(by.get(k) ?? []), e.at]);
    }
  return (customerId, channel, before) => {
    const ats = (by.get(`${customerId}\u0000${channel}`) ?? []).filter((a) => a.getTime() <= before.getTime());
    return ats.length === 0 ? null : new Date(Math.max(...ats.map((a) => a.getTime())));
  };
}

/** Every cycle with its state: outbox rows (sent, pending, not delivered, lapsed) and cycles not planned yet. */
async function collectEntries(
  engine: Engine,
  now: Date,
  policy: CompliancePolicy,
  customerId?: string,
): Promise<{ entries: Entry[]; upcoming: ReturnType<typeof findReconfirmationsDue> }> {
  const years = policy.reconfirmation.intervalYears;
  const [rows, consents] = await Promise.all([
    loadNoticeRows(engine, customerId),
    loadAdConsents(engine, now, customerId),
  ]);
  const lapses = new Map<string, Date[]>();
  for (const e of consents)
    if (e.source === RECONFIRMATION_LAPSE_SOURCE && !e.granted) {
      const k = `${e.customerId}\u0000${e.channel}`;
      lapses.set(k, [...(lapses.get(k) ?? []), e.at]);
    }
  const grantOf = grantIndex(consents);
  const entries: Entry[] = rows.map((r) => {
    const lapsed = (lapses.get(`${r.customerId}\u0000${r.channel}`) ?? []).some((at) => at >= r.dueAt);
    const state: NoticeState = SENT.has(r.status)
      ? 'sent'
      : lapsed
        ? 'lapsed'
        : UNDELIVERED.has(r.status)
          ? 'undelivered'
          : 'pending';
    const consentedAt = grantOf(r.customerId, r.channel, cycleStart(r.dueAt, years));
    return {
      customerId: r.customerId,
      channel: r.channel,
      consentedAt: consentedAt?.toISOString() ?? null,
      dueAt: r.dueAt.toISOString(),
      state,
      reason: state === 'sent' ? null : r.reason,
    };
  });
  const ahead = { ...policy, reconfirmation: { ...policy.reconfirmation, leadDays: UPCOMING_DAYS } };
  const upcoming = findReconfirmationsDue({ consents, notified: rows, now, policy: ahead });
  for (const u of upcoming)
    entries.push({
      customerId: u.customerId,
      channel: u.channel,
      consentedAt: u.consentedAt.toISOString(),
      dueAt: u.dueAt.toISOString(),
      state: 'upcoming',
      reason: null,
    });
  return { entries, upcoming };
}

/**
 * One customer's re-confirmation cycles, newest due first: notices sent, waiting, not delivered,
 * lapsed, and the next one due within 30 days (no contact values: the customer page masks those).
 */
export async function customerReconfirmations(
  engine: Engine,
  customerId: string,
  now: Date,
  policy: CompliancePolicy,
): Promise<Entry[]> {
  const { entries } = await collectEntries(engine, now, policy, customerId);
  return entries.sort((a, b) => b.dueAt.localeCompare(a.dueAt) || a.channel.localeCompare(b.channel));
}

/** Masked name and the masked address on the item's channel. */
async function maskedContacts(
  engine: Engine,
  ids: readonly string[],
): Promise<Map<string, { name: string | null; phone: string | null; email: string | null }>> {
  const out = new Map<string, { name: string | null; phone: string | null; email: string | null }>();
  for (const batch of chunks([...new Set(ids)]))
    for (const r of await engine.query<{
      customer_id: string;
      name: string | null;
      phone: string | null;
      email: string | null;
    }>(
      compileBound(
        engine.dialect,
        (b) => `SELECT customer_id, name, phone, email FROM customers WHERE customer_id IN ${b.in(batch)}`,
      ),
    ))
      out.set(r.customer_id, { name: maskName(r.name), phone: maskPhone(r.phone), email: maskEmail(r.email) });
  return out;
}

/**
 * The dashboard's view of the two-year re-confirmation: how many cycles are upcoming (due within
 * 30 days, not planned yet), waiting in the outbox, sent, not delivered and lapsed; channels that
 * cannot be told for want of a sender, in words; and one page of customers (PII masked).
 */
export async function reconfirmationOverview(
  engine: Engine,
  input: { now: Date; policy: CompliancePolicy; lang: Lang; state?: NoticeState | undefined; limit: number },
): Promise<ReconfirmationOverview> {
  const { entries, upcoming } = await collectEntries(engine, input.now, input.policy);
  const counts: Record<NoticeState, number> = { upcoming: 0, pending: 0, sent: 0, undelivered: 0, lapsed: 0 };
  for (const e of entries) counts[e.state]++;
  const sender = await loadNoticeSender(engine);
  const windowEnd = input.now.getTime() + input.policy.reconfirmation.leadDays * 86_400_000;
  const refusals = (['sms', 'kakao', 'email', 'push'] as const).flatMap((channel) => {
    const waiting = upcoming.filter((u) => u.channel === channel && u.dueAt.getTime() <= windowEnd).length;
    const missing = missingNoticeSender(channel, input.policy, sender);
    if (waiting === 0 || missing.length === 0) return [];
    const message = translate(input.lang, 'reconfirm.refused', {
      channel: translate(input.lang, `reconfirm.channel.${channel}`),
      waiting,
      missing: missing.map((m) => translate(input.lang, `reconfirm.missing.${m}`)).join(', '),
    });
    return [{ channel, waiting, message }];
  });
  const chosen = entries
    .filter((e) => input.state === undefined || e.state === input.state)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.customerId.localeCompare(b.customerId));
  const page = chosen.slice(0, input.limit);
  const contacts = await maskedContacts(
    engine,
    page.map((e) => e.customerId),
  );
  const items = page.map((e): ReconfirmationItem => {
    const c = contacts.get(e.customerId);
    return { ...e, name: c?.name ?? null, contact: (e.channel === 'email' ? c?.email : c?.phone) ?? null };
  });
  return {
    asOf: input.now.toISOString(),
    leadDays: input.policy.reconfirmation.leadDays,
    counts,
    refusals,
    items,
    total: chosen.length,
  };
}
