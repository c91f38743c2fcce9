import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';
import type { ClaimedRow } from './outbox-row.ts';

/**
 * Claimed messages whose campaign is no longer running: a pause or stop cancels what waits in the
 * outbox, but a message already claimed by a dispatcher pass is past that; it is checked again
 * here, just before the provider call, so a pause stops every send that has not left yet.
 * Returns key → `CAMPAIGN_PAUSED` | `CAMPAIGN_STOPPED`.
 */
export async function findHalted(engine: Engine, rows: readonly ClaimedRow[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (rows.length === 0) return out;
  const found = await engine.query<{ idempotency_key: string; status: string }>(
    compileBound(
      engine.dialect,
      (b) => `SELECT m.idempotency_key AS idempotency_key, c.status AS status FROM messages m
        JOIN (SELECT campaign_id, ${engine.dialect.fn.argMax('status', 'revision')} AS status FROM campaigns GROUP BY campaign_id) c
          ON c.campaign_id = m.campaign_id
        WHERE m.idempotency_key IN ${b.in(rows.map((r) => r.key))}`,
    ),
  );
  for (const f of found) {
    if (f.status === 'paused') out.set(f.idempotency_key, 'CAMPAIGN_PAUSED');
    else if (f.status === 'stopped' || f.status === 'archived') out.set(f.idempotency_key, 'CAMPAIGN_STOPPED');
  }
  return out;
}
