import { computeCovariance, computeMoments } from './moments.ts';

/**
 * CUPED (Deng, Xu, Kohavi & Walker, "Improving the Sensitivity of Online Controlled Experiments by
 * Utilizing Pre-Experiment Data", WSDM 2013): Y_adj = Y − θ (X − X̄) with
 * θ = cov(Y, X) / var(X) pooled over every row of every arm (X is pre-period, so independent of
 * the assignment and the adjustment adds no bias). θ equals the OLS slope of Y on X.
 */
export interface CupedAdjustment {
  readonly theta: number;
  readonly preMean: number;
  /** Adjusted outcome per row, in input order. */
  readonly adjusted: Float64Array;
  /** 1 − var(Y_adj)/var(Y) = squared correlation of Y and X. */
  readonly varianceReduction: number;
}

export function adjustCuped(input: { outcome: ArrayLike<number>; pre: ArrayLike<number> }): CupedAdjustment {
  const { outcome, pre } = input;
  const preMoments = computeMoments(pre);
  const theta = preMoments.variance > 0 ? computeCovariance(outcome, pre) / preMoments.variance : 0;
  const adjusted = new Float64Array(outcome.length);
  for (let i = 0; i < outcome.length; i++) adjusted[i] = (outcome[i] ?? 0) - theta * ((pre[i] ?? 0) - preMoments.mean);
  const before = computeMoments(outcome).variance;
  const after = computeMoments(adjusted).variance;
  return { theta, preMean: preMoments.mean, adjusted, varianceReduction: before > 0 ? 1 - after / before : 0 };
}
