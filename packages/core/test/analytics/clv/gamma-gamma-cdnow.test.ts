import { describe, expect, it } from 'vitest';
import { ClvError } from '../../../src/analytics/clv/clv-error.ts';
import { fitGammaGamma } from '../../../src/analytics/clv/fit-gamma-gamma.ts';
import { conditionalExpectedSpend, gammaGammaLogLikelihood } from '../../../src/analytics/clv/gamma-gamma.ts';
import { loadCdnowCbs } from './cdnow-fixture.ts';

// Reference: Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base
// Analysis", JMR 42(4), and Hardie's note "The Gamma-Gamma Model of Monetary Value" (2013): on the
// 946 CDNOW sample customers with x > 0 (m.x = mean repeat spend) p = 6.25, q = 3.74, γ = 15.44.
// Independent maximum: scipy 1.17.1 Nelder–Mead on a numpy likelihood, LL = −4055.9176948018667 at
// (6.24957137, 3.74422478, 15.44352406).
const rows = loadCdnowCbs();
const sig3 = (v: number): number => Number(v.toPrecision(3));

describe('Gamma-Gamma on the CDNOW sample', () => {
  const fit = fitGammaGamma(rows);
  it('reproduces the published parameters to 3 significant digits', () => {
    expect(fit.customers).toBe(946);
    expect(sig3(fit.params.p)).toBe(6.25);
    expect(sig3(fit.params.q)).toBe(3.74);
    expect(sig3(fit.params.gamma)).toBe(15.4);
    expect(Math.abs(fit.logLikelihood - -4055.9176948018667)).toBeLessThan(1e-3);
  });
  it('conditional expected spend shrinks a customer mean toward the population mean pγ/(q−1)', () => {
    const published = { p: 6.25, q: 3.74, gamma: 15.44 };
    const population = (6.25 * 15.44) / 2.74;
    expect(conditionalExpectedSpend(published, { x: 0 })).toBeCloseTo(population, 10);
    // Hardie's note: E[M | x=2, m̄=22.345] = (γ + x m̄) p / (px + q − 1)
    const e = conditionalExpectedSpend(published, { x: 2, mx: 22.345 });
    expect(e).toBeCloseTo((6.25 * (15.44 + 2 * 22.345)) / (12.5 + 2.74), 10);
    expect(e).toBeGreaterThan(Math.min(population, 22.345));
    expect(e).toBeLessThan(Math.max(population, 22.345));
  });
  it('the density integrates to one over m̄ (x = 3)', () => {
    const p = { p: 6.25, q: 3.74, gamma: 15.44 };
    let sum = 0;
    const h = 0.01;
    for (let m = h / 2; m < 2000; m += h) sum += Math.exp(gammaGammaLogLikelihood(p, { x: 3, mx: m })) * h;
    expect(sum).toBeCloseTo(1, 4);
  });
  it('refuses data without repeat spend', () => {
    expect(() => fitGammaGamma([{ x: 0 }, { x: 0 }])).toThrow(ClvError);
  });
});
