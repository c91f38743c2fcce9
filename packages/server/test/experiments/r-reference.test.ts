import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// CI has no R, so every statistics test reads the committed r-reference.json. Where R is installed
// (apt-get install r-base-core), this re-runs scripts/r/reference.R and checks the committed file
// is what R actually produces today.
const ROOT = join(import.meta.dirname, '../../../..');
const COMMITTED = join(ROOT, 'packages/core/test/experiments/fixtures/r-reference.json');
const hasR = spawnSync('Rscript', ['--version']).status === 0;

function compareJson(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), path).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(expected), 1e-300));
  } else if (expected !== null && typeof expected === 'object') {
    expect(typeof actual, path).toBe('object');
    for (const [k, v] of Object.entries(expected))
      compareJson((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else if (path !== '$.r_version') expect(actual, path).toEqual(expected);
}

describe.skipIf(!hasR)('R reference outputs', () => {
  it('the committed ab-test.csv is reproduced by scripts/r/generate-fixtures.R', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalbit-r-'));
    execFileSync('Rscript', ['scripts/r/generate-fixtures.R', dir], { cwd: ROOT, stdio: 'pipe' });
    expect(readFileSync(join(dir, 'ab-test.csv'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'packages/core/test/experiments/fixtures/ab-test.csv'), 'utf8'),
    );
  });

  it('the committed r-reference.json is reproduced by scripts/r/reference.R', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dalbit-r-')), 'r-reference.json');
    execFileSync('Rscript', ['scripts/r/reference.R', out], { cwd: ROOT, stdio: 'pipe' });
    compareJson(JSON.parse(readFileSync(out, 'utf8')), JSON.parse(readFileSync(COMMITTED, 'utf8')), '$');
  });
});
