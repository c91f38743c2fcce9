import { normalQuantile } from '../math/stats/normal.ts';
import type { Interval } from './interval.ts';

/**
 * Relative lift meanT / meanC − 1 with a delta-method interval on the log ratio:
 * Var(log m̂) ≈ Var(m̂) / m², so log(mT/mC) ± z·√(Var(m̂T)/mT² + Var(m̂C)/mC²), then exp(·) − 1.
 * For proportions Var(p̂)/p² = (1 − p)/x, which is Katz et al. (1978)'s risk-ratio interval.
 * The interval is asymmetric and never below −100 %. Undefined when either mean is not positive.
 */
export function estimateRelativeLift(input: {
  treatmentMean: number;
  treatmentVarianceOfMean: number;
  controlMean: number;
  controlVarianceOfMean: number;
  level?: number;
}): Interval | undefined {
  const level = input.level ?? 0.95;
  const { treatmentMean: mT, controlMean: mC } = input;
  if (!(mT > 0 && mC > 0)) return undefined;
  const logRatio = Math.log(mT / mC);
  const se = Math.sqrt(input.treatmentVarianceOfMean / (mT * mT) + input.controlVarianceOfMean / (mC * mC));
  const z = normalQuantile((1 + level) / 2);
  return {
    estimate: mT / mC - 1,
    lower: Math.exp(logRatio - z * se) - 1,
    upper: Math.exp(logRatio + z * se) - 1,
    level,
  };
}
