import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCouponSecret } from '../../src/campaigns/campaign-settings.ts';
import { openWarehouse } from '../../src/engines/open-engine.ts';
import { appendAccessLog } from '../../src/http/access-log.ts';
import { writeRejects } from '../../src/importers/write-rejects.ts';
import { exportSegment } from '../../src/segments/export-segment.ts';
import { refreshFeatures } from '../../src/segments/refresh-features.ts';
import { refreshSegments } from '../../src/segments/refresh-segments.ts';
import { createSegment } from '../../src/segments/segment-store.ts';
import { loadSiteKeys } from '../../src/tracker/site-keys.ts';
import { AS_OF, loadFixture } from '../segments/fixture.ts';

// Issue 12 hygiene: the warehouse and unmasked exports were created 0644 (0666 under umask 000),
// so any local account could read every customer's phone. Every file holding customers' data or a
// secret must be 0600 whatever the umask, and the data directory 0700.

let dir: string;
let oldUmask: number;
const modeOf = (p: string): number => statSync(p).mode & 0o777;

/** Every file under `root`, with its mode. */
function modes(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(root, { recursive: true }) as string[]) {
    const p = join(root, name);
    if (statSync(p).isFile()) out[name] = modeOf(p).toString(8);
  }
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dalbit-modes-'));
  oldUmask = process.umask(0); // the most permissive umask a shell can have
});

afterAll(() => {
  process.umask(oldUmask);
  rmSync(dir, { recursive: true, force: true });
});

describe('private files (0600) whatever the umask', () => {
  it('creates the warehouse, its WAL, the audit key and head, secrets, exports and rejects as 0600', async () => {
    const dataDir = join(dir, 'data');
    const engine = await openWarehouse({ dataDir });
    try {
      await loadFixture(engine);
      await refreshFeatures(engine, { asOf: AS_OF });
      await createSegment(engine, {
        segmentId: 'all',
        name: '전체',
        definition: { version: 1, root: { kind: 'orders', measure: 'count', op: 'gte', value: 0 } },
        now: AS_OF,
      });
      await refreshSegments(engine, { asOf: AS_OF });
      await appendAccessLog(engine, {
        actor: 'tester',
        action: 'customer.unmask',
        subject: 'c1',
        reason: '배송 확인',
        origin: null,
        at: AS_OF,
      });
      await loadCouponSecret(dataDir, {});
      await loadSiteKeys(dataDir);
      const base = { segmentId: 'all', actor: 'tester', now: AS_OF, unmask: true, reason: '배송 확인' } as const;
      await exportSegment(engine, { ...base, format: 'csv', out: join(dataDir, 'full.csv') });
      await exportSegment(engine, { ...base, format: 'xlsx', out: join(dataDir, 'full.xlsx') });
      await exportSegment(engine, { ...base, format: 'kakao-friends', out: join(dataDir, 'friends.csv') });
      writeRejects(join(dataDir, 'rejects.csv'), ['phone'], [{ line: 2, cells: ['01012345678'], reasons: ['bad'] }]);
      expect(existsSync(join(dataDir, 'dalbit.duckdb.wal'))).toBe(true); // written before any checkpoint
      const files = modes(dataDir);
      for (const f of [
        'dalbit.duckdb',
        'dalbit.duckdb.wal',
        'audit.key',
        'audit-head.json',
        'coupon-secret',
        'site-keys.json',
        'full.csv',
        'full.xlsx',
        'friends.csv',
        'rejects.csv',
      ])
        expect([f, files[f]]).toEqual([f, '600']);
      expect(Object.entries(files).filter(([, m]) => m !== '600')).toEqual([]);
      expect(modeOf(dataDir).toString(8)).toBe('700');
    } finally {
      await engine.close();
    }
  });

  it('tightens a warehouse that an older version left readable by everyone', async () => {
    const dataDir = join(dir, 'old');
    const first = await openWarehouse({ dataDir });
    await first.close();
    chmodSync(join(dataDir, 'dalbit.duckdb'), 0o644);
    const again = await openWarehouse({ dataDir });
    try {
      expect(modeOf(join(dataDir, 'dalbit.duckdb')).toString(8)).toBe('600');
    } finally {
      await again.close();
    }
  });
});
