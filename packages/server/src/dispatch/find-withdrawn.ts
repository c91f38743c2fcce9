import { toKoreanE164 } from '@dalbit/core/phone/phone';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';
import type { ClaimedRow } from './outbox-row.ts';

const CONSENT_CHANNEL: Record<string, string> = {
  sms: 'sms',
  kakao_alimtalk: 'kakao',
  kakao_brand: 'kakao',
  email: 'email',
  push: 'push',
};

/**
 * Ads whose recipient refused after the scheduler decided (080 opt-out, withdrawn consent): the
 * guard ran at planning time, a deferred ad may wait hours, and a refusal takes effect at once.
 * Returns key → reason (`OPTED_OUT` | `CONSENT_WITHDRAWN`).
 */
export async function findWithdrawn(engine: Engine, rows: readonly ClaimedRow[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ads = rows.filter((r) => r.purpose === 'ad');
  if (ads.length === 0) return out;
  const d = engine.dialect;
  const phones = new Map<string, string[]>();
  const emails = new Map<string, string[]>();
  for (const r of ads) {
    if (!r.recipient) continue;
    const phone = r.recipient.includes('@') ? undefined : toKoreanE164(r.recipient);
    if (phone) phones.set(phone, [...(phones.get(phone) ?? []), r.key]);
    else if (r.recipient.includes('@')) {
      const e = r.recipient.trim().toLowerCase();
      emails.set(e, [...(emails.get(e) ?? []), r.key]);
    }
  }
  if (phones.size > 0 || emails.size > 0) {
    const hits = await engine.query<{ phone: string | null; email: string | null }>(
      compileBound(
        d,
        (b) =>
          `SELECT DISTINCT phone, email FROM opt_outs WHERE phone IN ${b.in([...phones.keys()])} OR email IN ${b.in([...emails.keys()])}`,
      ),
    );
    for (const h of hits)
      for (const k of [...(phones.get(h.phone ?? '') ?? []), ...(emails.get(h.email ?? '') ?? [])])
        out.set(k, 'OPTED_OUT');
  }
  const customers = [...new Set(ads.flatMap((r) => (r.customerId ? [r.customerId] : [])))];
  if (customers.length > 0) {
    const latest = await engine.query<{ customer_id: string; channel: string; granted: boolean }>(
      compileBound(
        d,
        (b) => `SELECT customer_id, channel, ${d.fn.argMax('granted', '"at"')} AS granted FROM consents
          WHERE purpose = 'ad' AND customer_id IN ${b.in(customers)} GROUP BY customer_id, channel`,
      ),
    );
    const withdrawn = new Set(
      latest.filter((l) => l.granted === false).map((l) => `${l.customer_id}\u0000${l.channel}`),
    );
    for (const r of ads)
      if (
        r.customerId &&
        withdrawn.has(`${r.customerId}\u0000${CONSENT_CHANNEL[r.channel] ?? r.channel}`) &&
        !out.has(r.key)
      )
        out.set(r.key, 'CONSENT_WITHDRAWN');
  }
  return out;
}
