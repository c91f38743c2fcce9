import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { type EngineKind, openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import type { ImportJob } from '../../src/imports/import-jobs.ts';
import { listJobs, liveJobs, loadJob, saveJob } from '../../src/imports/job-store.ts';
import { deleteMapping, listMappings, renameMapping, saveMapping } from '../../src/imports/mapping-store.ts';

const ENGINES: EngineKind[] = ['duckdb', 'chdb'];
const T0 = new Date('2026-05-01T00:00:00Z');
const T1 = new Date('2026-05-01T00:05:00Z');

for (const kind of ENGINES) {
  describe(`${kind}: saved mappings and import jobs are replaced and removed by key`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await openMemoryWarehouse(kind);
    });
    afterAll(() => engine.close());

    it('saves, renames, lists and deletes a mapping', async () => {
      const by = { actor: 'kim', now: T0 };
      const a = await saveMapping(
        engine,
        {
          name: '카페24 주문',
          mapping: { source: 'orders', columns: { order_id: '주문번호' } },
          headers: ['주문번호'],
        },
        by,
      );
      const b = await saveMapping(
        engine,
        { name: '매장 주문', mapping: { source: 'orders', columns: {} }, headers: ['번호'] },
        by,
      );
      await expect(
        saveMapping(engine, { name: '매장 주문', mapping: { source: 'orders', columns: {} }, headers: [] }, by),
      ).rejects.toMatchObject({ code: 'MAPPING_NAME_TAKEN' });

      const renamed = await renameMapping(engine, a.id, '자사몰 주문', { actor: 'lee', now: T1 });
      expect(renamed).toMatchObject({ name: '자사몰 주문', updatedBy: 'lee', createdBy: 'kim' });
      let list = await listMappings(engine);
      expect(list.map((m) => [m.id, m.name])).toEqual([
        [b.id, '매장 주문'],
        [a.id, '자사몰 주문'],
      ]);
      expect(list[1]?.mapping.columns).toEqual({ order_id: '주문번호' });
      expect(list[1]?.updatedAt).toBe(T1.toISOString());

      await deleteMapping(engine, b.id);
      list = await listMappings(engine);
      expect(list.map((m) => m.id)).toEqual([a.id]);
      await expect(deleteMapping(engine, b.id)).rejects.toMatchObject({ code: 'MAPPING_NOT_FOUND' });
      // The deleted name is free again.
      const c = await saveMapping(
        engine,
        { name: '매장 주문', mapping: { source: 'orders', columns: {} }, headers: [] },
        by,
      );
      expect((await listMappings(engine)).map((m) => m.id).sort()).toEqual([a.id, c.id].sort());
    });

    it('records an import job and keeps one row per job as it moves on', async () => {
      const job: ImportJob = {
        id: 'job-1',
        uploadId: 'up-1',
        fileName: 'orders.csv',
        actor: 'kim',
        createdAt: T0,
        phase: 'reading',
        fraction: 0.25,
        rowsRead: 10,
        bytesRead: 100,
        totalBytes: 400,
      };
      await saveJob(engine, job, T0);
      expect((await liveJobs(engine)).map((j) => j.id)).toEqual(['job-1']);
      await saveJob(engine, { ...job, phase: 'failed', fraction: 1, error: { code: 'X', message: '실패' } }, T1);

      const jobs = await listJobs(engine, 'kim', 10);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]).toMatchObject({
        id: 'job-1',
        phase: 'failed',
        fraction: 1,
        error: { code: 'X', message: '실패' },
      });
      expect(await liveJobs(engine)).toEqual([]);
      expect((await loadJob(engine, 'job-1'))?.phase).toBe('failed');
      expect(await listJobs(engine, 'lee', 10)).toEqual([]);
    });
  });
}
