import { digamma } from './digamma.ts';
import { gammaSign, lgamma } from './log-gamma.ts';

// Gaussian hypergeometric function 2F1(a, b; c; z) for real arguments and z ≤ 1.
// Methods (Abramowitz & Stegun §15.1–15.3; DLMF §15.8):
// - 0 ≤ z < 1: the defining series, summed with a running scale so large values do not overflow;
// - z < 0: Pfaff's transformation (DLMF 15.8.1) onto w = z/(z − 1) ∈ (0, 1);
// - z close to 1 with c − a − b not an integer: the 1 − z connection formula (DLMF 15.8.4),
//   which converges fast where the plain series needs thousands of terms; when c − a − b = m is an
//   integer the logarithmic forms A&S 15.3.10–15.3.11 (after Euler's transformation for m < 0);
// - z = 1: Gauss's theorem when c − a − b > 0.
const EPS = 1e-16;
const MAX_TERMS = 5_000_000;
const RESCALE = 1e250;
const LOG_RESCALE = Math.log(RESCALE);
const CONNECTION_FROM = 0.9;
const CONNECTION_MAX_D = 8;

/** A number as mantissa × e^logScale, so that huge intermediate values survive. */
interface Scaled {
  readonly m: number;
  readonly l: number;
}

const isNonPositiveInteger = (v: number): boolean => v <= 0 && Number.isInteger(v);

/**
 * 2F1(a, b; c; z) = Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ. Throws `RangeError` for z > 1 (the real branch cut)
 * and for c a non-positive integer.
 *
 * @example hyp2f1(1, 1, 2, 0.5) // −ln(1 − 0.5)/0.5 = 1.3862943611198906
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const s = evaluate(a, b, c, z);
  return s.m * Math.exp(s.l);
}

/** ln 2F1(a, b; c; z) for arguments where the value is positive (e.g. a, b, c > 0 and 0 ≤ z < 1). */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  const s = evaluate(a, b, c, z);
  if (!(s.m > 0)) throw new RangeError(`2F1(${a}, ${b}; ${c}; ${z}) is not positive`);
  return Math.log(s.m) + s.l;
}

function evaluate(a: number, b: number, c: number, z: number): Scaled {
  if ([a, b, c, z].some(Number.isNaN)) return { m: Number.NaN, l: 0 };
  if (z > 1) throw new RangeError(`2F1 needs z ≤ 1 for real arguments, got z = ${z}`);
  if (isNonPositiveInteger(c) && !((isNonPositiveInteger(a) && a > c) || (isNonPositiveInteger(b) && b > c))) {
    throw new RangeError(`2F1 is undefined for c = ${c}`);
  }
  if (z === 0 || a === 0 || b === 0) return { m: 1, l: 0 };
  if (z === 1) return atOne(a, b, c);
  if (b === c) return { m: 1, l: -a * Math.log1p(-z) };
  if (a === c) return { m: 1, l: -b * Math.log1p(-z) };
  if (z < 0) {
    // Pfaff: 2F1(a,b;c;z) = (1−z)^−a 2F1(a, c−b; c; z/(z−1)); prefer a form whose series terminates.
    const w = z / (z - 1);
    const log1mz = Math.log1p(-z);
    const useB = isNonPositiveInteger(c - a) || (isNonPositiveInteger(b) && !isNonPositiveInteger(c - b));
    const inner = useB ? positive(c - a, b, c, w) : positive(a, c - b, c, w);
    return { m: inner.m, l: inner.l - (useB ? b : a) * log1mz };
  }
  return positive(a, b, c, z);
}

function positive(a: number, b: number, c: number, z: number): Scaled {
  if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) return series(a, b, c, z);
  if (isNonPositiveInteger(c - a) || isNonPositiveInteger(c - b)) {
    // Euler: (1−z)^(c−a−b) 2F1(c−a, c−b; c; z), a polynomial here.
    const p = series(c - a, c - b, c, z);
    return { m: p.m, l: p.l + (c - a - b) * Math.log1p(-z) };
  }
  const d = c - a - b;
  // The 1 − z forms sum series with c' = 1 ∓ d; for large |d| those alternate and cancel
  // catastrophically (seen with BG/NBD fits: 2F1(1.2, 186; 229.7; 0.91) came out negative), while
  // the plain series converges well there because its terms fall like n^(−d−1) zⁿ.
  if (z > CONNECTION_FROM && Math.abs(d) <= CONNECTION_MAX_D) {
    if (Number.isInteger(d)) {
      if (d >= 0) return degenerate(a, b, d, z);
      const inner = degenerate(c - a, c - b, -d, z);
      return { m: inner.m, l: inner.l + d * Math.log1p(-z) };
    }
    if (Math.abs(d - Math.round(d)) > 1e-3) return connection(a, b, c, z);
  }
  return series(a, b, c, z);
}

/** c = a + b + m with integer m ≥ 0 (A&S 15.3.10 for m = 0, 15.3.11 for m ≥ 1), 0 < 1 − z < 1. */
function degenerate(a: number, b: number, m: number, z: number): Scaled {
  const y = 1 - z;
  const logY = Math.log(y);
  let finite = 0;
  if (m > 0) {
    let t = 1;
    for (let n = 0; n < m; n++) {
      finite += t;
      t *= (((a + n) * (b + n)) / ((n + 1) * (1 - m + n))) * y;
    }
  }
  // Σₙ (a+m)ₙ(b+m)ₙ/(n!(n+m)!) yⁿ [ln y − ψ(n+1) − ψ(n+m+1) + ψ(a+n+m) + ψ(b+n+m)]
  let coef = Math.exp(-lgamma(m + 1));
  let psi1 = digamma(1);
  let psi2 = digamma(m + 1);
  let psiA = digamma(a + m);
  let psiB = digamma(b + m);
  let sum = 0;
  for (let n = 0; n < MAX_TERMS; n++) {
    const term = coef * (logY - psi1 - psi2 + psiA + psiB);
    sum += term;
    if (Math.abs(term) <= EPS * Math.abs(sum) && n > 2) break;
    coef *= (((a + m + n) * (b + m + n)) / ((n + 1) * (n + m + 1))) * y;
    psi1 += 1 / (n + 1);
    psi2 += 1 / (n + m + 1);
    psiA += 1 / (a + m + n);
    psiB += 1 / (b + m + n);
  }
  const logTail = lgamma(a + b + m) - lgamma(a) - lgamma(b);
  const tailSign = gammaSign(a + b + m) * gammaSign(a) * gammaSign(b) * (m % 2 === 0 ? 1 : -1);
  // (z − 1)^m = (−y)^m
  const tail = { m: -tailSign * sum * y ** m, l: logTail };
  if (m === 0) return tail;
  const head = scaledGammaRatio([m, a + b + m], [a + m, b + m], { m: finite, l: 0 });
  return addScaled(head, tail);
}

function series(a: number, b: number, c: number, z: number): Scaled {
  let term = 1;
  let sum = 1;
  let l = 0;
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    if (term === 0) return { m: sum, l };
    sum += term;
    if (Math.abs(sum) > RESCALE) {
      sum /= RESCALE;
      term /= RESCALE;
      l += LOG_RESCALE;
    }
    const q = Math.max(Math.abs(ratio), Math.abs(z));
    if (q < 1 && (Math.abs(term) * q) / (1 - q) <= EPS * Math.abs(sum)) return { m: sum, l };
  }
  throw new RangeError(`2F1(${a}, ${b}; ${c}; ${z}) did not converge in ${MAX_TERMS} terms`);
}

function connection(a: number, b: number, c: number, z: number): Scaled {
  const d = c - a - b;
  const y = 1 - z;
  const first = scaledGammaRatio([c, d], [c - a, c - b], series(a, b, 1 - d, y));
  const second = scaledGammaRatio([c, -d], [a, b], series(c - a, c - b, 1 + d, y));
  return addScaled(first, { m: second.m, l: second.l + d * Math.log(y) });
}

/** Γ(num…)/Γ(den…) × s, kept in scaled form. A pole in the denominator makes the term zero. */
function scaledGammaRatio(num: readonly number[], den: readonly number[], s: Scaled): Scaled {
  if (den.some(isNonPositiveInteger)) return { m: 0, l: 0 };
  let sign = 1;
  let l = s.l;
  for (const v of num) {
    sign *= gammaSign(v);
    l += lgamma(v);
  }
  for (const v of den) {
    sign *= gammaSign(v);
    l -= lgamma(v);
  }
  return { m: sign * s.m, l };
}

function addScaled(x: Scaled, y: Scaled): Scaled {
  if (x.m === 0) return y;
  if (y.m === 0) return x;
  const l = Math.max(x.l, y.l);
  return { m: x.m * Math.exp(x.l - l) + y.m * Math.exp(y.l - l), l };
}

function atOne(a: number, b: number, c: number): Scaled {
  const d = c - a - b;
  if (!(d > 0)) return { m: Number.POSITIVE_INFINITY, l: 0 };
  return scaledGammaRatio([c, d], [c - a, c - b], { m: 1, l: 0 });
}
