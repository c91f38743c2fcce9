// Asymptotic expansion ψ(x) ~ ln x − 1/(2x) − Σ B₂ₖ/(2k x^{2k}) after shifting x above 10 with
// ψ(x) = ψ(x + 1) − 1/x (Abramowitz & Stegun 6.3.5, 6.3.18); reflection 6.3.7 for x < 0.
const SHIFT_TO = 10;

/**
 * Digamma ψ(x) = d/dx ln Γ(x), absolute error about 1e-15 for x > 0.
 *
 * @example digamma(1) // −0.5772156649015329 (minus the Euler–Mascheroni constant)
 */
export function digamma(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0 && Number.isInteger(x)) return Number.NaN;
  if (x < 0) return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  let shift = 0;
  while (x < SHIFT_TO) {
    shift += 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  const series =
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760))))));
  return Math.log(x) - 0.5 / x - series - shift;
}
