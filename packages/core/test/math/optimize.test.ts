import { describe, expect, it } from 'vitest';
import { minimizeBfgs } from '../../src/math/optimize/bfgs.ts';
import { minimizeNelderMead } from '../../src/math/optimize/nelder-mead.ts';
import { gaussLegendre } from '../../src/math/quadrature/gauss-legendre.ts';

// Rosenbrock's function: the standard hard test of unconstrained minimisers (minimum 0 at (1, 1)).
const rosenbrock = ([x = 0, y = 0]: readonly number[]) => ({
  value: 100 * (y - x * x) ** 2 + (1 - x) ** 2,
  gradient: [-400 * x * (y - x * x) - 2 * (1 - x), 200 * (y - x * x)],
});

describe('minimisers', () => {
  it('BFGS finds the Rosenbrock minimum from (−1.2, 1)', () => {
    const r = minimizeBfgs({ objective: rosenbrock, start: [-1.2, 1] });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
  });
  it('BFGS backs off from steps where the function is not finite', () => {
    // f = x − ln x has its minimum at 1 and is NaN for x ≤ 0; a long first step lands there.
    const r = minimizeBfgs({
      objective: ([x = 0]) => ({ value: x - Math.log(x), gradient: [1 - 1 / x] }),
      start: [20],
    });
    expect(r.x[0]).toBeCloseTo(1, 6);
  });
  it('Nelder–Mead with restarts finds the Rosenbrock minimum', () => {
    const r = minimizeNelderMead({ objective: (x) => rosenbrock(x).value, start: [-1.2, 1], valueTolerance: 1e-14 });
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
  });
  it('reports a start outside the domain', () => {
    expect(minimizeBfgs({ objective: () => ({ value: Number.NaN, gradient: [0] }), start: [0] }).reason).toBe(
      'start-not-finite',
    );
  });
});

describe('Gauss–Legendre', () => {
  it('has the textbook 2-point nodes ±1/√3 and integrates degree 2n − 1 exactly', () => {
    expect(gaussLegendre(2).nodes[1]).toBeCloseTo(1 / Math.sqrt(3), 15);
    for (const n of [3, 8, 20]) {
      const { nodes, weights } = gaussLegendre(n);
      const deg = 2 * n - 2; // even power: ∫_{−1}^{1} x^d dx = 2/(d + 1)
      const sum = nodes.reduce((s, x, i) => s + (weights[i] ?? 0) * x ** deg, 0);
      expect(sum).toBeCloseTo(2 / (deg + 1), 13);
    }
  });
});
