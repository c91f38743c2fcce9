import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../support/run-cli.ts';

// End to end through the real CLI entry (commander, file reading, parsing, analysis, rendering),
// compared with the committed R outputs (scripts/r/reference.R → r-reference.json) for the same
// fixture file; tolerance 1e-6 relative.
const FIXTURES = join(import.meta.dirname, '../../../core/test/experiments/fixtures');
const INPUT = join(FIXTURES, 'ab-test.csv');
// biome-ignore lint/suspicious/noExplicitAny: JSON written by R
const REF: any = JSON.parse(readFileSync(join(FIXTURES, 'r-reference.json'), 'utf8'));
const R = REF.ab_test;

const run = (argv: string[], env: Record<string, string> = {}) =>
  runCli(argv, { DALBIT_DATA_DIR: mkdtempSync(join(tmpdir(), 'dalbit-exp-')), ...env });

function close(actual: number, expected: number): void {
  expect(Math.abs(actual - expected), `${actual} vs R ${expected}`).toBeLessThanOrEqual(1e-6 * Math.abs(expected));
}

afterEach(() => vi.restoreAllMocks());

describe('dalbit experiment analyze', () => {
  it('--json matches R for every statistic', async () => {
    const r = await run([
      'experiment',
      'analyze',
      '--input',
      INPUT,
      '--control',
      'control',
      '--weights',
      'control=0.1,A=0.45,B=0.45',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.rows).toBe(6000);
    expect(a.arms.map((x: { arm: string; n: number }) => [x.arm, x.n])).toEqual(
      R.arms.map((x: { arm: string; n: number }) => [x.arm, x.n]),
    );
    for (const e of R.comparisons) {
      const c = a.comparisons.find((x: { arm: string }) => x.arm === e.arm);
      close(c.conversion.absoluteLift.lower, e.conversion.lower);
      close(c.conversion.absoluteLift.upper, e.conversion.upper);
      close(c.conversion.pValue, e.conversion.p_value);
      close(c.conversion.probabilityToBeatControl, e.conversion.probability_to_beat);
      close(c.revenue.welch.pValue, e.revenue.p_value);
      close(c.revenue.absoluteLift.lower, e.revenue.lower);
      close(c.cuped.absoluteLift.estimate, e.cuped.estimate);
      close(c.cuped.absoluteLift.upper, e.cuped.upper);
    }
    close(a.sampleRatio.pValue, R.srm.p_value);
    expect(a.sampleRatio.mismatch).toBe(false);
  });

  it('prints a Korean table by default and English with DALBIT_LANG=en', async () => {
    const ko = await run([
      'experiment',
      'analyze',
      '--input',
      INPUT,
      '--control',
      'control',
      '--weights',
      'control=0.1,A=0.45,B=0.45',
    ]);
    expect(ko.code).toBe(0);
    expect(ko.stdout).toContain('실험 분석 — 대조군: control');
    expect(ko.stdout).toContain('전환율 (z-검정)');
    const pB = R.comparisons.find((c: { arm: string }) => c.arm === 'B').conversion.p_value as number;
    expect(ko.stdout).toContain(pB.toFixed(4));
    expect(ko.stdout).toMatch(/표본 비율\(SRM\) 검사: .* → 정상/);
    const en = await run(['experiment', 'analyze', '--input', INPUT, '--control', 'control'], { DALBIT_LANG: 'en' });
    expect(en.stdout).toContain('Against control');
    expect(en.stdout).toContain('skipped (no --weights)');
  });

  it('flags a sample-ratio mismatch when the planned split was different', async () => {
    const r = await run([
      'experiment',
      'analyze',
      '--input',
      INPUT,
      '--control',
      'control',
      '--weights',
      'control=0.2,A=0.4,B=0.4',
      '--json',
    ]);
    expect(JSON.parse(r.stdout).sampleRatio.mismatch).toBe(true);
  });

  it('rejects bad rows with line and column, and analyses nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dalbit-exp-')), 'bad.csv');
    writeFileSync(file, 'arm,converted,revenue\ncontrol,1,5000\nA,maybe,100\nA,1,-3\n');
    const r = await run(['experiment', 'analyze', '--input', file, '--control', 'control'], { DALBIT_LANG: 'en' });
    expect(r.code).toBe(65);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('line 3, converted: must be 0/1 (or true/false) ("maybe")');
    expect(r.stderr).toContain('line 4, revenue: must be a non-negative whole KRW amount ("-3")');
    expect(r.stderr).toContain('2 bad row(s); nothing was analysed');
  });

  it('reports undefined statistics as null instead of failing on degenerate data', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dalbit-exp-')), 'tiny.csv');
    writeFileSync(file, 'arm,converted,revenue\ncontrol,0,0\ncontrol,0,0\nA,0,0\nA,0,0\n');
    const r = await run(['experiment', 'analyze', '--input', file, '--control', 'control', '--json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.arms[0].aov).toBeNull();
    expect(a.comparisons[0].conversion.pValue).toBeNull();
    expect(a.comparisons[0].revenue).toBeNull();
    expect(a.comparisons[0].conversion.probabilityToBeatControl).toBeCloseTo(0.5, 12);
  });

  it('explains usage errors', async () => {
    const noControl = await run(['experiment', 'analyze', '--input', INPUT, '--control', 'holdout']);
    expect(noControl.code).toBe(64);
    expect(noControl.stderr).toContain('대조군 "holdout"');
    const badWeights = await run(
      ['experiment', 'analyze', '--input', INPUT, '--control', 'control', '--weights', 'control=0.1,A'],
      { DALBIT_LANG: 'en' },
    );
    expect(badWeights.stderr).toContain('bad --weights part: "A"');
    const missingArm = await run(
      ['experiment', 'analyze', '--input', INPUT, '--control', 'control', '--weights', 'control=0.5,A=0.5'],
      { DALBIT_LANG: 'en' },
    );
    expect(missingArm.stderr).toContain('arms in the file but not in --weights: B');
    const noFile = await run(['experiment', 'analyze', '--input', '/nonexistent/x.csv', '--control', 'control']);
    expect(noFile.code).toBe(66);
  });
});

describe('dalbit experiment size', () => {
  it('sample size and MDE match R power.prop.test / power.t.test', async () => {
    const prop = REF.power_prop.sample_size[0]; // p1 0.05 → p2 0.06, power 0.8, α 0.05
    const a = JSON.parse((await run(['experiment', 'size', '--rate', '0.05', '--lift', '0.2', '--json'])).stdout);
    expect([prop.p1, prop.p2, prop.power, prop.alpha]).toEqual([0.05, 0.06, 0.8, 0.05]);
    expect(a.nPerArm).toBe(Math.ceil(prop.n));
    const mde = REF.power_prop.mde[0]; // n 5000, p1 0.05
    const b = JSON.parse((await run(['experiment', 'size', '--rate', '0.05', '--n', '5000', '--json'])).stdout);
    close(b.baseline + b.absoluteLift, mde.p2);
    const means = REF.power_t.sample_size[0]; // δ 1000, sd 15000
    const c = JSON.parse(
      (await run(['experiment', 'size', '--mean', '10000', '--sd', '15000', '--lift', '0.1', '--json'])).stdout,
    );
    expect(c.nPerArm).toBe(Math.ceil(means.n));
    const ko = await run(['experiment', 'size', '--rate', '0.05', '--lift', '0.2']);
    expect(ko.stdout).toContain(`그룹당 ${Math.ceil(prop.n).toLocaleString('en-US')}명 필요`);
  });

  it('rejects contradictory options', async () => {
    const r = await run(['experiment', 'size', '--rate', '0.05', '--mean', '3000', '--lift', '0.1']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('잘못된 옵션: --rate 와 --mean 중 하나만 지정하세요');
    const en = await run(['--lang', 'en', 'experiment', 'size', '--rate', '0.05', '--mean', '3000', '--lift', '0.1']);
    expect(en.code).toBe(64);
    expect(en.stderr).toContain('invalid options: give exactly one of --rate or --mean');
    const range = await run(['experiment', 'size', '--rate', '2', '--lift', '0.1']);
    expect(range.code).toBe(64);
    expect(range.stderr).toContain('잘못된 옵션: --rate:');
  });
});
