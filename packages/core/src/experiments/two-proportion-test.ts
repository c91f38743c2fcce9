import { normalQuantile, normalSurvival } from '../math/stats/normal.ts';
import type { Interval } from './interval.ts';

export interface ProportionCounts {
  readonly conversions: number;
  readonly n: number;
}

export interface TwoProportionResult {
  /** pT − pC with the Wald (unpooled) interval, clipped to [−1, 1]. */
  readonly difference: Interval;
  /** z with the pooled standard error; z² is Pearson's chi-square. */
  readonly z: number;
  readonly pValue: number;
}

/**
 * Two-proportion z-test without continuity correction, treatment vs control. The two-sided
 * p-value and the interval equal R `prop.test(c(xT, xC), c(nT, nC), correct = FALSE)`.
 * Undefined (NaN) when both arms are all-converted or all-unconverted.
 */
export function testTwoProportions(input: {
  treatment: ProportionCounts;
  control: ProportionCounts;
  level?: number;
}): TwoProportionResult {
  const level = input.level ?? 0.95;
  const { treatment: t, control: c } = input;
  const pT = t.conversions / t.n;
  const pC = c.conversions / c.n;
  const pooled = (t.conversions + c.conversions) / (t.n + c.n);
  const sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / t.n + 1 / c.n));
  const z = (pT - pC) / sePooled;
  const pValue = 2 * normalSurvival(Math.abs(z));
  const width = normalQuantile((1 + level) / 2) * Math.sqrt((pT * (1 - pT)) / t.n + (pC * (1 - pC)) / c.n);
  const estimate = pT - pC;
  return {
    difference: { estimate, lower: Math.max(estimate - width, -1), upper: Math.min(estimate + width, 1), level },
    z,
    pValue,
  };
}
