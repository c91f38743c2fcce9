import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRecipe } from '@dalbit/core/segments/recipes/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAudience } from '../../../src/campaigns/resolve-audience.ts';
import { openWarehouse } from '../../../src/engines/open-engine.ts';
import { countSegment } from '../../../src/segments/count-segment.ts';
import { runCli } from '../../support/run-cli.ts';

// The demo's data ends 2026-11-15 (a session may run past midnight into 11-16); it is imported now.
let dir = '';
let kakaoSignups = 0;
const run = (args: string[]) => runCli(['--data-dir', dir, ...args], { DALBIT_LANG: 'ko' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dalbit-asof-'));
  const r = await run(['demo', '--customers', '1500', '--events-per-customer', '1', '--json']);
  expect(r.code, r.stderr).toBe(0);
  kakaoSignups = (JSON.parse(r.stdout) as { expected: { people: { kakaoSignups: number } } }).expected.people
    .kakaoSignups;
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('one as-of rule: commands default to the end of the data when it is before today', () => {
  it('clv fit on defaults uses the day after the data ends, says so, and fits a non-degenerate model', async () => {
    const r = await run(['clv', 'fit', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/데이터가 2026-11-1[56]에 끝나/);
    const body = JSON.parse(r.stdout) as {
      asOf: string;
      bgnbd: { params: Record<string, number>; converged: boolean };
    };
    expect(['2026-11-16', '2026-11-17']).toContain(body.asOf);
    const { r: shape, alpha, a, b } = body.bgnbd.params as { r: number; alpha: number; a: number; b: number };
    expect(body.bgnbd.converged).toBe(true);
    // Same order of magnitude as published fits (CDNOW: r 0.24, α 4.4, a 0.79, b 2.4), not a = 6e7.
    for (const v of [shape, alpha, a, b]) expect(v).toBeGreaterThan(0);
    expect(a + b).toBeLessThan(1e3);
    expect(shape).toBeLessThan(10);
  }, 120_000);

  it('an as-of months after the data cuts the window back to the last order and says why', async () => {
    const r = await run(['clv', 'fit', '--as-of', '2027-03-01', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('관찰 기간을 마지막 주문일까지로 줄였습니다');
    const body = JSON.parse(r.stdout) as {
      asOf: string;
      calibrationEnd: string;
      bgnbd: { params: Record<string, number> };
    };
    expect(body.asOf).toBe('2027-03-01');
    expect(body.calibrationEnd).toBe('2026-11-15');
    expect((body.bgnbd.params.a ?? 0) + (body.bgnbd.params.b ?? 0)).toBeLessThan(1e3);
  }, 120_000);

  it('an explicit --as-of wins and prints no notice', async () => {
    const r = await run(['rfm', '--as-of', '2026-10-01', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('데이터가');
    expect((JSON.parse(r.stdout) as { asOf: string }).asOf).toBe('2026-10-01');
  }, 120_000);

  it('"every customer" as of a day before the import day holds the customers the data knew then', async () => {
    const engine = await openWarehouse({ dataDir: dir });
    try {
      const before = await resolveAudience(engine, { kind: 'all' }, new Date('2026-11-01T00:00:00+09:00'));
      const early = await resolveAudience(engine, { kind: 'all' }, new Date('2025-01-01T00:00:00+09:00'));
      const total = await engine.query<{ n: number }>('SELECT count(*) AS n FROM customers');
      expect(before.length).toBeGreaterThan(1000);
      expect(before.length).toBeLessThanOrEqual(Number(total[0]?.n));
      expect(early.length).toBeGreaterThan(0);
      expect(early.length).toBeLessThan(before.length);
    } finally {
      await engine.close();
    }
  }, 60_000);
});

describe('Kakao sign-ups are members of channel kakao', () => {
  it('every Kakao sign-up of the list is a kakao member, and Kakao-or-shop recipes count them', async () => {
    const engine = await openWarehouse({ dataDir: dir });
    try {
      const [k] = await engine.query<{ n: number }>(
        "SELECT count(DISTINCT customer_id) AS n FROM customer_channels WHERE channel = 'kakao'",
      );
      expect(kakaoSignups).toBeGreaterThan(50);
      expect(Number(k?.n)).toBe(kakaoSignups);
      const asOf = new Date('2026-11-16T00:00:00+09:00');
      const count = async (recipe: string, params: Record<string, string>) => {
        const built = buildRecipe(recipe, params);
        if (!built.ok) throw new Error(JSON.stringify(built.issues));
        const r = await countSegment(engine, built.definition, { asOf });
        if (!r.ok) throw new Error(JSON.stringify(r.issues));
        return r.count;
      };
      // Birthday from the Kakao or shop sign-up: more people than from the shop alone.
      expect(await count('birthday-soon', { days: '30' })).toBeGreaterThan(
        await count('birthday-soon', { days: '30', channels: 'cafe24' }),
      );
      // Warranty holders who joined through Kakao are members: "not a member" excludes them.
      const notMember = await count('warranty-not-member', { days: '400' });
      const notShopMember = await count('warranty-not-member', { days: '400', channels: 'own,cafe24' });
      expect(notMember).toBeLessThanOrEqual(notShopMember);
    } finally {
      await engine.close();
    }
  }, 60_000);
});

describe('UTM inflow is segmentable', () => {
  it('a utm_source property filter counts the customers whose events carry that source', async () => {
    const engine = await openWarehouse({ dataDir: dir });
    try {
      const [top] = await engine.query<{ s: string; n: number }>(
        `SELECT utm_source AS s, count(DISTINCT customer_id) AS n FROM events
         WHERE utm_source IS NOT NULL AND customer_id IS NOT NULL AND type = 'page_view'
         GROUP BY utm_source ORDER BY n DESC, s LIMIT 1`,
      );
      expect(Number(top?.n)).toBeGreaterThan(0);
      const asOf = new Date('2026-11-17T00:00:00+09:00');
      const r = await countSegment(
        engine,
        {
          version: 1,
          root: { kind: 'events', type: 'page_view', properties: [{ key: 'utm_source', op: 'eq', value: top?.s }] },
        },
        { asOf },
      );
      expect(r.ok ? r.count : r.issues).toBe(Number(top?.n));
    } finally {
      await engine.close();
    }
  }, 60_000);
});
