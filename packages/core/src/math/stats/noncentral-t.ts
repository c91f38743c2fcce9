import { lgamma } from '../special/log-gamma.ts';
import { regularizedBeta } from './incomplete-beta.ts';
import { normalCdf } from './normal.ts';

const ERR_MAX = 1e-14;
const ITER_MAX = 5000;
const LOG_SQRT_PI = 0.5 * Math.log(Math.PI);

/**
 * Non-central t CDF P(T ≤ t) with `df` degrees of freedom and non-centrality `ncp`
 * (Lenth 1989, Applied Statistics algorithm AS 243, the method behind R's `pt(…, ncp)`).
 * Accurate for |ncp| up to about 37; power calculations stay far below that.
 */
export function noncentralTCdf(t: number, df: number, ncp: number): number {
  if (ncp === 0) {
    const { lower } = regularizedBeta({ x: df / (df + t * t), a: df / 2, b: 0.5, y: (t * t) / (df + t * t) });
    return t < 0 ? 0.5 * lower : 1 - 0.5 * lower;
  }
  const negative = t < 0;
  const tt = negative ? -t : t;
  const del = negative ? -ncp : ncp;
  let total = 0;
  const x = (tt * tt) / (tt * tt + df);
  if (x > 0) {
    const lambda = del * del;
    let p = 0.5 * Math.exp(-0.5 * lambda);
    let q = Math.sqrt(2 / Math.PI) * p * del;
    let s = 0.5 - p;
    let a = 0.5;
    const b = 0.5 * df;
    const rxb = (1 - x) ** b;
    const logBetaAB = LOG_SQRT_PI + lgamma(b) - lgamma(0.5 + b);
    let xodd = regularizedBeta({ x, a, b, y: df / (tt * tt + df) }).lower;
    let godd = 2 * rxb * Math.exp(a * Math.log(x) - logBetaAB);
    let xeven = 1 - rxb;
    let geven = b * x * rxb;
    total = p * xodd + q * xeven;
    for (let en = 1; en <= ITER_MAX; en++) {
      a += 1;
      xodd -= godd;
      xeven -= geven;
      godd *= (x * (a + b - 1)) / a;
      geven *= (x * (a + b - 0.5)) / (a + 0.5);
      p *= lambda / (2 * en);
      q *= lambda / (2 * en + 1);
      s -= p;
      total += p * xodd + q * xeven;
      if (Math.abs(2 * s * (xodd - godd)) <= ERR_MAX) break;
    }
  }
  total += normalCdf(-del);
  const cdf = negative ? 1 - total : total;
  return Math.min(1, Math.max(0, cdf));
}
