import { createHash } from 'node:crypto';
import { MESSAGE_EVENTS, MESSAGES } from '@dalbit/core/channels/tables';
import { columnNames } from '@dalbit/core/schema/table';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';

/** Outbox statuses not yet handed to a provider (a message being sent is left to finish). */
const PENDING = ['planned', 'deferred', 'queued', 'retry'] as const;

/**
 * Cancels a campaign's messages still waiting in the outbox (status `cancelled`, reason `code`,
 * one status event each). Returns how many. Their idempotency keys stay, so nothing is re-sent.
 */
export async function cancelPendingMessages(
  engine: Engine,
  campaignId: string,
  code: 'CAMPAIGN_PAUSED' | 'CAMPAIGN_STOPPED',
  at: Date,
): Promise<number> {
  // One turn (chDB) / transaction (DuckDB): a claim cannot take a row between the read and the change.
  return engine.transaction(async (tx) => {
    const d = tx.dialect;
    const where = (b: { p(v: unknown, t: 'string' | 'timestamp'): string }, m: string) =>
      `${m}campaign_id = ${b.p(campaignId, 'string')} AND ${m}status IN (${PENDING.map((s) => `'${s}'`).join(', ')}) AND (${m}locked_until IS NULL OR ${m}locked_until < ${b.p(at, 'timestamp')})`;
    const rows = await tx.query<{ idempotency_key: string }>(
      compileBound(d, (b) => `SELECT idempotency_key FROM messages WHERE ${where(b, '')}`),
    );
    if (rows.length === 0) return 0;
    await tx.query(
      compileBound(d, (b) =>
        d.write.updateWhere({
          table: MESSAGES,
          alias: 'm',
          set: { status: "'cancelled'", reason: b.p(code, 'string'), updated_at: b.p(at, 'timestamp') },
          where: where(b, 'm.'),
        }),
      ),
    );
    await appendCancelEvents(tx, rows, code, at);
    return rows.length;
  });
}

async function appendCancelEvents(
  engine: Engine,
  rows: readonly { idempotency_key: string }[],
  code: string,
  at: Date,
): Promise<void> {
  const cols = columnNames(MESSAGE_EVENTS);
  await engine.insert(
    MESSAGE_EVENTS.name,
    cols,
    rows.map((r) => {
      const row: Record<string, unknown> = {
        event_id: createHash('sha256')
          .update([r.idempotency_key, 'cancelled', code, at.toISOString()].join('\u0000'))
          .digest('hex')
          .slice(0, 32),
        idempotency_key: r.idempotency_key,
        at,
        status: 'cancelled',
        code,
        detail: null,
        source: 'campaign',
      };
      return cols.map((c) => row[c] ?? null);
    }),
  );
}
