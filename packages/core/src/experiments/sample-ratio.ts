import { chiSquareSurvival } from '../math/stats/chi-square.ts';
import type { ArmWeight } from './assign-arm.ts';

export interface SampleRatioCheck {
  readonly chiSquare: number;
  readonly df: number;
  readonly pValue: number;
  /** True when pValue < alpha: the split is broken (bad hashing, lost logs, bot filtering…). */
  readonly mismatch: boolean;
  readonly alpha: number;
  readonly arms: readonly { readonly name: string; readonly observed: number; readonly expected: number }[];
}

/**
 * Sample-ratio-mismatch check: Pearson chi-square goodness of fit of the observed arm sizes to the
 * planned weights (same statistic as R `chisq.test(observed, p = weights)`), flagged at p < 0.001
 * by default. Arms missing from `observed` count as 0.
 */
export function checkSampleRatio(input: {
  observed: Readonly<Record<string, number>>;
  weights: readonly ArmWeight[];
  alpha?: number;
}): SampleRatioCheck {
  const alpha = input.alpha ?? 0.001;
  const total = input.weights.reduce((s, w) => s + w.weight, 0);
  const n = input.weights.reduce((s, w) => s + (input.observed[w.name] ?? 0), 0);
  const arms = input.weights.map((w) => ({
    name: w.name,
    observed: input.observed[w.name] ?? 0,
    expected: (n * w.weight) / total,
  }));
  const chiSquare = arms.reduce((s, a) => s + (a.observed - a.expected) ** 2 / a.expected, 0);
  const df = arms.length - 1;
  const pValue = chiSquareSurvival(chiSquare, df);
  return { chiSquare, df, pValue, mismatch: pValue < alpha, alpha, arms };
}
