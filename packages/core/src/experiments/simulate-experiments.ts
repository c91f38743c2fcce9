import { createRandom } from '../math/random/mulberry32.ts';
import { normalSurvival } from '../math/stats/normal.ts';
import { INITIAL_SEQUENTIAL_STATE, updateSequentialTest } from './msprt.ts';

/** Exact Binomial(n, p) draw by inversion, in chunks small enough that (1 − p)^chunk never underflows. */
export function drawBinomial(random: () => number, n: number, p: number): number {
  if (p <= 0 || n <= 0) return 0;
  if (p >= 1) return n;
  const chunk = Math.max(1, Math.floor(600 / -Math.log1p(-p)));
  let total = 0;
  for (let left = n; left > 0; left -= chunk) {
    const m = Math.min(chunk, left);
    const u = random();
    let k = 0;
    let pk = (1 - p) ** m;
    let cdf = pk;
    const ratio = p / (1 - p);
    while (u > cdf && k < m) {
      pk *= ((m - k) / (k + 1)) * ratio;
      k++;
      cdf += pk;
    }
    total += k;
  }
  return total;
}

export interface SequentialSimulationResult {
  readonly simulations: number;
  readonly looks: number;
  /** Share of runs where the mSPRT always-valid p-value ever fell to ≤ α (A/A: false positives). */
  readonly sequentialRejectRate: number;
  /** Share where an uncorrected z-test at any daily look had p < α (the peeking problem). */
  readonly naivePeekingRejectRate: number;
  /** Share where a single z-test at the planned end had p < α (A/A: ≈ α). */
  readonly fixedHorizonRejectRate: number;
}

/**
 * Many simulated experiments on conversion: control converts at `rate`, treatment at
 * `treatmentRate` (default `rate`: an A/A test); each day adds `usersPerArmPerDay` per arm and the
 * analyst looks. Counts how often each procedure declares a difference.
 */
export function simulateSequentialExperiments(input: {
  simulations: number;
  days: number;
  usersPerArmPerDay: number;
  rate: number;
  treatmentRate?: number;
  /** τ of the mSPRT mixture: absolute, or relative to the control rate seen at each look (as reports do). */
  mixture: { readonly kind: 'absolute' | 'relative'; readonly sd: number };
  alpha?: number;
  seed: number;
}): SequentialSimulationResult {
  const alpha = input.alpha ?? 0.05;
  const random = createRandom(input.seed);
  let sequential = 0;
  let naive = 0;
  let fixed = 0;
  for (let s = 0; s < input.simulations; s++) {
    let xT = 0;
    let xC = 0;
    let n = 0;
    let state = INITIAL_SEQUENTIAL_STATE;
    let naiveHit = false;
    let lastP = 1;
    for (let d = 0; d < input.days; d++) {
      n += input.usersPerArmPerDay;
      xT += drawBinomial(random, input.usersPerArmPerDay, input.treatmentRate ?? input.rate);
      xC += drawBinomial(random, input.usersPerArmPerDay, input.rate);
      const pT = xT / n;
      const pC = xC / n;
      const variance = (pT * (1 - pT) + pC * (1 - pC)) / n;
      const tau = input.mixture.kind === 'absolute' ? input.mixture.sd : input.mixture.sd * pC;
      if (tau > 0)
        state = updateSequentialTest({
          state,
          look: { difference: pT - pC, variance },
          mixtureVariance: tau * tau,
          alpha,
        });
      const pooled = (xT + xC) / (2 * n);
      const se = Math.sqrt((pooled * (1 - pooled) * 2) / n);
      lastP = se > 0 ? 2 * normalSurvival(Math.abs(pT - pC) / se) : 1;
      if (lastP < alpha) naiveHit = true;
    }
    if (state.pValue <= alpha) sequential++;
    if (naiveHit) naive++;
    if (lastP < alpha) fixed++;
  }
  const k = input.simulations;
  return {
    simulations: k,
    looks: input.days,
    sequentialRejectRate: sequential / k,
    naivePeekingRejectRate: naive / k,
    fixedHorizonRejectRate: fixed / k,
  };
}
