import { createHash } from 'node:crypto';
import type { ConsentChannel, ConsentEvent } from '@dalbit/core/compliance/consent-state';
import { toKoreanE164 } from '@dalbit/core/phone/phone';
import { chunks } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';
import { appendConsents } from './consent-store.ts';
import { selectIn } from './in-list.ts';

/** A refusal as a gateway, an 080 list or an operator reported it. */
export interface OptOutInput {
  readonly phone?: string | undefined;
  readonly email?: string | undefined;
  /** When the recipient refused. */
  readonly at: Date;
  /** `solapi`, `nhn`, `080-file`, `cli` … */
  readonly source: string;
  readonly optOutNumber?: string | undefined;
  readonly providerRef?: string | undefined;
}

export interface OptOutResult {
  readonly received: number;
  /** Already applied before (same source, address and time). */
  readonly duplicates: number;
  readonly invalid: number;
  /** Consent-withdrawal rows appended. */
  readonly withdrawals: number;
  /** Refusals with no known customer: kept on the opt-out list, which the guard checks too. */
  readonly unmatched: number;
}

const PHONE_CHANNELS: readonly ConsentChannel[] = ['sms', 'kakao'];
const PURPOSES = ['ad', 'night_ad'] as const;

function optOutId(o: { phone: string | null; email: string | null; at: Date; source: string }): string {
  return createHash('sha256')
    .update([o.source, o.phone ?? '', o.email ?? '', o.at.toISOString()].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

async function customersBy(
  engine: Engine,
  kind: 'phone' | 'email',
  values: readonly string[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const add = (v: string, c: string) => out.set(v, (out.get(v) ?? new Set()).add(c));
  for (const chunk of chunks([...new Set(values)])) {
    if (chunk.length === 0) continue;
    const ids = await engine.query<{ kind: string; value: string; customer_id: string }>(
      selectIn(engine.dialect, 'SELECT kind, value, customer_id FROM identities', 'value', chunk),
    );
    for (const r of ids) if (r.kind === kind) add(r.value, r.customer_id);
    const direct = await engine.query<{ v: string; customer_id: string }>(
      selectIn(engine.dialect, `SELECT ${kind} AS v, customer_id FROM customers`, kind, chunk),
    );
    for (const r of direct) add(r.v, r.customer_id);
  }
  return out;
}

/**
 * Applies refusals at once: each becomes consent withdrawals (ad and night-ad; SMS and Kakao for a
 * phone, email for an address) for every customer holding that contact, and is kept in
 * `opt_outs` as proof. Replaying the same refusal changes nothing.
 */
export async function applyOptOuts(
  engine: Engine,
  events: readonly OptOutInput[],
  opts: { now: Date },
): Promise<OptOutResult> {
  const normalised = events.map((e) => ({
    phone: e.phone ? (toKoreanE164(e.phone) ?? null) : null,
    email: e.email ? e.email.trim().toLowerCase() : null,
    e,
  }));
  const valid = normalised.filter((n) => n.phone !== null || n.email !== null);
  const withIds = valid.map((n) => ({
    ...n,
    id: optOutId({ phone: n.phone, email: n.email, at: n.e.at, source: n.e.source }),
  }));
  const seen = new Set<string>();
  for (const ids of chunks([...new Set(withIds.map((w) => w.id))]))
    for (const r of await engine.query<{ opt_out_id: string }>(
      selectIn(engine.dialect, 'SELECT opt_out_id FROM opt_outs', 'opt_out_id', ids),
    ))
      seen.add(r.opt_out_id);
  const fresh = withIds.filter((w, i) => !seen.has(w.id) && withIds.findIndex((x) => x.id === w.id) === i);
  const byPhone = await customersBy(
    engine,
    'phone',
    fresh.flatMap((f) => (f.phone ? [f.phone] : [])),
  );
  const byEmail = await customersBy(
    engine,
    'email',
    fresh.flatMap((f) => (f.email ? [f.email] : [])),
  );

  const consents: ConsentEvent[] = [];
  const rows: unknown[][] = [];
  let unmatched = 0;
  for (const f of fresh) {
    const customers = new Set([
      ...(f.phone ? (byPhone.get(f.phone) ?? []) : []),
      ...(f.email ? (byEmail.get(f.email) ?? []) : []),
    ]);
    if (customers.size === 0) unmatched++;
    const proof = JSON.stringify({ optOutId: f.id, optOutNumber: f.e.optOutNumber, providerRef: f.e.providerRef });
    for (const customerId of [...customers].sort()) {
      const channels: ConsentChannel[] = [...(f.phone ? PHONE_CHANNELS : []), ...(f.email ? (['email'] as const) : [])];
      for (const channel of channels)
        for (const purpose of PURPOSES)
          consents.push({
            customerId,
            channel,
            purpose,
            granted: false,
            at: f.e.at,
            source: `opt-out:${f.e.source}`,
            proof,
          });
    }
    rows.push([
      f.id,
      f.phone,
      f.email,
      f.e.source,
      f.e.optOutNumber ?? null,
      f.e.providerRef ?? null,
      f.e.at,
      opts.now,
      JSON.stringify([...customers].sort()),
    ]);
  }
  const withdrawals = await engine.transaction(async (tx) => {
    const n = await appendConsents(tx, consents);
    await tx.insert(
      'opt_outs',
      ['opt_out_id', 'phone', 'email', 'source', 'opt_out_number', 'provider_ref', 'at', 'received_at', 'customer_ids'],
      rows,
    );
    return n;
  });
  return {
    received: events.length,
    duplicates: withIds.length - fresh.length,
    invalid: events.length - valid.length,
    withdrawals,
    unmatched,
  };
}

/** Phones (E.164) on the opt-out list; the guard's `contact.optedOut`. */
export async function findOptedOutPhones(engine: Engine, phones: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const e164 = phones.flatMap((p) => {
    const n = toKoreanE164(p);
    return n ? [n] : [];
  });
  for (const chunk of chunks([...new Set(e164)]))
    for (const r of await engine.query<{ phone: string }>(
      selectIn(engine.dialect, 'SELECT phone FROM opt_outs', 'phone', chunk),
    ))
      out.add(r.phone);
  return out;
}
