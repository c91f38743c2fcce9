import { isoDateToKstDay } from '@dalbit/core/time/kst';
import { describe, expect, it } from 'vitest';
import { saveClusterAsSegment } from '../../../src/analytics/clusters/save-cluster-segment.ts';
import { findClusterRun, runWarehouseClusters } from '../../../src/analytics/clusters/warehouse-clusters.ts';
import { type EngineKind, openMemoryWarehouse } from '../../../src/engines/open-engine.ts';
import { findSegmentMembers } from '../../../src/segments/count-segment.ts';
import { refreshFeatures } from '../../../src/segments/refresh-features.ts';
import { getVersionOrThrow } from '../../../src/segments/segment-store.ts';
import { CLUSTER_AS_OF, insertClusterFixture } from './clusters-fixture.ts';

const asOfDay = isoDateToKstDay(CLUSTER_AS_OF) as number;

for (const kind of ['duckdb', 'chdb'] as EngineKind[]) {
  describe(`${kind}: warehouse clusters`, () => {
    it('recovers the planted buyer kinds, stores the run, and saves a cluster as a working segment', async () => {
      const engine = await openMemoryWarehouse(kind);
      try {
        await insertClusterFixture(engine);
        const now = new Date('2024-06-01T01:00:00Z');
        const run = await runWarehouseClusters(engine, { asOfDay, seed: 42, now });
        expect(run.k).toBe(3);
        expect(run.assignments).toHaveLength(120);
        const kinds = new Map<number, Set<string>>();
        for (const a of run.assignments)
          kinds.set(a.cluster, (kinds.get(a.cluster) ?? new Set()).add(a.customerId[0] as string));
        expect([...kinds.values()].map((s) => [...s])).toHaveLength(3);
        for (const s of kinds.values()) expect(s.size).toBe(1);
        const clusterOf = (prefix: string) => run.clusters.find((c) => kinds.get(c.cluster)?.has(prefix));
        expect(clusterOf('d')?.label.ko).toMatch(/할인에 민감한|쿠폰을 자주 쓰는/);
        expect(clusterOf('d')?.label.ko).toMatch(/재구매 고객$/);
        expect(clusterOf('m')?.label.en).toMatch(/one-time buyers$/);
        expect(clusterOf('r')?.label.en).toMatch(/often-(returning|cancelling).* infrequent buyers$/);

        const stored = await findClusterRun(engine);
        expect(stored?.runId).toBe(run.runId);
        expect(stored?.summary.clusters.map((c) => c.label)).toEqual(run.clusters.map((c) => c.label));

        const target = clusterOf('d')?.cluster as number;
        const saved = await saveClusterAsSegment(engine, { runId: run.runId, cluster: target, lang: 'ko', now });
        expect(saved.members).toBe(40);
        expect(saved.segment.name).toBe(clusterOf('d')?.label.ko);
        await refreshFeatures(engine, { asOf: now }); // segments read customer_features as their base
        const version = await getVersionOrThrow(engine, saved.segment.segmentId);
        const members = await findSegmentMembers(engine, version.definition, { asOf: now });
        expect(members.ok && [...members.customerIds].sort()).toEqual(
          Array.from({ length: 40 }, (_, i) => `d${i}`).sort(),
        );
        // a segment can combine the cluster with other conditions
        const combined = await findSegmentMembers(
          engine,
          {
            version: 1,
            root: {
              kind: 'and',
              items: [version.definition.root, { kind: 'orders', measure: 'count', op: 'gte', value: 9 }],
            },
          },
          { asOf: now },
        );
        expect(combined.ok && combined.customerIds.every((id) => id.startsWith('d'))).toBe(true);
      } finally {
        await engine.close();
      }
    });
  });
}
