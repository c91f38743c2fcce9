import { toKeyId } from '../../src/identity/key-id.ts';
import { planResolution } from '../../src/identity/plan-resolution.ts';
import type { PersonRecord } from '../../src/ingest/records.ts';

/** An in-memory stand-in for the warehouse index, applying plans the way the shell does. */
export class MemoryIndex {
  readonly owners = new Map<string, string>();
  readonly createdAt = new Map<string, Date>();
  readonly neverMerge: [string, string][] = [];
  private clock = 0;

  import(batch: readonly PersonRecord[]) {
    const plan = planResolution(batch, this);
    const at = new Date(Date.UTC(2024, 0, 1) + this.clock++ * 1000);
    for (const c of plan.newCustomers) this.createdAt.set(c.id, at);
    const winnerOf = new Map(plan.merges.map((m) => [m.loserId, m.winnerId]));
    for (const [k, owner] of this.owners) {
      const w = winnerOf.get(owner);
      if (w !== undefined) this.owners.set(k, w);
    }
    for (const m of plan.merges) this.createdAt.delete(m.loserId);
    for (const id of plan.newIdentities) this.owners.set(toKeyId(id.kind, id.value), id.customerId);
    plan.records.forEach((r, i) => {
      this.owners.set(toKeyId('record', r.recordId), plan.customerOf[i] as string);
    });
    return plan;
  }

  customerOfRecord(recordId: string): string | undefined {
    return this.owners.get(toKeyId('record', recordId));
  }
}

/** Independent reference: records connected by shared mergeable keys (BFS over a key→records index). */
export function referencePartition(records: readonly PersonRecord[]): string[][] {
  const byKey = new Map<string, string[]>();
  for (const r of records)
    for (const k of r.keys)
      if (k.mergeable) {
        const id = `${k.kind}:${k.value}`;
        byKey.set(id, [...(byKey.get(id) ?? []), r.recordId]);
      }
  const keysOf = new Map(
    records.map((r) => [r.recordId, r.keys.filter((k) => k.mergeable).map((k) => `${k.kind}:${k.value}`)]),
  );
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const r of records) {
    if (seen.has(r.recordId)) continue;
    const group: string[] = [];
    const queue = [r.recordId];
    seen.add(r.recordId);
    while (queue.length) {
      const id = queue.pop() as string;
      group.push(id);
      for (const k of keysOf.get(id) ?? [])
        for (const other of byKey.get(k) ?? [])
          if (!seen.has(other)) {
            seen.add(other);
            queue.push(other);
          }
    }
    groups.push(group);
  }
  return normalisePartition(groups);
}

export function normalisePartition(groups: readonly (readonly string[])[]): string[][] {
  return groups.map((g) => [...new Set(g)].sort()).sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
}

export function partitionBy(recordIds: readonly string[], customerOf: (id: string) => string | undefined): string[][] {
  const groups = new Map<string, string[]>();
  for (const id of recordIds) {
    const c = customerOf(id) ?? `missing:${id}`;
    groups.set(c, [...(groups.get(c) ?? []), id]);
  }
  return normalisePartition([...groups.values()]);
}
