import { describe, expect, it } from 'vitest';
import { bgnbdNegLogLikelihood, bgnbdTotalLogLikelihood } from '../../../src/analytics/clv/bgnbd-likelihood.ts';
import {
  bgnbdConditionalExpectedPurchases,
  bgnbdExpectedPurchases,
  bgnbdProbabilityAlive,
  bgnbdProbabilityOfPurchases,
} from '../../../src/analytics/clv/bgnbd-predict.ts';
import { groupCbs } from '../../../src/analytics/clv/cbs-groups.ts';
import { fitBgnbd } from '../../../src/analytics/clv/fit-bgnbd.ts';
import { loadCdnowCbs } from './cdnow-fixture.ts';

// Reference: Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way: An Alternative to the
// Pareto/NBD Model", Marketing Science 24(2):275–284 — CDNOW sample estimates r = 0.243, α = 4.414,
// a = 0.793, b = 2.426, LL = −9582.4; Hardie's spreadsheet notes give P(X(39) = 0) = 0.5737864 and
// E[Y(39) | x = 2, tₓ = 30.43, T = 38.86] = 1.226 at those parameters.
// Independent check of the maximum: scipy 1.17.1 Nelder–Mead (two runs, xatol 1e-10) on a separately
// written numpy likelihood reached LL = −9582.429206673929 at (0.24259452, 4.41360179, 0.79292192, 2.4259066).
const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const SCIPY_MAX_LL = -9582.429206673929;
const rows = loadCdnowCbs();
const sig3 = (v: number): number => Number(v.toPrecision(3));

describe('BG/NBD on the CDNOW sample', () => {
  const fit = fitBgnbd(rows);

  it('log-likelihood at the published parameters is the published −9582.4', () => {
    const ll = bgnbdTotalLogLikelihood(PUBLISHED, rows);
    expect(ll).toBeCloseTo(-9582.4, 1);
    // The published parameters are rounded to 3 decimals, so their LL is slightly below the maximum.
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(ll);
    expect(fit.logLikelihood - ll).toBeLessThan(2e-3);
  });

  it('the fit reaches the true maximum and the published parameters to 3 significant digits', () => {
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.logLikelihood - SCIPY_MAX_LL)).toBeLessThan(1e-3);
    expect(sig3(fit.params.r)).toBe(sig3(PUBLISHED.r));
    expect(sig3(fit.params.alpha)).toBe(sig3(PUBLISHED.alpha));
    expect(sig3(fit.params.a)).toBe(sig3(PUBLISHED.a));
    expect(sig3(fit.params.b)).toBe(sig3(PUBLISHED.b));
    expect(fit.customers).toBe(2357);
  });

  it('reproduces Hardie spot values at the published parameters', () => {
    expect(bgnbdProbabilityOfPurchases(PUBLISHED, 39, 0)).toBeCloseTo(0.5737864, 7);
    expect(bgnbdConditionalExpectedPurchases(PUBLISHED, { x: 2, tx: 30.43, tCal: 38.86 }, 39)).toBeCloseTo(1.226, 3);
  });

  it('P(X(t) = n) is a distribution whose mean is E[X(t)]', () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const p = bgnbdProbabilityOfPurchases(PUBLISHED, 39, n);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 8);
    expect(mean).toBeCloseTo(bgnbdExpectedPurchases(PUBLISHED, 39), 6);
  });

  it('a customer with no repeat purchase is alive for sure; a long silence lowers P(alive)', () => {
    expect(bgnbdProbabilityAlive(PUBLISHED, { x: 0, tx: 0, tCal: 38 })).toBe(1);
    const recent = bgnbdProbabilityAlive(PUBLISHED, { x: 5, tx: 37, tCal: 38 });
    const silent = bgnbdProbabilityAlive(PUBLISHED, { x: 5, tx: 5, tCal: 38 });
    expect(recent).toBeGreaterThan(0.85);
    expect(silent).toBeLessThan(0.01);
  });

  it('the analytic gradient matches central differences', () => {
    const g = groupCbs(rows);
    const theta = [Math.log(0.3), Math.log(4), Math.log(0.8), Math.log(2.5)];
    const analytic = bgnbdNegLogLikelihood(theta, g).gradient;
    theta.forEach((_, i) => {
      const h = 1e-6;
      const up = theta.map((v, j) => (j === i ? v + h : v));
      const down = theta.map((v, j) => (j === i ? v - h : v));
      const numeric = (bgnbdNegLogLikelihood(up, g).value - bgnbdNegLogLikelihood(down, g).value) / (2 * h);
      expect(Math.abs((analytic[i] ?? 0) - numeric)).toBeLessThan(1e-4 * Math.max(1, Math.abs(numeric)));
    });
  });
});
