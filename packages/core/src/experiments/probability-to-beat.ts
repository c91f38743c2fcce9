import { lbeta } from '../math/special/log-gamma.ts';
import type { ProportionCounts } from './two-proportion-test.ts';

/**
 * Bayesian probability that the treatment's conversion rate exceeds the control's,
 * P(pT > pC), with independent Beta(1, 1) priors, so posteriors Beta(1 + x, 1 + n − x).
 * Exact closed form (Evan Miller, "Formulas for Bayesian A/B Testing", 2014):
 *   P(pB > pA) = Σ_{i=0}^{αB−1} B(αA + i, βA + βB) / ((βB + i) · B(1 + i, βB) · B(αA, βA)),
 * summed over the arm with fewer conversions (P(pT > pC) = 1 − P(pC > pT); ties have measure 0).
 * Cost is linear in that arm's conversions.
 */
export function computeProbabilityToBeat(input: { treatment: ProportionCounts; control: ProportionCounts }): number {
  const aT = 1 + input.treatment.conversions;
  const bT = 1 + input.treatment.n - input.treatment.conversions;
  const aC = 1 + input.control.conversions;
  const bC = 1 + input.control.n - input.control.conversions;
  if (aT <= aC) return sumMiller({ aA: aC, bA: bC, aB: aT, bB: bT });
  return 1 - sumMiller({ aA: aT, bA: bT, aB: aC, bB: bC });
}

/** P(pB > pA) by Evan Miller's sum over i < αB (αB must be an integer). */
function sumMiller(p: { aA: number; bA: number; aB: number; bB: number }): number {
  const base = lbeta(p.aA, p.bA);
  let total = 0;
  for (let i = 0; i < p.aB; i++) {
    total += Math.exp(lbeta(p.aA + i, p.bA + p.bB) - Math.log(p.bB + i) - lbeta(1 + i, p.bB) - base);
  }
  return Math.min(1, Math.max(0, total));
}
