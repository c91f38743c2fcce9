import { dot, searchLine } from './line-search.ts';
import type { DifferentiableObjective, MinimizeResult } from './types.ts';

// Quasi-Newton BFGS on the inverse Hessian (Nocedal & Wright 2nd ed., Algorithm 6.1, with the
// first-step scaling of eq. 6.20) and a strong Wolfe line search. The approximation restarts from
// the identity when a step fails, so a poor curvature estimate cannot stall the search.

/**
 * Minimises a smooth function given its gradient.
 *
 * @example
 * minimizeBfgs({ objective: ([x = 0, y = 0]) => ({ value: (x - 1) ** 2 + 10 * (y + 2) ** 2,
 *   gradient: [2 * (x - 1), 20 * (y + 2)] }), start: [0, 0] }).x // ≈ [1, −2]
 */
export function minimizeBfgs(input: {
  objective: DifferentiableObjective;
  start: readonly number[];
  /** Stop when every |∂f/∂xᵢ| is below this. */
  gradientTolerance?: number;
  /**
   * When no step lowers f any more (the changes are at rounding level), the point still counts as
   * converged if every |∂f/∂xᵢ| ≤ noiseTolerance × max(1, |f|). Default 1e-8.
   */
  noiseTolerance?: number;
  maxIterations?: number;
}): MinimizeResult {
  const { objective } = input;
  const gtol = input.gradientTolerance ?? 1e-8;
  const maxIterations = input.maxIterations ?? 1000;
  const noise = input.noiseTolerance ?? 1e-8;
  const n = input.start.length;
  let evaluations = 1;
  let x = [...input.start];
  let at = objective(x);
  if (!Number.isFinite(at.value)) {
    return { x, value: at.value, iterations: 0, evaluations, converged: false, reason: 'start-not-finite' };
  }
  let h = identity(n);
  let fresh = true;
  for (let k = 0; k < maxIterations; k++) {
    if (maxAbs(at.gradient) < gtol) {
      return { x, value: at.value, iterations: k, evaluations, converged: true, reason: 'gradient' };
    }
    let direction = multiply(h, at.gradient).map((v) => -v);
    if (!(dot(direction, at.gradient) < 0)) {
      h = identity(n);
      fresh = true;
      direction = at.gradient.map((v) => -v);
    }
    const initialStep = fresh ? Math.min(1, 1 / Math.max(maxAbs(at.gradient), 1e-300)) : 1;
    const next = searchLine({ objective, x, at, direction, initialStep, count: () => evaluations++ });
    if (!next) {
      const atNoise = maxAbs(at.gradient) <= noise * Math.max(1, Math.abs(at.value));
      if (fresh || atNoise) {
        return {
          x,
          value: at.value,
          iterations: k,
          evaluations,
          converged: atNoise,
          reason: atNoise ? 'rounding' : 'no-progress',
        };
      }
      h = identity(n);
      fresh = true;
      continue;
    }
    const s = next.x.map((v, i) => v - (x[i] ?? 0));
    const y = next.at.gradient.map((v, i) => v - (at.gradient[i] ?? 0));
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (fresh) h = scaled(identity(n), sy / dot(y, y));
      h = updateInverse(h, s, y, 1 / sy);
      fresh = false;
    }
    x = [...next.x];
    at = next.at;
  }
  return { x, value: at.value, iterations: maxIterations, evaluations, converged: false, reason: 'max-iterations' };
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

function scaled(m: number[][], f: number): number[][] {
  return m.map((row) => row.map((v) => v * f));
}

function multiply(m: readonly (readonly number[])[], v: readonly number[]): number[] {
  return m.map((row) => dot(row, v));
}

function maxAbs(v: readonly number[]): number {
  return v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
}

/** H⁺ = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ. */
function updateInverse(h: number[][], s: readonly number[], y: readonly number[], rho: number): number[][] {
  const hy = multiply(h, y);
  const yhy = dot(y, hy);
  const n = s.length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      const si = s[i] ?? 0;
      const sj = s[j] ?? 0;
      return (h[i]?.[j] ?? 0) - rho * ((hy[i] ?? 0) * sj + si * (hy[j] ?? 0)) + (rho * rho * yhy + rho) * si * sj;
    }),
  );
}
