import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWarehouse } from '../../../src/engines/open-engine.ts';
import { runCli } from '../../support/run-cli.ts';
import { CLUSTER_AS_OF, insertClusterFixture } from './clusters-fixture.ts';

describe('dalbit clusters', () => {
  it('runs (default subcommand), is reproducible for a seed, and saves a cluster as a segment', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dalbit-clusters-'));
    const engine = await openWarehouse({ dataDir });
    await insertClusterFixture(engine);
    await engine.close();

    const a = await runCli(['--data-dir', dataDir, 'clusters', '--as-of', CLUSTER_AS_OF, '--seed', '7', '--json']);
    expect(a.stderr).toBe('');
    const ra = JSON.parse(a.stdout);
    const rb = JSON.parse(
      (await runCli(['--data-dir', dataDir, 'clusters', 'run', '--as-of', CLUSTER_AS_OF, '--seed', '7', '--json']))
        .stdout,
    );
    expect(ra.k).toBe(3);
    expect(ra.customers).toBe(120);
    expect(rb.clusters).toEqual(ra.clusters);
    expect(rb.runId).not.toBe(ra.runId);

    const k4 = JSON.parse(
      (await runCli(['--data-dir', dataDir, 'clusters', '--as-of', CLUSTER_AS_OF, '--k', '4', '--json'])).stdout,
    );
    expect(k4).toMatchObject({ k: 4, criterion: 'fixed' });

    const ko = await runCli(['--data-dir', dataDir, 'clusters', '--as-of', CLUSTER_AS_OF]);
    expect(ko.stdout).toMatch(/#1 .+ 고객\n {2}고객 40명 \(33\.3%\)/);
    expect(ko.stdout).toContain('할인에 민감한');
    const en = await runCli(['--data-dir', dataDir, 'clusters', '--as-of', CLUSTER_AS_OF], { DALBIT_LANG: 'en' });
    expect(en.stdout).toContain('discount-sensitive');

    const saved = await runCli([
      '--data-dir',
      dataDir,
      'clusters',
      'save',
      ra.runId,
      '2',
      '--name',
      '테스트 클러스터',
      '--json',
    ]);
    expect(saved.stderr).toBe('');
    expect(JSON.parse(saved.stdout)).toMatchObject({
      name: '테스트 클러스터',
      members: 40,
      membershipKey: `cluster:${ra.runId}:2`,
    });

    const missing = await runCli(['--data-dir', dataDir, 'clusters', 'save', 'nope', '1']);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toContain('군집 실행을 찾을 수 없습니다');
    const badK = await runCli(['--data-dir', dataDir, 'clusters', '--k', '1']);
    expect(badK.code).toBe(64);
    expect(badK.stderr).toContain('--k');
  });
});
