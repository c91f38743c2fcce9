import { createHash } from 'node:crypto';
import { MESSAGE_EVENTS } from '@dalbit/core/channels/tables';
import { tableDef } from '@dalbit/core/schema/migrations';
import { columnNames } from '@dalbit/core/schema/table';
import { chunks, compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';
import { IN_DOUBT, RETRY, SENDING } from './outbox-row.ts';
import type { FallbackSend, Outcome } from './outcome.ts';
import { updateMessagesFromValues } from './values-update.ts';

export interface StatusEvent {
  readonly key: string;
  readonly status: string;
  readonly code: string | null;
  readonly detail: string | null;
  readonly source: 'dispatcher' | 'receipt';
  readonly at: Date;
}

/** Deterministic: a replayed report or a re-recorded attempt makes the same id. */
export function eventIdFor(e: Omit<StatusEvent, 'source'> & { salt?: string }): string {
  return createHash('sha256')
    .update([e.key, e.status, e.code ?? '', e.at.toISOString(), e.salt ?? ''].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

export async function appendEvents(engine: Engine, events: readonly StatusEvent[], salt = ''): Promise<void> {
  const cols = columnNames(MESSAGE_EVENTS);
  await engine.insert(
    MESSAGE_EVENTS.name,
    cols,
    events.map((e) => {
      const row: Record<string, unknown> = {
        event_id: eventIdFor({ ...e, salt }),
        idempotency_key: e.key,
        at: e.at,
        status: e.status,
        code: e.code,
        detail: e.detail,
        source: e.source,
      };
      return cols.map((c) => row[c] ?? null);
    }),
  );
}

const MESSAGE_COLUMNS =
  'idempotency_key, campaign_id, step_id, occurrence, customer_id, channel, purpose, priority, recipient, status, reason, content, attempts, due_at, via_fallback, created_at, updated_at';

/**
 * Queues the SMS replacing a failed Kakao message as its own outbox row, keyed
 * `<original>:fallback`: inserted only when absent, so it is sent at most once however often the
 * failure is reported. Call it inside the caller's transaction (the check and the insert are one
 * turn on chDB, one transaction on DuckDB).
 */
export async function enqueueFallbacks(
  engine: Engine,
  fallbacks: readonly FallbackSend[],
  now: Date,
): Promise<string[]> {
  if (fallbacks.length === 0) return [];
  const present = new Set<string>();
  for (const part of chunks(fallbacks.flatMap((f) => [f.key, f.originalKey])))
    for (const r of await engine.query<{ idempotency_key: string }>(
      compileBound(
        engine.dialect,
        (b) => `SELECT idempotency_key FROM messages WHERE idempotency_key IN ${b.in(part)}`,
      ),
    ))
      present.add(r.idempotency_key);
  const created: string[] = [];
  for (const f of fallbacks) {
    if (present.has(f.key) || !present.has(f.originalKey)) continue;
    await engine.query(
      compileBound(
        engine.dialect,
        (b) => `INSERT INTO messages (${MESSAGE_COLUMNS})
          SELECT ${b.p(f.key, 'string')}, campaign_id, step_id, occurrence, customer_id, 'sms', purpose, priority, recipient,
                 'queued', 'KAKAO_FALLBACK', ${b.p(JSON.stringify(f.message), 'string')}, 0, ${b.p(now, 'timestamp')}, true,
                 ${b.p(now, 'timestamp')}, ${b.p(now, 'timestamp')}
          FROM messages
          WHERE idempotency_key = ${b.p(f.originalKey, 'string')}`,
      ),
    );
    present.add(f.key);
    created.push(f.key);
  }
  if (created.length > 0)
    await appendEvents(
      engine,
      created.map((key) => ({
        key,
        status: 'queued',
        code: 'KAKAO_FALLBACK',
        detail: null,
        source: 'dispatcher' as const,
        at: now,
      })),
    );
  return created;
}

/** Device tokens the provider called unregistered are never used again (`push_tokens.removed_at`). */
async function removeStaleTokens(engine: Engine, tokens: readonly string[], now: Date): Promise<void> {
  if (tokens.length === 0) return;
  await engine.query(
    compileBound(engine.dialect, (b) =>
      engine.dialect.write.updateWhere({
        table: tableDef('push_tokens'),
        alias: 't',
        set: { removed_at: b.p(now, 'timestamp') },
        where: `t.removed_at IS NULL AND t.token IN ${b.in(tokens)}`,
      }),
    ),
  );
}

/**
 * Writes one attempt's outcomes in one transaction: statuses (only rows still `sending`, so a
 * delivery report that arrived first is not overwritten), history events and fallback rows.
 */
export async function recordOutcomes(
  engine: Engine,
  outcomes: readonly Outcome[],
  opts: { now: Date; attemptSalt: string },
): Promise<{ fallbacks: string[] }> {
  const now = opts.now;
  const of = <K extends Outcome['kind']>(k: K) =>
    outcomes.filter((o): o is Extract<Outcome, { kind: K }> => o.kind === k);
  return engine.transaction(async (tx) => {
    const accepted = of('accepted');
    if (accepted.length > 0)
      await updateMessagesFromValues(tx, {
        columns: [
          { name: 'provider', type: 'string' },
          { name: 'pid', type: 'string' },
          { name: 'gid', type: 'string' },
          { name: 'reason', type: 'string' },
          { name: 'ts', type: 'timestamp' },
        ],
        rows: accepted.map((o) => [
          o.key,
          o.provider,
          o.providerMessageId ?? null,
          o.providerGroupId ?? null,
          o.duplicate ? 'DUPLICATE' : null,
          now,
        ]),
        set: {
          status: `CASE WHEN m.status IN ('${SENDING}', '${IN_DOUBT}') THEN 'accepted' ELSE m.status END`,
          provider: 'r.provider',
          provider_message_id: 'COALESCE(r.pid, m.provider_message_id)',
          provider_group_id: 'COALESCE(r.gid, m.provider_group_id)',
          reason: 'COALESCE(r.reason, m.reason)',
          accepted_at: 'COALESCE(m.accepted_at, r.ts)',
          locked_until: 'NULL',
          next_attempt_at: 'NULL',
          updated_at: 'r.ts',
        },
      });
    const retry = of('retry');
    if (retry.length > 0)
      await updateMessagesFromValues(tx, {
        columns: [
          { name: 'nxt', type: 'timestamp' },
          { name: 'code', type: 'string' },
          { name: 'err', type: 'string' },
          { name: 'ts', type: 'timestamp' },
        ],
        rows: retry.map((o) => [o.key, o.nextAttemptAt, o.code, o.message.slice(0, 1000), now]),
        set: {
          status: `'${RETRY}'`,
          next_attempt_at: 'r.nxt',
          reason: 'r.code',
          last_error_code: 'r.code',
          last_error: 'r.err',
          locked_until: 'NULL',
          updated_at: 'r.ts',
        },
        where: `m.status = '${SENDING}'`,
      });
    const final = [
      ...of('failed').map((o) => ({ key: o.key, status: 'failed', code: o.code, detail: o.message })),
      ...of('cancelled').map((o) => ({ key: o.key, status: 'cancelled', code: o.code, detail: o.detail })),
      ...of('in_doubt').map((o) => ({ key: o.key, status: IN_DOUBT, code: 'IN_DOUBT', detail: o.detail })),
    ];
    if (final.length > 0)
      await updateMessagesFromValues(tx, {
        columns: [
          { name: 'status', type: 'string' },
          { name: 'code', type: 'string' },
          { name: 'err', type: 'string' },
          { name: 'ts', type: 'timestamp' },
        ],
        rows: final.map((o) => [o.key, o.status, o.code, o.detail.slice(0, 1000), now]),
        set: {
          status: 'r.status',
          reason: 'r.code',
          last_error_code: 'r.code',
          last_error: 'r.err',
          locked_until: 'NULL',
          failed_at: "CASE WHEN r.status = 'failed' THEN r.ts ELSE m.failed_at END",
          updated_at: 'r.ts',
        },
        where: `m.status = '${SENDING}'`,
      });
    await appendEvents(
      tx,
      outcomes.map((o) => ({
        key: o.key,
        status: o.kind === 'accepted' ? 'accepted' : o.kind,
        code: o.kind === 'accepted' ? (o.duplicate ? 'DUPLICATE' : null) : o.kind === 'in_doubt' ? 'IN_DOUBT' : o.code,
        detail:
          o.kind === 'accepted'
            ? (o.providerMessageId ?? null)
            : o.kind === 'in_doubt' || o.kind === 'cancelled'
              ? o.detail
              : o.message.slice(0, 500),
        source: 'dispatcher' as const,
        at: now,
      })),
      opts.attemptSalt,
    );
    await removeStaleTokens(
      tx,
      of('failed').flatMap((o) => (o.staleToken ? [o.staleToken] : [])),
      now,
    );
    const fallbacks = of('failed').flatMap((o) => (o.fallback ? [o.fallback] : []));
    return { fallbacks: await enqueueFallbacks(tx, fallbacks, now) };
  });
}
