import type { DifferentiableObjective, ValueAndGradient } from './types.ts';

// Strong Wolfe line search, Nocedal & Wright, Numerical Optimization 2nd ed., Algorithms 3.5 and 3.6,
// with safeguarded quadratic interpolation in the zoom phase.
const C1 = 1e-4;
const C2 = 0.9;
const MAX_STEPS = 40;
const MAX_ZOOM = 16;

export interface LinePoint {
  readonly step: number;
  readonly x: readonly number[];
  readonly at: ValueAndGradient;
}

interface Trial {
  readonly step: number;
  readonly value: number;
  readonly slope: number;
  readonly point: LinePoint;
}

/** Finds a step along `direction` satisfying the strong Wolfe conditions; undefined when none is found. */
export function searchLine(input: {
  objective: DifferentiableObjective;
  x: readonly number[];
  at: ValueAndGradient;
  direction: readonly number[];
  initialStep: number;
  count: () => void;
}): LinePoint | undefined {
  const { objective, x, direction, count } = input;
  const f0 = input.at.value;
  const d0 = dot(input.at.gradient, direction);
  if (!(d0 < 0)) return undefined;
  const probe = (step: number): Trial => {
    count();
    const px = x.map((v, i) => v + step * (direction[i] ?? 0));
    const at = objective(px);
    const value = Number.isFinite(at.value) ? at.value : Number.POSITIVE_INFINITY;
    const slope = Number.isFinite(at.value) ? dot(at.gradient, direction) : Number.NaN;
    return { step, value, slope, point: { step, x: px, at } };
  };
  const sufficient = (t: Trial): boolean => t.value <= f0 + C1 * t.step * d0;
  const curvature = (t: Trial): boolean => Math.abs(t.slope) <= -C2 * d0;

  const zero: Trial = { step: 0, value: f0, slope: d0, point: { step: 0, x, at: input.at } };
  let prev = zero;
  let step = input.initialStep;
  for (let i = 0; i < MAX_STEPS; i++) {
    const t = probe(step);
    if (!sufficient(t) || (i > 0 && t.value >= prev.value)) return zoom(prev, t);
    if (curvature(t)) return t.point;
    if (t.slope >= 0) return zoom(t, prev);
    prev = t;
    step *= 2;
  }
  return prev.step > 0 ? prev.point : undefined;

  function zoom(loIn: Trial, hiIn: Trial): LinePoint | undefined {
    let lo = loIn;
    let hi = hiIn;
    for (let i = 0; i < MAX_ZOOM; i++) {
      const width = hi.step - lo.step;
      let step = lo.step + width / 2;
      if (Number.isFinite(hi.value)) {
        // Minimiser of the quadratic through (lo.value, lo.slope) and hi.value.
        const denom = 2 * (hi.value - lo.value - lo.slope * width);
        if (denom > 0) step = lo.step - (lo.slope * width * width) / denom;
      }
      const a = Math.min(lo.step, hi.step);
      const b = Math.max(lo.step, hi.step);
      const margin = 0.1 * (b - a);
      if (!(step >= a + margin && step <= b - margin)) step = (a + b) / 2;
      const t = probe(step);
      if (!sufficient(t) || t.value >= lo.value) {
        hi = t;
      } else {
        if (curvature(t)) return t.point;
        if (t.slope * (hi.step - lo.step) >= 0) hi = lo;
        lo = t;
      }
      if (Math.abs(hi.step - lo.step) <= 1e-14 * Math.max(1, Math.abs(lo.step))) break;
    }
    return lo.step > 0 ? lo.point : undefined;
  }
}

export function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}
