import type { ReceiptEvent } from '@dalbit/core/channels/port';
import { ownValue } from '@dalbit/core/json/own-value';
import { chunks, compileBound } from '@dalbit/core/sql/bind-sql';
import { applyOptOuts, type OptOutResult } from '../consent/apply-opt-outs.ts';
import type { Engine } from '../engines/engine.ts';
import { fallbackFor } from './fallback-sms.ts';
import { type ClaimedRow, parseContent } from './outbox-row.ts';
import type { FallbackSend } from './outcome.ts';
import { clampToNow, optOutsForSentMessages, sameRecipient } from './receipt-trust.ts';
import { appendEvents, enqueueFallbacks, eventIdFor, type StatusEvent } from './record-outcomes.ts';
import type { FallbackMode } from './send-claimed.ts';
import { updateMessagesFromValues } from './values-update.ts';

type StatusReceipt = Exclude<ReceiptEvent, { kind: 'opt_out' }>;

export interface IngestResult {
  readonly received: number;
  /** Status changes written. */
  readonly applied: number;
  /** Reports that changed nothing (older than the current status, or replays). */
  readonly stale: number;
  /** Reports for no message we know (kept out of the outbox; logged by the caller). */
  readonly unmatched: number;
  readonly fallbacksQueued: number;
  readonly optOuts?: OptOutResult;
  /** Opt-outs that match no message Dalbit sent (provider, recipient, message id): ignored. */
  readonly optOutsIgnored: number;
}

/** Later states win; a final state (delivered, failed, cancelled) is never replaced. */
const RANK: Record<string, number> = { accepted: 1, at_carrier: 2, delivered: 3, failed: 3, cancelled: 3, blocked: 3 };
const rank = (status: string): number => ownValue(RANK, status) ?? 0;

interface Current {
  idempotency_key: string;
  status: string;
  channel: string;
  purpose: string;
  content: unknown;
  provider: string | null;
  provider_message_id: string | null;
  recipient: string | null;
  [k: string]: unknown;
}

async function resolveKeys(engine: Engine, events: readonly StatusReceipt[]): Promise<Map<StatusReceipt, string>> {
  const out = new Map<StatusReceipt, string>();
  const byProviderId = new Map<string, StatusReceipt[]>();
  for (const e of events) {
    if (e.idempotencyKey) out.set(e, e.idempotencyKey);
    else
      byProviderId.set(`${e.provider}\u0000${e.providerMessageId}`, [
        ...(byProviderId.get(`${e.provider}\u0000${e.providerMessageId}`) ?? []),
        e,
      ]);
  }
  const ids = [...new Set([...byProviderId.values()].flat().map((e) => e.providerMessageId))];
  for (const part of chunks(ids))
    for (const r of await engine.query<{ idempotency_key: string; provider: string; provider_message_id: string }>(
      compileBound(
        engine.dialect,
        (b) =>
          `SELECT idempotency_key, provider, provider_message_id FROM messages WHERE provider_message_id IN ${b.in(part)}`,
      ),
    ))
      for (const e of byProviderId.get(`${r.provider}\u0000${r.provider_message_id}`) ?? [])
        out.set(e, r.idempotency_key);
  return out;
}

/**
 * Applies delivery reports: statuses move forward only (accepted → at_carrier → delivered |
 * failed), every report lands in `message_events` once, a failed Kakao message gets its SMS
 * fallback queued (once), and 080 refusals become consent withdrawals at once.
 * Idempotent: replaying the same reports changes nothing.
 */
export async function ingestReceipts(
  engine: Engine,
  events: readonly ReceiptEvent[],
  opts: { now: Date; fallback?: FallbackMode },
): Promise<IngestResult> {
  // Times never past now; opt-outs only for messages we sent (receipt-trust.ts).
  const trusted = clampToNow(events, opts.now);
  const statusEvents = trusted
    .filter((e): e is StatusReceipt => e.kind !== 'opt_out')
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const { matched: optOuts, ignored: optOutsIgnored } = await optOutsForSentMessages(
    engine,
    trusted.filter((e): e is Extract<ReceiptEvent, { kind: 'opt_out' }> => e.kind === 'opt_out'),
  );
  const result = await engine.transaction(async (tx) => {
    const keys = await resolveKeys(tx, statusEvents);
    const current = new Map<string, Current>();
    for (const part of chunks([...new Set(keys.values())]))
      for (const r of await tx.query<Current>(
        compileBound(
          tx.dialect,
          (b) =>
            `SELECT idempotency_key, status, channel, purpose, content, provider, provider_message_id, recipient FROM messages WHERE idempotency_key IN ${b.in(part)}`,
        ),
      ))
        current.set(r.idempotency_key, r);
    const eventRows: (StatusEvent & { id: string })[] = [];
    const updates = new Map<string, { status: string; e: StatusReceipt }>();
    const fallbacks: FallbackSend[] = [];
    let unmatched = 0;
    let stale = 0;
    for (const e of statusEvents) {
      const key = keys.get(e);
      const row = key === undefined ? undefined : current.get(key);
      // A report naming a recipient must name the message's (a forged id + key cannot move another's status).
      if (!row || key === undefined || (e.recipient !== undefined && !sameRecipient(e.recipient, row.recipient))) {
        unmatched++;
        continue;
      }
      const ev = {
        key,
        status: e.kind,
        code: e.providerCode,
        detail: `${e.provider}${e.viaFallback ? ' via fallback' : ''}${e.detail ? `: ${e.detail}` : ''}`,
        at: e.at,
      };
      eventRows.push({ ...ev, source: 'receipt', id: eventIdFor({ ...ev, salt: e.providerMessageId }) });
      const now = updates.get(key)?.status ?? row.status;
      if (rank(e.kind) <= rank(now)) {
        stale++;
        continue;
      }
      updates.set(key, { status: e.kind, e });
      if (e.kind === 'failed' && !e.viaFallback && (opts.fallback ?? 'dispatcher') === 'dispatcher') {
        const msg = parseContent({ key, channel: row.channel, content: row.content } as ClaimedRow);
        const f = fallbackFor(key, msg);
        if (f) fallbacks.push(f);
      }
    }
    const seen = new Set<string>();
    for (const part of chunks(eventRows.map((r) => r.id)))
      for (const r of await tx.query<{ event_id: string }>(
        compileBound(tx.dialect, (b) => `SELECT event_id FROM message_events WHERE event_id IN ${b.in(part)}`),
      ))
        seen.add(r.event_id);
    const freshEvents = eventRows.filter((r, i) => !seen.has(r.id) && eventRows.findIndex((x) => x.id === r.id) === i);
    await appendEvents(tx, freshEvents, '');
    const rows = [...updates].map(([key, { status, e }]) => [
      key,
      status,
      e.at,
      e.providerCode,
      e.provider,
      e.providerMessageId || null,
      e.viaFallback === true,
      opts.now,
    ]);
    await updateMessagesFromValues(tx, {
      columns: [
        { name: 'status', type: 'string' },
        { name: 'ts', type: 'timestamp' },
        { name: 'code', type: 'string' },
        { name: 'provider', type: 'string' },
        { name: 'pid', type: 'string' },
        { name: 'fb', type: 'bool' },
        { name: 'ts_now', type: 'timestamp' },
      ],
      rows,
      set: {
        status: 'r.status',
        delivered_at: "CASE WHEN r.status = 'delivered' THEN r.ts ELSE m.delivered_at END",
        failed_at: "CASE WHEN r.status = 'failed' THEN r.ts ELSE m.failed_at END",
        accepted_at: 'COALESCE(m.accepted_at, r.ts)',
        reason: "CASE WHEN r.status = 'failed' THEN r.code ELSE m.reason END",
        last_error_code: "CASE WHEN r.status = 'failed' THEN r.code ELSE m.last_error_code END",
        provider: 'COALESCE(m.provider, r.provider)',
        provider_message_id: 'COALESCE(m.provider_message_id, r.pid)',
        via_fallback: 'CASE WHEN r.fb THEN true ELSE m.via_fallback END',
        locked_until: 'NULL',
        updated_at: 'r.ts_now',
      },
    });
    const queued = await enqueueFallbacks(tx, fallbacks, opts.now);
    return { applied: updates.size, stale, unmatched, fallbacksQueued: queued.length };
  });
  const optOutResult =
    optOuts.length > 0
      ? await applyOptOuts(
          engine,
          optOuts.map((o) => ({
            phone: o.phone,
            at: o.at,
            source: o.provider,
            optOutNumber: o.optOutNumber,
            providerRef: o.providerMessageId,
          })),
          { now: opts.now },
        )
      : undefined;
  return {
    received: events.length,
    ...result,
    optOutsIgnored,
    ...(optOutResult ? { optOuts: optOutResult } : {}),
  };
}
