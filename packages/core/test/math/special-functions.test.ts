import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digamma } from '../../src/math/special/digamma.ts';
import { gamma, lbeta, lgamma } from '../../src/math/special/log-gamma.ts';

// Values from Abramowitz & Stegun 6.1.8 (Γ(1/2) = √π), 6.3.2–6.3.3 (ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2).
const EULER_GAMMA = 0.5772156649015329;

describe('lgamma', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    let fact = 1;
    for (let n = 1; n < 30; n++) {
      fact *= n;
      expect(Math.abs(lgamma(n + 1) - Math.log(fact))).toBeLessThan(1e-12 * Math.max(1, Math.log(fact)));
    }
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(gamma(-0.5)).toBeCloseTo(-2 * Math.sqrt(Math.PI), 12);
  });
  it('satisfies ln Γ(x + 1) = ln Γ(x) + ln x', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (x) => {
        expect(lgamma(x + 1) - lgamma(x) - Math.log(x)).toBeCloseTo(0, 9);
      }),
    );
  });
  it('lbeta(a, b) = ln(Γ(a)Γ(b)/Γ(a+b)), e.g. B(2, 3) = 1/12', () => {
    expect(lbeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
  });
});

describe('digamma', () => {
  it('matches ψ(1) = −γ and ψ(1/2) = −γ − 2 ln 2', () => {
    expect(digamma(1)).toBeCloseTo(-EULER_GAMMA, 14);
    expect(digamma(0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.LN2, 14);
  });
  it('satisfies ψ(x + 1) = ψ(x) + 1/x and equals the derivative of lgamma', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-2, max: 1e3, noNaN: true }), (x) => {
        expect(digamma(x + 1) - digamma(x) - 1 / x).toBeCloseTo(0, 9);
        const h = 1e-5 * Math.max(1, x);
        expect(digamma(x)).toBeCloseTo((lgamma(x + h) - lgamma(x - h)) / (2 * h), 4);
      }),
    );
  });
});
