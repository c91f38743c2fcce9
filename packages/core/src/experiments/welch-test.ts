import { studentTQuantile, studentTSurvival } from '../math/stats/student-t.ts';
import type { Interval } from './interval.ts';

export interface SampleMoments {
  readonly n: number;
  readonly mean: number;
  /** Unbiased sample variance. */
  readonly variance: number;
}

export interface WelchResult {
  /** meanT − meanC with the Welch interval. */
  readonly difference: Interval;
  readonly t: number;
  /** Welch–Satterthwaite degrees of freedom. */
  readonly df: number;
  readonly pValue: number;
  readonly standardError: number;
}

/**
 * Welch's unequal-variance t-test, treatment vs control; equals R `t.test(treatment, control)`
 * (its default). Returns undefined when it is not defined: fewer than 2 rows in an arm, or no
 * variance in either arm (R stops with "data are essentially constant").
 */
export function testWelch(input: {
  treatment: SampleMoments;
  control: SampleMoments;
  level?: number;
}): WelchResult | undefined {
  const level = input.level ?? 0.95;
  const { treatment: t, control: c } = input;
  if (t.n < 2 || c.n < 2) return undefined;
  const vT = t.variance / t.n;
  const vC = c.variance / c.n;
  const se2 = vT + vC;
  if (!(se2 > 0)) return undefined;
  const standardError = Math.sqrt(se2);
  const df = (se2 * se2) / ((vT * vT) / (t.n - 1) + (vC * vC) / (c.n - 1));
  const estimate = t.mean - c.mean;
  const stat = estimate / standardError;
  const pValue = 2 * studentTSurvival(Math.abs(stat), df);
  const q = studentTQuantile((1 + level) / 2, df);
  return {
    difference: { estimate, lower: estimate - q * standardError, upper: estimate + q * standardError, level },
    t: stat,
    df,
    pValue,
    standardError,
  };
}
