import { createHash } from 'node:crypto';
import type { ConsentChannel, ConsentEvent, ConsentPurpose } from '@dalbit/core/compliance/consent-state';
import { chunks } from '@dalbit/core/sql/bind-sql';
import { type Engine, sql } from '../engines/engine.ts';
import { selectIn } from './in-list.ts';

/** The columns of a consent event row, in table order (also the import's staging order). */
export const CONSENT_COLUMNS = [
  'consent_id',
  'customer_id',
  'origin_customer_id',
  'channel',
  'purpose',
  'granted',
  'at',
  'source',
  'proof',
] as const;

export interface ConsentRow extends ConsentEvent {
  readonly consentId: string;
}

/** Deterministic id: the same event appended twice is one row. */
export function consentIdFor(e: ConsentEvent, salt = ''): string {
  return createHash('sha256')
    .update([e.customerId, e.channel, e.purpose, String(e.granted), e.at.toISOString(), e.source, salt].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

/** Appends consent events (append-only, never updated); returns how many were new. */
export async function appendConsents(engine: Engine, events: readonly ConsentEvent[], salt = ''): Promise<number> {
  if (events.length === 0) return 0;
  const rows = events.map((e) => ({ id: consentIdFor(e, salt), e }));
  const existing = new Set<string>();
  for (const ids of chunks([...new Set(rows.map((r) => r.id))]))
    for (const r of await engine.query<{ consent_id: string }>(
      selectIn(engine.dialect, 'SELECT consent_id FROM consents', 'consent_id', ids),
    ))
      existing.add(r.consent_id);
  const fresh = rows.filter((r, i) => !existing.has(r.id) && rows.findIndex((x) => x.id === r.id) === i);
  await engine.insert(
    'consents',
    CONSENT_COLUMNS,
    fresh.map(({ id, e }) => [
      id,
      e.customerId,
      e.customerId,
      e.channel,
      e.purpose,
      e.granted,
      e.at,
      e.source,
      e.proof ?? null,
    ]),
  );
  return fresh.length;
}

export async function readConsentEvents(engine: Engine, customerId: string): Promise<ConsentRow[]> {
  const d = engine.dialect;
  const rows = await engine.query<{
    consent_id: string;
    customer_id: string;
    channel: string;
    purpose: string;
    granted: boolean;
    at: Date;
    source: string;
    proof: string | null;
  }>(
    sql(
      `SELECT consent_id, customer_id, channel, purpose, granted, ${d.quoteIdent('at')} AS at, source, proof FROM consents WHERE customer_id = ${d.placeholder(1, 'string')} ORDER BY 6, 1`,
      [customerId],
      ['string'],
    ),
  );
  return rows.map((r) => ({
    consentId: r.consent_id,
    customerId: r.customer_id,
    channel: r.channel as ConsentChannel,
    purpose: r.purpose as ConsentPurpose,
    granted: r.granted,
    at: r.at,
    source: r.source,
    proof: r.proof ?? undefined,
  }));
}
