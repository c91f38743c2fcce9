import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWarehouse } from '../../../src/engines/open-engine.ts';
import { createSegment } from '../../../src/segments/segment-store.ts';
import { runCli } from '../../support/run-cli.ts';
import { insertReportFixture } from './report-fixture.ts';

describe('dalbit report', () => {
  it('reports a stored segment, side by side with the base, a cluster, in Korean, English and JSON', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dalbit-report-'));
    const engine = await openWarehouse({ dataDir });
    await insertReportFixture(engine);
    // spend ≥ 50,000 KRW: p1 (57,000) and p2 (55,000)
    const seg = await createSegment(engine, {
      name: '우수 고객',
      definition: { version: 1, root: { kind: 'orders', measure: 'sum', op: 'gte', value: 50000 } },
      now: new Date('2024-05-01T00:00:00Z'),
    });
    await engine.close();

    const json = await runCli([
      '--data-dir',
      dataDir,
      'report',
      'segment',
      seg.segmentId,
      '--vs',
      'base',
      '--as-of',
      '2024-06-01',
      '--json',
    ]);
    expect(json.stderr).toBe('');
    const { reports } = JSON.parse(json.stdout);
    expect(reports).toHaveLength(2);
    // p1 + p2: 5 orders, 112,000 KRW; sms reachable p2 only, kakao p1 only
    expect(reports[0]).toMatchObject({ name: '우수 고객', size: 2, buyers: 2, orders: 5, revenue: 112000, aov: 22400 });
    expect(reports[0].reach.map((r: { reachable: number }) => r.reachable)).toEqual([1, 1, 0, 0]);
    expect(reports[1]).toMatchObject({ name: '전체 고객', size: 6, revenue: 162000 });
    expect(reports[0].insights[0]).toContain('광고는');

    const ko = await runCli([
      '--data-dir',
      dataDir,
      'report',
      'segment',
      seg.segmentId,
      '--vs',
      'base',
      '--as-of',
      '2024-06-01',
    ]);
    expect(ko.stdout).toContain('고객 리포트');
    expect(ko.stdout).toContain('\t우수 고객\t전체 고객');
    expect(ko.stdout).toContain('매출\t112,000원 (69.1%)\t162,000원 (100.0%)');
    expect(ko.stdout).toContain('바로 할 수 있는 일');
    const en = await runCli(['--data-dir', dataDir, 'report', 'base', '--as-of', '2024-06-01'], { DALBIT_LANG: 'en' });
    expect(en.stdout).toContain('audience report');
    expect(en.stdout).toContain('revenue\t162,000 KRW (100.0%)');

    const run = JSON.parse(
      (await runCli(['--data-dir', dataDir, 'clusters', '--k', '2', '--as-of', '2024-06-01', '--json'])).stdout,
    );
    const cl = await runCli([
      '--data-dir',
      dataDir,
      'report',
      'segment',
      `cluster:${run.runId}:1`,
      '--as-of',
      '2024-06-01',
      '--json',
    ]);
    expect(cl.stderr).toBe('');
    expect(JSON.parse(cl.stdout).reports[0].size).toBe(run.clusters[0].size);

    const missing = await runCli(['--data-dir', dataDir, 'report', 'segment', 'nope']);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toContain('오류: 세그먼트를 찾을 수 없습니다: nope');
    const missingEn = await runCli(['--lang', 'en', '--data-dir', dataDir, 'report', 'segment', 'nope']);
    expect(missingEn.code).toBe(66);
    expect(missingEn.stderr).toContain("error: segment 'nope' not found");
  });
});
