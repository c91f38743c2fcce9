import { createHash, randomUUID } from 'node:crypto';
import { columnNames } from '@dalbit/core/schema/table';
import { ACCESS_LOG } from '@dalbit/core/schema/tables';
import type { Engine } from '../engines/engine.ts';

export interface AccessLogEntry {
  readonly actor: string;
  readonly action: string;
  /** Whose data: a customer id, a segment id … */
  readonly subject: string;
  readonly reason: string | null;
  /** Where from: the client address. */
  readonly origin: string | null;
  readonly at: Date;
}

/**
 * Appends one entry to `access_log`, chained to the previous entry by hash (sha256 of the previous
 * hash and this entry's fields), so a removed or edited entry breaks the chain.
 * Callers serialise writes (the HTTP layer runs one engine operation at a time).
 */
export async function appendAccessLog(engine: Engine, e: AccessLogEntry): Promise<{ logId: string; hash: string }> {
  const q = engine.dialect.quoteIdent;
  const t = q(ACCESS_LOG.name);
  // The tip of the chain: the one entry no other entry points back to (timestamps can tie).
  const [last] = await engine.query<{ hash: string }>(
    `SELECT ${q('hash')} AS hash FROM ${t} WHERE ${q('hash')} NOT IN (SELECT ${q('prev_hash')} FROM ${t}) LIMIT 1`,
  );
  const prevHash = last?.hash ?? '';
  const logId = `al_${randomUUID()}`;
  const hash = createHash('sha256')
    .update(JSON.stringify([prevHash, logId, e.at.toISOString(), e.actor, e.action, e.subject, e.reason, e.origin]))
    .digest('hex');
  const row: Record<string, unknown> = {
    log_id: logId,
    at: e.at,
    actor: e.actor,
    action: e.action,
    subject: e.subject,
    reason: e.reason,
    origin: e.origin,
    prev_hash: prevHash,
    hash,
  };
  const cols = columnNames(ACCESS_LOG);
  await engine.insert(ACCESS_LOG.name, cols, [cols.map((c) => row[c] ?? null)]);
  return { logId, hash };
}
