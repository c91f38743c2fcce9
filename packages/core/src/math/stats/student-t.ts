import { lgamma } from '../special/log-gamma.ts';
import { incrementalRoot } from './find-root.ts';
import { regularizedBeta } from './incomplete-beta.ts';
import { normalCdf, normalQuantile } from './normal.ts';

/** P(T > |t|) for Student's t with `df` degrees of freedom (df may be fractional, as in Welch). */
function tailBeyond(t: number, df: number): number {
  const t2 = t * t;
  return 0.5 * regularizedBeta({ x: df / (df + t2), a: df / 2, b: 0.5, y: t2 / (df + t2) }).lower;
}

/** Student t CDF P(T ≤ t). */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (df === Number.POSITIVE_INFINITY) return normalCdf(t);
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const tail = tailBeyond(t, df);
  return t < 0 ? tail : 1 - tail;
}

/** Upper tail P(T > t). */
export function studentTSurvival(t: number, df: number): number {
  return studentTCdf(-t, df);
}

/** Student t density. */
export function studentTPdf(t: number, df: number): number {
  const logC = lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * Student t quantile: the t with P(T ≤ t) = p, by safeguarded Newton iteration on the CDF.
 * @example studentTQuantile(0.975, 10) // 2.228138851986274
 */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) return Number.NaN;
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(p);
  if (p === 0.5) return 0;
  if (p > 0.5) return -studentTQuantile(1 - p, df);
  const t = incrementalRoot({
    f: (x) => studentTCdf(-x, df) - p, // decreasing in x ≥ 0
    df: (x) => -studentTPdf(x, df),
    start: Math.max(-normalQuantile(p), 1e-3),
  });
  return -t;
}
