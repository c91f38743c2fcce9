// `dalbit migrate --to clickhouse`: the demo brand built on DuckDB, copied into chDB, gives the same
// figures there; a re-run copies nothing twice, an interrupted copy is redone, and rows the command
// did not write are refused in Korean before anything changes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChdbEngine } from '../../src/engines/clickhouse/chdb-engine.ts';
import { runCli } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'dalbit-migrate-'));
const duck = { DALBIT_LANG: 'ko', DALBIT_ENGINE: 'duckdb' };
const ch = { DALBIT_LANG: 'ko', DALBIT_ENGINE: 'chdb' };
const cli = (argv: string[], env: Record<string, string>) => runCli(['--data-dir', dir, ...argv], env);

/** What a person sees of the brand: stats, a campaign report, segment sizes by name. */
async function figures(env: Record<string, string>) {
  const stats = await cli(['stats', '--json'], env);
  expect(stats.code, stats.stderr).toBe(0);
  const report = await cli(['campaign', 'report', 'vip-winter-sale', '--json'], env);
  expect(report.code, report.stderr).toBe(0);
  const segments = await cli(['segment', 'list', '--json'], env);
  expect(segments.code, segments.stderr).toBe(0);
  const list = (JSON.parse(segments.stdout) as { segmentId: string }[]).sort((a, b) =>
    a.segmentId.localeCompare(b.segmentId),
  );
  return { stats: JSON.parse(stats.stdout) as unknown, report: JSON.parse(report.stdout) as unknown, segments: list };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dalbit migrate --to clickhouse (DuckDB demo → chDB)', () => {
  let before: Awaited<ReturnType<typeof figures>>;
  beforeAll(async () => {
    const demo = await cli(
      ['demo', '--customers', '120', '--seed', '11', '--events-per-customer', '2', '--json'],
      duck,
    );
    expect(demo.code, demo.stderr).toBe(0);
    before = await figures(duck);
  }, 600_000);

  it('copies every table, verifies counts and checksums, and the figures are the same on chDB', async () => {
    const r = await cli(['migrate', '--to', 'clickhouse'], duck);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^DuckDB 웨어하우스 .*dalbit\.duckdb를 chDB .*chdb\(으\)로 옮깁니다: 테이블 \d+개/);
    expect(r.stdout).toMatch(/\] customers: 120행 복사, 확인 완료 \(체크섬 [0-9a-f]{16}\)/);
    expect(r.stdout).toMatch(
      /완료: 테이블 \d+개, [\d,]+행을 옮기고 행 수와 체크섬을 모두 확인했습니다\. 이제 DALBIT_ENGINE=chdb로 실행하세요\./,
    );
    const after = await figures(ch);
    expect((before.stats as { customers: number }).customers).toBeGreaterThan(100);
    expect(before.segments.length).toBeGreaterThan(5);
    expect(after).toEqual(before);
  }, 600_000);

  it('is idempotent: a re-run skips every table and duplicates nothing', async () => {
    const r = await cli(['migrate', '--to', 'clickhouse'], duck);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('행 복사');
    expect(r.stdout).toMatch(/customers: 이미 같은 데이터가 있어 건너뜁니다 \(120행/);
    expect(await figures(ch)).toEqual(before);
  }, 600_000);

  it('redoes a table whose copy was interrupted', async () => {
    const target = await ChdbEngine.open(join(dir, 'chdb'));
    try {
      await target.exec('TRUNCATE TABLE orders');
      await target.insert(
        'migrate_ledger',
        ['table_name', 'status', 'source_rows', 'source_checksum', 'at'],
        [['orders', 'copying', 0, '', new Date()]],
      );
      await target.insert(
        'orders',
        ['order_id', 'channel', 'ordered_at', 'status', 'gross_amount', 'discount_amount', 'paid_amount', 'source'],
        [['half-copied', 'cafe24', new Date(), 'paid', 1, 0, 1, 'demo']],
      );
    } finally {
      await target.close();
    }
    const r = await cli(['migrate', '--to', 'clickhouse'], duck);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\] orders: \d+행 복사, 확인 완료/);
    expect(r.stdout).toMatch(/customers: 이미 같은 데이터가 있어 건너뜁니다/);
    expect(await figures(ch)).toEqual(before);
  }, 600_000);

  it('refuses, in Korean and before writing, a table holding rows it did not copy', async () => {
    const target = await ChdbEngine.open(join(dir, 'chdb'));
    try {
      await target.insert('products', ['product_id', 'name'], [['written-on-clickhouse', '새 상품']]);
    } finally {
      await target.close();
    }
    const r = await cli(['migrate', '--to', 'clickhouse'], duck);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/products 테이블이 원본과 다릅니다: 원본 \d+행\(체크섬 [0-9a-f]+\), 대상 \d+행/);
    const check = await ChdbEngine.open(join(dir, 'chdb'));
    try {
      expect(await check.query("SELECT count() AS n FROM products WHERE product_id = 'written-on-clickhouse'")).toEqual(
        [{ n: 1 }],
      );
    } finally {
      await check.close();
    }
  }, 600_000);

  it('says what is wrong with a bad target or a missing warehouse', async () => {
    const bad = await cli(['migrate', '--to', 'postgres'], duck);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--to에는 clickhouse만 쓸 수 있습니다 (받은 값: postgres)');
    const empty = mkdtempSync(join(tmpdir(), 'dalbit-migrate-none-'));
    try {
      const none = await runCli(['--data-dir', empty, 'migrate', '--to', 'clickhouse'], duck);
      expect(none.code).toBe(66);
      expect(none.stderr).toContain('DuckDB 웨어하우스가 없습니다');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
