import type { MinimizeResult } from './types.ts';

// Nelder–Mead with the dimension-adaptive coefficients of Gao & Han (2012, Comput. Optim. Appl.
// 51:259–277), restarted from the best vertex with a fresh simplex until a restart no longer
// improves the value (the remedy for premature collapse noted by Lagarias et al. 1998).

/**
 * Derivative-free minimisation. Non-finite values are treated as +∞ (outside the domain).
 *
 * @example minimizeNelderMead({ objective: ([x = 0]) => (x - 3) ** 2, start: [0] }).x // ≈ [3]
 */
export function minimizeNelderMead(input: {
  objective: (x: readonly number[]) => number;
  start: readonly number[];
  /** Initial simplex edge along each coordinate (default 0.5, suited to log-parameters). */
  step?: number;
  /** Stop a run when the spread of values across the simplex is below this. */
  valueTolerance?: number;
  maxEvaluations?: number;
  maxRestarts?: number;
}): MinimizeResult {
  const n = input.start.length;
  const step = input.step ?? 0.5;
  const ftol = input.valueTolerance ?? 1e-10;
  const maxEvaluations = input.maxEvaluations ?? 20_000;
  const maxRestarts = input.maxRestarts ?? 10;
  let evaluations = 0;
  const f = (x: readonly number[]): number => {
    evaluations++;
    const v = input.objective(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  const alpha = 1;
  const beta = 1 + 2 / n;
  const gamma = 0.75 - 1 / (2 * n);
  const delta = 1 - 1 / n;

  let best = [...input.start];
  let bestValue = f(best);
  if (!Number.isFinite(bestValue)) {
    return { x: best, value: bestValue, iterations: 0, evaluations, converged: false, reason: 'start-not-finite' };
  }
  let iterations = 0;
  for (let restart = 0; restart <= maxRestarts; restart++) {
    const simplex: number[][] = [best, ...best.map((_, i) => best.map((v, j) => (i === j ? v + step : v)))];
    const values = simplex.map((p, i) => (i === 0 ? bestValue : f(p)));
    while (evaluations < maxEvaluations) {
      iterations++;
      const order = values.map((_, i) => i).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
      const sorted = order.map((i) => simplex[i] ?? []);
      const sortedValues = order.map((i) => values[i] ?? 0);
      simplex.splice(0, simplex.length, ...sorted);
      values.splice(0, values.length, ...sortedValues);
      const lo = values[0] ?? 0;
      const hi = values[n] ?? 0;
      if (Math.abs(hi - lo) <= ftol * (Math.abs(lo) + ftol)) break;
      const centroid = Array.from(
        { length: n },
        (_, j) => simplex.slice(0, n).reduce((s, p) => s + (p[j] ?? 0), 0) / n,
      );
      const worst = simplex[n] ?? [];
      const along = (t: number): number[] => centroid.map((c, j) => c + t * (c - (worst[j] ?? 0)));
      const replaceWorst = (p: number[], v: number): void => {
        simplex[n] = p;
        values[n] = v;
      };
      const xr = along(alpha);
      const fr = f(xr);
      const second = values[n - 1] ?? 0;
      if (fr < lo) {
        const xe = along(alpha * beta);
        const fe = f(xe);
        replaceWorst(fe < fr ? xe : xr, Math.min(fe, fr));
      } else if (fr < second) {
        replaceWorst(xr, fr);
      } else {
        const outside = fr < hi;
        const xc = along(outside ? alpha * gamma : -gamma);
        const fc = f(xc);
        if (fc <= (outside ? fr : hi)) {
          replaceWorst(xc, fc);
        } else {
          const b = simplex[0] ?? [];
          for (let i = 1; i <= n; i++) {
            const p = (simplex[i] ?? []).map((v, j) => (b[j] ?? 0) + delta * (v - (b[j] ?? 0)));
            simplex[i] = p;
            values[i] = f(p);
          }
        }
      }
    }
    const i = values.indexOf(Math.min(...values));
    const improved = (values[i] ?? bestValue) < bestValue - ftol * (Math.abs(bestValue) + ftol);
    if ((values[i] ?? bestValue) < bestValue) {
      best = simplex[i] ?? best;
      bestValue = values[i] ?? bestValue;
    }
    if (!improved && restart > 0) {
      return { x: best, value: bestValue, iterations, evaluations, converged: true, reason: 'simplex' };
    }
    if (evaluations >= maxEvaluations) break;
  }
  return { x: best, value: bestValue, iterations, evaluations, converged: false, reason: 'max-iterations' };
}
