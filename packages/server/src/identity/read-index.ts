import { buildCanonicalMap } from '@dalbit/core/identity/canonical-map';
import type { IdentityIndex } from '@dalbit/core/identity/plan-resolution';
import type { Engine } from '../engines/engine.ts';
import { STAGE } from './stage.ts';

export interface StoredIndex extends IdentityIndex {
  /** Origin customer of every already-known record of the batch (by record id). */
  readonly recordOrigins: ReadonlyMap<string, string>;
}

/**
 * Reads what the warehouse knows about the staged batch in one join: owners of its keys and
 * records, their creation times, and the never-merge pairs mapped to today's canonical ids.
 */
export async function readIndex(engine: Engine): Promise<StoredIndex> {
  const rows = await engine.query<{ key_id: string; customer_id: string; origin: string | null; created_at: Date | null }>(`
    WITH hits AS (
      SELECT 'record:' || p.record_id AS key_id, p.customer_id, p.origin_customer_id AS origin
      FROM person_records p JOIN (SELECT DISTINCT record_id FROM ${STAGE.records}) s USING (record_id)
      UNION ALL
      SELECT i.kind || ':' || i.value, i.customer_id, NULL
      FROM identities i JOIN (SELECT DISTINCT kind, value FROM ${STAGE.keys}) s USING (kind, value)
    )
    SELECT h.key_id, h.customer_id, h.origin, c.created_at FROM hits h LEFT JOIN customers c USING (customer_id)`);
  const owners = new Map<string, string>();
  const createdAt = new Map<string, Date>();
  const recordOrigins = new Map<string, string>();
  for (const r of rows) {
    owners.set(r.key_id, r.customer_id);
    if (r.created_at) createdAt.set(r.customer_id, r.created_at);
    if (r.origin !== null) recordOrigins.set(r.key_id.slice('record:'.length), r.origin);
  }
  return { owners, createdAt, recordOrigins, neverMerge: await readNeverMerge(engine) };
}

async function readNeverMerge(engine: Engine): Promise<(readonly [string, string])[]> {
  const pairs = await engine.query<{ a: string; b: string }>('SELECT customer_a AS a, customer_b AS b FROM never_merge');
  if (pairs.length === 0) return [];
  const canonicalOf = await readCanonicalMap(engine);
  return pairs.map((p) => [canonicalOf(p.a), canonicalOf(p.b)] as const);
}

export async function readCanonicalMap(engine: Engine): Promise<(id: string) => string> {
  const merges = await engine.query<{ winner_id: string; loser_id: string; undone: boolean }>(
    'SELECT winner_id, loser_id, undone_at IS NOT NULL AS undone FROM merges',
  );
  return buildCanonicalMap(merges.map((m) => ({ winnerId: m.winner_id, loserId: m.loser_id, undone: m.undone })));
}
