/**
 * Root of a decreasing function on [0, ∞) with f(0) > 0: brackets by doubling from `start`, then
 * Newton steps that fall back to bisection whenever they leave the bracket. Converges to ~1 ulp.
 */
export function incrementalRoot(input: { f: (x: number) => number; df: (x: number) => number; start: number }): number {
  const { f, df } = input;
  let lo = 0;
  let hi = input.start;
  while (f(hi) > 0) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return Number.POSITIVE_INFINITY;
  }
  let x = input.start <= hi && input.start >= lo ? input.start : 0.5 * (lo + hi);
  for (let i = 0; i < 200; i++) {
    const fx = f(x);
    if (fx === 0) return x;
    if (fx > 0) lo = x;
    else hi = x;
    const slope = df(x);
    let next = slope !== 0 ? x - fx / slope : Number.NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - x) <= 1e-15 * Math.max(1, Math.abs(x)) || hi - lo <= 1e-15 * Math.max(1, hi)) return next;
    x = next;
  }
  return x;
}

/** Root of a monotone function on [lo, hi] (sign change required) by bisection to machine precision. */
export function bisectRoot(input: { f: (x: number) => number; lo: number; hi: number }): number {
  let { lo, hi } = input;
  const increasing = input.f(hi) > input.f(lo);
  for (let i = 0; i < 300; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) return mid;
    const fm = input.f(mid);
    if (fm === 0) return mid;
    if (fm > 0 === increasing) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}
