import { describe, expect, it } from 'vitest';
import { groupCbs } from '../../../src/analytics/clv/cbs-groups.ts';
import { fitParetoNbd } from '../../../src/analytics/clv/fit-pareto-nbd.ts';
import {
  type ParetoNbdParams,
  paretoNbdLogLikelihood,
  paretoNbdNegLogLikelihood,
  paretoNbdTotalLogLikelihood,
} from '../../../src/analytics/clv/pareto-nbd-likelihood.ts';
import {
  paretoNbdConditionalExpectedPurchases,
  paretoNbdProbabilityAlive,
} from '../../../src/analytics/clv/pareto-nbd-predict.ts';
import { hyp2f1 } from '../../../src/math/special/hyp2f1.ts';
import { lgamma } from '../../../src/math/special/log-gamma.ts';
import { loadCdnowCbs } from './cdnow-fixture.ts';

// Reference: Fader, Hardie & Lee (2005) report for the CDNOW sample the Pareto/NBD estimates
// r = 0.55, α = 10.58, s = 0.61, β = 11.67 with LL = −9595.0. Independent maximum: scipy 1.17.1
// Nelder–Mead on the ₂F₁ form of the likelihood (scipy.special.hyp2f1), LL = −9594.976178939542 at
// (0.55327701, 10.57768281, 0.60624011, 11.66874027).
const PUBLISHED: ParetoNbdParams = { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 };
const rows = loadCdnowCbs();
const sig3 = (v: number): number => Number(v.toPrecision(3));

/** The closed form with A₀ from "A Note on Deriving the Pareto/NBD Model and Related Expressions" (eqs. 19–22). */
function logLikelihoodHyp2f1(p: ParetoNbdParams, c: { x: number; tx: number; tCal: number }): number {
  const { r, alpha, s, beta } = p;
  const { x, tx, tCal } = c;
  const rsx = r + s + x;
  const [big, other, bParam] = alpha >= beta ? [alpha, beta, s + 1] : [beta, alpha, r + x];
  const part = (t: number): number => hyp2f1(rsx, bParam, rsx + 1, (big - other) / (big + t)) / (big + t) ** rsx;
  const a0 = part(tx) - part(tCal);
  return (
    lgamma(r + x) -
    lgamma(r) +
    r * Math.log(alpha) +
    s * Math.log(beta) +
    Math.log(1 / ((alpha + tCal) ** (r + x) * (beta + tCal) ** s) + (s / rsx) * a0)
  );
}

describe('Pareto/NBD on the CDNOW sample', () => {
  it('LL at the published parameters is −9595.0, and the quadrature agrees with the ₂F₁ closed form', () => {
    expect(paretoNbdTotalLogLikelihood(PUBLISHED, rows)).toBeCloseTo(-9595.0, 1);
    for (const p of [PUBLISHED, { r: 0.4, alpha: 20, s: 1.3, beta: 5 }]) {
      for (const c of rows.slice(0, 200)) {
        expect(Math.abs(paretoNbdLogLikelihood(p, c) - logLikelihoodHyp2f1(p, c))).toBeLessThan(1e-9);
      }
    }
  });

  it('the fit reaches the maximum and the published parameters to 2–3 significant digits', () => {
    const fit = fitParetoNbd(rows);
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.logLikelihood - -9594.976178939542)).toBeLessThan(1e-3);
    // The paper prints 2 decimals; the maximum is r = 0.5533, α = 10.578, s = 0.6062, β = 11.669.
    expect(sig3(fit.params.alpha)).toBe(10.6);
    expect(sig3(fit.params.beta)).toBe(11.7);
    expect(fit.params.r).toBeCloseTo(0.55, 2);
    expect(fit.params.s).toBeCloseTo(0.61, 2);
  });

  it('the analytic gradient matches central differences', () => {
    const g = groupCbs(rows);
    const theta = [Math.log(0.5), Math.log(9), Math.log(0.7), Math.log(12)];
    const analytic = paretoNbdNegLogLikelihood(theta, g).gradient;
    theta.forEach((_, i) => {
      const h = 1e-6;
      const up = theta.map((v, j) => (j === i ? v + h : v));
      const down = theta.map((v, j) => (j === i ? v - h : v));
      const numeric = (paretoNbdNegLogLikelihood(up, g).value - paretoNbdNegLogLikelihood(down, g).value) / (2 * h);
      expect(Math.abs((analytic[i] ?? 0) - numeric)).toBeLessThan(1e-4 * Math.max(1, Math.abs(numeric)));
    });
  });

  it('predictions behave: P(alive) = 1 at x = 0 only when T = 0; expectation grows with the horizon', () => {
    expect(paretoNbdProbabilityAlive(PUBLISHED, { x: 0, tx: 0, tCal: 0 })).toBe(1);
    const c = { x: 2, tx: 30.43, tCal: 38.86 };
    const e39 = paretoNbdConditionalExpectedPurchases(PUBLISHED, c, 39);
    expect(e39).toBeGreaterThan(paretoNbdConditionalExpectedPurchases(PUBLISHED, c, 10));
    // The s → 1 branch is the limit of the general one.
    const near = paretoNbdConditionalExpectedPurchases({ ...PUBLISHED, s: 1 + 1e-6 }, c, 39);
    expect(paretoNbdConditionalExpectedPurchases({ ...PUBLISHED, s: 1 }, c, 39)).toBeCloseTo(near, 5);
  });
});
