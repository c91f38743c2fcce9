import { DAY_MS } from '@dalbit/core/time/kst';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { type EngineKind, openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { listCurrentMembers, listEntered, listSizeTrend } from '../../src/segments/memberships.ts';
import { refreshFeatures } from '../../src/segments/refresh-features.ts';
import { refreshSegments } from '../../src/segments/refresh-segments.ts';
import {
  createSegment,
  listSegments,
  listVersions,
  SegmentStoreError,
  updateSegmentDefinition,
  updateSegmentHeader,
} from '../../src/segments/segment-store.ts';
import { AS_OF, loadFixture } from './fixture.ts';

const CARTS = { version: 1, root: { kind: 'events', type: 'add_to_cart', window: { kind: 'last_days', days: 7 } } };
const later = (days: number): Date => new Date(AS_OF.getTime() + days * DAY_MS);

for (const kind of ['duckdb', 'chdb'] as EngineKind[]) {
  describe(`${kind}: segment store and memberships`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await openMemoryWarehouse(kind);
      await loadFixture(engine);
      await refreshFeatures(engine, { asOf: AS_OF });
    });
    afterAll(async () => {
      await engine.close();
    });

    it('records entries and exits per refresh, and the size trend', async () => {
      const carts = await createSegment(engine, {
        segmentId: 'carts',
        name: '최근 장바구니',
        definition: CARTS,
        now: AS_OF,
      });
      // A segment built on another one: refreshed after it.
      await createSegment(engine, {
        segmentId: 'carts-f',
        name: '최근 장바구니 여성',
        definition: {
          version: 1,
          root: {
            kind: 'and',
            items: [
              { kind: 'segment', segmentId: 'carts' },
              { kind: 'profile', field: 'gender', op: 'eq', value: 'F' },
            ],
          },
        },
        now: AS_OF,
      });
      expect(carts.currentVersion).toBe(1);

      const first = await refreshSegments(engine, { asOf: AS_OF });
      expect(first.refreshed.map((r) => [r.segmentId, r.size, r.entered, r.exited])).toEqual([
        ['carts', 3, 3, 0],
        ['carts-f', 1, 1, 0],
      ]);
      expect(await listCurrentMembers(engine, 'carts')).toEqual(['c03', 'c04', 'c07']);

      // Three days later c03's and c04's carts fall out of the 7-day window; c07's stays.
      const second = await refreshSegments(engine, { asOf: later(3) });
      expect(second.refreshed.map((r) => [r.segmentId, r.size, r.entered, r.exited])).toEqual([
        ['carts', 1, 0, 2],
        ['carts-f', 0, 0, 1],
      ]);
      expect(await listCurrentMembers(engine, 'carts')).toEqual(['c07']);
      // Entry records are immutable: all three entered at AS_OF, none since.
      expect((await listEntered(engine, 'carts', new Date(AS_OF.getTime() - 1))).map((e) => e.customerId)).toEqual([
        'c03',
        'c04',
        'c07',
      ]);
      expect(await listEntered(engine, 'carts', AS_OF)).toEqual([]);

      // Re-running the same instant changes nothing.
      const again = await refreshSegments(engine, { asOf: later(3), segmentIds: ['carts'] });
      expect(again.refreshed.map((r) => r.size)).toEqual([1]);
      expect(await listCurrentMembers(engine, 'carts')).toEqual(['c07']);

      expect((await listSizeTrend(engine, 'carts')).map((p) => [p.size, p.entered, p.exited])).toEqual([
        [3, 3, 0],
        [1, 0, 2],
        [1, 0, 2],
      ]);
    });

    it('editing creates a new version; old versions stay readable; pinning is a header revision', async () => {
      await updateSegmentDefinition(engine, {
        segmentId: 'carts',
        definition: { ...CARTS, root: { ...CARTS.root, window: { kind: 'last_days', days: 30 } } },
        note: 'wider',
        now: later(4),
      });
      const versions = await listVersions(engine, 'carts');
      expect(versions.map((v) => v.version)).toEqual([1, 2]);
      expect(versions[0]?.definition).toEqual(CARTS);
      await updateSegmentHeader(engine, { segmentId: 'carts', pinned: true, now: later(4) });
      const [top] = await listSegments(engine);
      expect(top).toMatchObject({ segmentId: 'carts', pinned: true, currentVersion: 2, revision: 3 });
      // Version 2 (30 days) brings c03 and c04 back in.
      const r = await refreshSegments(engine, { asOf: later(4), segmentIds: ['carts'] });
      expect(r.refreshed[0]).toMatchObject({ version: 2, size: 3, entered: 2, exited: 0 });
    });

    it('refuses invalid definitions with issues, and skips cycles', async () => {
      await expect(
        createSegment(engine, {
          name: 'bad',
          definition: { version: 1, root: { kind: 'profile', field: 'nope', op: 'eq', value: 1 } },
          now: AS_OF,
        }),
      ).rejects.toBeInstanceOf(SegmentStoreError);
      await createSegment(engine, {
        segmentId: 'loop-a',
        name: 'a',
        definition: { version: 1, root: { kind: 'segment', segmentId: 'loop-b' } },
        now: AS_OF,
      });
      await createSegment(engine, {
        segmentId: 'loop-b',
        name: 'b',
        definition: { version: 1, root: { kind: 'segment', segmentId: 'loop-a' } },
        now: AS_OF,
      });
      const r = await refreshSegments(engine, { asOf: later(5), segmentIds: ['loop-a'] });
      expect(r.refreshed).toEqual([]);
      expect(r.skipped.map((s) => s.reason)).toContain('SEGMENT_CYCLE');
    });
  });
}
