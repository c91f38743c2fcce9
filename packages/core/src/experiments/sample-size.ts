import { bisectRoot } from '../math/stats/find-root.ts';
import { noncentralTCdf } from '../math/stats/noncentral-t.ts';
import { normalCdf, normalQuantile } from '../math/stats/normal.ts';
import { studentTQuantile } from '../math/stats/student-t.ts';

/**
 * Power of a two-sided two-proportion test with n per arm; the formula of R `power.prop.test`
 * (strict = FALSE): Φ((√n |p1 − p2| − z_{1−α/2} √((p1 + p2)(q1 + q2)/2)) / √(p1 q1 + p2 q2)).
 */
export function computeProportionPower(input: { n: number; p1: number; p2: number; alpha?: number }): number {
  const { n, p1, p2 } = input;
  const q1 = 1 - p1;
  const q2 = 1 - p2;
  const zq = normalQuantile(1 - (input.alpha ?? 0.05) / 2);
  return normalCdf(
    (Math.sqrt(n) * Math.abs(p1 - p2) - zq * Math.sqrt(((p1 + p2) * (q1 + q2)) / 2)) / Math.sqrt(p1 * q1 + p2 * q2),
  );
}

/** Customers needed per arm (not rounded) to detect p1 → p2 with the given power; as R `power.prop.test(p1=, p2=, power=)$n`. */
export function computeProportionSampleSize(input: { p1: number; p2: number; power?: number; alpha?: number }): number {
  const power = input.power ?? 0.8;
  const f = (n: number): number => computeProportionPower({ ...input, n }) - power;
  let hi = 4;
  while (f(hi) < 0 && hi < 1e15) hi *= 2;
  return bisectRoot({ f, lo: 2, hi });
}

/**
 * Minimum detectable upward rate p2 > p1 with n per arm; as R `power.prop.test(n=, p1=, power=)$p2`.
 * Returns NaN when even p2 → 1 is not detectable.
 */
export function computeProportionMde(input: { n: number; p1: number; power?: number; alpha?: number }): number {
  const power = input.power ?? 0.8;
  const f = (p2: number): number => computeProportionPower({ ...input, p2 }) - power;
  const hi = 1 - 1e-12;
  if (f(hi) < 0) return Number.NaN;
  return bisectRoot({ f, lo: input.p1, hi });
}

/**
 * Power of a two-sided two-sample t-test with n per arm, difference `delta`, common sd; the formula
 * of R `power.t.test` (strict = FALSE): P(T' > t_{1−α/2, ν}) with ν = 2(n − 1), T' non-central t
 * with ncp = √(n/2) δ/σ.
 */
export function computeMeanPower(input: { n: number; delta: number; sd: number; alpha?: number }): number {
  const nu = 2 * (input.n - 1);
  const crit = studentTQuantile(1 - (input.alpha ?? 0.05) / 2, nu);
  return 1 - noncentralTCdf(crit, nu, (Math.sqrt(input.n / 2) * Math.abs(input.delta)) / input.sd);
}

/** n per arm for a difference in means; as R `power.t.test(delta=, sd=, power=)$n`. */
export function computeMeanSampleSize(input: { delta: number; sd: number; power?: number; alpha?: number }): number {
  const power = input.power ?? 0.8;
  const f = (n: number): number => computeMeanPower({ ...input, n }) - power;
  let hi = 4;
  while (f(hi) < 0 && hi < 1e15) hi *= 2;
  return bisectRoot({ f, lo: 2, hi });
}

/** Minimum detectable difference in means with n per arm; as R `power.t.test(n=, sd=, power=)$delta`. */
export function computeMeanMde(input: { n: number; sd: number; power?: number; alpha?: number }): number {
  const power = input.power ?? 0.8;
  const f = (delta: number): number => computeMeanPower({ ...input, delta }) - power;
  let hi = input.sd;
  while (f(hi) < 0 && hi < 1e6 * input.sd) hi *= 2;
  return bisectRoot({ f, lo: 0, hi });
}
