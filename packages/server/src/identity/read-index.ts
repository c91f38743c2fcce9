import { buildCanonicalMap } from '@dalbit/core/identity/canonical-map';
import { type ResolverKeyKind, toKeyId } from '@dalbit/core/identity/key-id';
import type { IdentityIndex } from '@dalbit/core/identity/plan-resolution';
import type { Engine } from '../engines/engine.ts';

const HITS = 'id_stage_hits';

import { STAGE } from './stage.ts';

export interface StoredIndex extends IdentityIndex {
  /** Origin customer of every already-known record of the batch (by record id). */
  readonly recordOrigins: ReadonlyMap<string, string>;
}

/**
 * Reads what the warehouse knows about the staged batch (or the staged records matching
 * `recordFilter`, a condition on their `rec`) in one join: owners of its keys and records, their
 * creation times, and the never-merge pairs mapped to today's canonical ids.
 */
export async function readIndex(engine: Engine, recordFilter = 'TRUE'): Promise<StoredIndex> {
  await engine.exec(
    engine.dialect.write.tempTable(HITS, {
      as: `SELECT 'record' AS kind, p.record_id AS value, p.customer_id AS customer_id, p.origin_customer_id AS origin
      FROM person_records p JOIN (SELECT DISTINCT record_id FROM ${STAGE.records} WHERE ${recordFilter}) s USING (record_id)
      UNION ALL
      SELECT i.kind, i.value, i.customer_id, NULL
      FROM identities i JOIN (SELECT DISTINCT kind, value FROM ${STAGE.keys} WHERE ${recordFilter}) s USING (kind, value)`,
    }),
  );
  const rows = await engine.query<{ kind: string; value: string; customer_id: string; origin: string | null }>(
    `SELECT kind, value, customer_id, origin FROM ${HITS}`,
  );
  const created = await engine.query<{ customer_id: string; created_at: Date }>(
    `SELECT customer_id, created_at FROM customers WHERE customer_id IN (SELECT customer_id FROM ${HITS})`,
  );
  await engine.exec(`DROP TABLE ${HITS}`);
  const owners = new Map<string, string>();
  const recordOrigins = new Map<string, string>();
  for (const r of rows) {
    owners.set(toKeyId(r.kind as ResolverKeyKind, r.value), r.customer_id);
    if (r.origin !== null) recordOrigins.set(r.value, r.origin);
  }
  const createdAt = new Map(created.map((r) => [r.customer_id, r.created_at]));
  return { owners, createdAt, recordOrigins, neverMerge: await readNeverMerge(engine) };
}

async function readNeverMerge(engine: Engine): Promise<(readonly [string, string])[]> {
  const pairs = await engine.query<{ a: string; b: string }>(
    'SELECT customer_a AS a, customer_b AS b FROM never_merge',
  );
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
