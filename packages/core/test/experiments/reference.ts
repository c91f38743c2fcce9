// Loads the committed R outputs (scripts/r/reference.R) and the fixture CSV they were computed on.
// Tolerance for every comparison with R: 1e-6 relative (absolute 1e-15 for values that are 0).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExperimentRow } from '@dalbit/core/experiments/experiment-row';
import { expect } from 'vitest';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const REL_TOL = 1e-6;

// biome-ignore lint/suspicious/noExplicitAny: JSON written by R; the shape is checked by the tests using it
export const R: any = JSON.parse(readFileSync(join(FIXTURES, 'r-reference.json'), 'utf8'));

/** Asserts |actual − expected| ≤ 1e-6·|expected| (or ≤ 1e-15 when expected is 0). */
export function expectClose(actual: number | undefined, expected: number, rel = REL_TOL): void {
  expect(actual, `expected ${expected}`).toBeTypeOf('number');
  const a = actual ?? Number.NaN;
  const ok = Math.abs(a - expected) <= Math.max(rel * Math.abs(expected), 1e-15);
  expect(ok, `${a} vs R ${expected} (rel err ${Math.abs(a - expected) / Math.abs(expected)})`).toBe(true);
}

/** The A/B fixture rows (arm,converted,revenue,pre_revenue,segment); simple CSV without quotes. */
export function loadAbRows(): ExperimentRow[] {
  const [, ...lines] = readFileSync(join(FIXTURES, 'ab-test.csv'), 'utf8').trim().split('\n');
  return lines.map((line) => {
    const [arm = '', converted, revenue, pre, segment = ''] = line.split(',');
    return { arm, converted: converted === '1', revenue: Number(revenue), preRevenue: Number(pre), segment };
  });
}
