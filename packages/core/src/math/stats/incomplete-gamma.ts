import { lgamma } from '../special/log-gamma.ts';

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITER = 100_000;

/**
 * Regularised incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x), each computed
 * directly (series for x < a + 1, Lentz continued fraction otherwise) so the small one keeps
 * full relative precision (Numerical Recipes 3rd ed., §6.2).
 */
export function regularizedGamma(a: number, x: number): { readonly lower: number; readonly upper: number } {
  if (!(a > 0) || Number.isNaN(x)) return { lower: Number.NaN, upper: Number.NaN };
  if (x <= 0) return { lower: 0, upper: 1 };
  if (x === Number.POSITIVE_INFINITY) return { lower: 1, upper: 0 };
  const logPrefix = a * Math.log(x) - x - lgamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITER; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    const lower = sum * Math.exp(logPrefix);
    return { lower, upper: 1 - lower };
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  const upper = Math.exp(logPrefix) * h;
  return { lower: 1 - upper, upper };
}
