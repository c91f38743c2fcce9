import { toCustomerId } from '@dalbit/core/identity/ids';
import type { IdentityKey, PersonRecord } from '@dalbit/core/ingest/records';
import { createRandom } from '@dalbit/core/math/random/mulberry32';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryIndex } from '../../../core/test/identity/simulate.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { resolvePersons } from '../../src/identity/resolve-persons.ts';

/**
 * Batches over small key pools, so records chain through shared members, emails and phones (some
 * of them 050 numbers that never merge), repeat record ids within and across batches, and later
 * batches bridge customers created earlier (merges).
 */
function batches(seed: number, count: number, size: number): PersonRecord[][] {
  const rnd = createRandom(seed);
  const pick = (n: number) => Math.floor(rnd() * n);
  const out: PersonRecord[][] = [];
  for (let b = 0; b < count; b++) {
    const batch: PersonRecord[] = [];
    for (let i = 0; i < size; i++) {
      const keys: IdentityKey[] = [];
      const kinds = 1 + pick(3);
      for (let k = 0; k < kinds; k++) {
        const r = rnd();
        if (r < 0.25) keys.push({ kind: 'member', value: `shop:m${pick(size * 2)}`, mergeable: true });
        else if (r < 0.5) keys.push({ kind: 'email', value: `u${pick(size * 3)}@example.com`, mergeable: true });
        else if (r < 0.85) keys.push({ kind: 'phone', value: `+8210${pick(size * 3)}`, mergeable: true });
        else if (r < 0.95) keys.push({ kind: 'phone', value: `+82505${pick(20)}`, mergeable: false });
        else keys.push({ kind: 'anon', value: `anon-${pick(size)}`, mergeable: true });
      }
      batch.push({
        recordId: `src:r${pick(size * 4)}`,
        channel: ['cafe24', 'smartstore', 'offline'][pick(3)] as string,
        keys,
        seenAt: new Date(Date.UTC(2024, 0, 1) + pick(365) * 86_400_000),
      });
    }
    out.push(batch);
  }
  return out;
}

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

// The clusters found in SQL are the pure planner's (packages/core planResolution over a union-find),
// batch after batch: the same customer for every record, the same new customers, the same merges.
// chDB runs each statement slowly, so it gets one smaller case.
describe.each([
  ['duckdb', 8, 400, [1, 2, 3]],
  ['chdb', 3, 60, [1]],
] as const)('SQL identity clusters on %s', (kind, count, size, seeds) => {
  it.each(seeds)('equal the union-find planner batch after batch (seed %i)', async (seed) => {
    engine = await openMemoryWarehouse(kind);
    const reference = new MemoryIndex();
    const merges: { w: string; l: string; k: string; v: string }[] = [];
    for (const [b, batch] of batches(seed, count, size).entries()) {
      const plan = reference.import(batch);
      // The reference's clock: batch b creates customers at 2024-01-01 + b seconds.
      const now = new Date(Date.UTC(2024, 0, 1) + b * 1000);
      const res = await (engine as Engine).transaction((tx) =>
        resolvePersons(tx, batch, { now, newCustomerId: toCustomerId }),
      );
      const expected = new Map<string, string>();
      plan.records.forEach((r, i) => {
        if (!expected.has(r.recordId)) expected.set(r.recordId, plan.customerOf[i] as string);
      });
      expect(new Map([...res.customerOf].sort())).toEqual(new Map([...expected].sort()));
      expect({ created: res.created, merged: res.merged }).toEqual({
        created: plan.newCustomers.length,
        merged: plan.merges.length,
      });
      for (const m of plan.merges) merges.push({ w: m.winnerId, l: m.loserId, k: m.reasonKind, v: m.reasonValue });
    }
    const stored = await (engine as Engine).query<{ w: string; l: string; k: string; v: string }>(
      'SELECT winner_id AS w, loser_id AS l, reason_kind AS k, reason_value AS v FROM merges ORDER BY w, l',
    );
    expect(stored).toEqual(merges.sort((a, b) => (a.w + a.l < b.w + b.l ? -1 : 1)));
    // The generator must exercise merges for the comparison to mean anything.
    expect(merges.length).toBeGreaterThan(0);
  });
});
