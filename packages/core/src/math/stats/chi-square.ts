import { regularizedGamma } from './incomplete-gamma.ts';

/** Chi-square upper tail P(X > x) with `df` degrees of freedom (a p-value). */
export function chiSquareSurvival(x: number, df: number): number {
  if (x <= 0) return 1;
  return regularizedGamma(df / 2, x / 2).upper;
}

/** Chi-square CDF P(X ≤ x). */
export function chiSquareCdf(x: number, df: number): number {
  if (x <= 0) return 0;
  return regularizedGamma(df / 2, x / 2).lower;
}
