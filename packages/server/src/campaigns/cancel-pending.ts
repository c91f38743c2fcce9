import { createHash } from 'node:crypto';
import { MESSAGE_EVENTS } from '@dalbit/core/channels/tables';
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
  const d = engine.dialect;
  const where = (b: { p(v: unknown, t: 'string' | 'timestamp'): string }) =>
    `campaign_id = ${b.p(campaignId, 'string')} AND status IN (${PENDING.map((s) => `'${s}'`).join(', ')}) AND (locked_until IS NULL OR locked_until < ${b.p(at, 'timestamp')})`;
  const rows = await engine.query<{ idempotency_key: string }>(
    compileBound(d, (b) => `SELECT idempotency_key FROM messages WHERE ${where(b)}`),
  );
  if (rows.length === 0) return 0;
  await engine.query(
    compileBound(
      d,
      (b) =>
        `UPDATE messages SET status = 'cancelled', reason = ${b.p(code, 'string')}, updated_at = ${b.p(at, 'timestamp')} WHERE ${where(b)}`,
    ),
  );
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
  return rows.length;
}
