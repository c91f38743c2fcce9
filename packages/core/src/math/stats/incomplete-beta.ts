import { lbeta } from '../special/log-gamma.ts';

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITER = 100_000;

/**
 * Regularised incomplete beta I_x(a, b) and its complement 1 − I_x(a, b), each computed directly
 * with the Lentz continued fraction on the side where it converges (Numerical Recipes 3rd ed.,
 * §6.4). Pass `y = 1 − x` when it is known more precisely than `1 - x` (e.g. t²/(ν + t²)).
 */
export function regularizedBeta(input: { x: number; a: number; b: number; y?: number }): {
  readonly lower: number;
  readonly upper: number;
} {
  const { x, a, b } = input;
  const y = input.y ?? 1 - x;
  if (!(a > 0 && b > 0) || Number.isNaN(x)) return { lower: Number.NaN, upper: Number.NaN };
  if (x <= 0) return { lower: 0, upper: 1 };
  if (y <= 0) return { lower: 1, upper: 0 };
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (Math.exp(a * Math.log(x) + b * Math.log(y) - lbeta(a, b)) * betaFraction(x, a, b)) / a;
    return { lower, upper: 1 - lower };
  }
  const upper = (Math.exp(b * Math.log(y) + a * Math.log(x) - lbeta(a, b)) * betaFraction(y, b, a)) / b;
  return { lower: 1 - upper, upper };
}

function betaFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}
