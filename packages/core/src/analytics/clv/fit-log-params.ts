import { minimizeBfgs } from '../../math/optimize/bfgs.ts';
import { minimizeNelderMead } from '../../math/optimize/nelder-mead.ts';
import type { DifferentiableObjective } from '../../math/optimize/types.ts';

export interface LogParamFit {
  /** Fitted parameters on the natural scale. */
  readonly params: readonly number[];
  readonly negLogLikelihood: number;
  readonly converged: boolean;
  readonly evaluations: number;
  /** 'bfgs' when BFGS reached the gradient tolerance from a start; 'nelder-mead+bfgs' when it needed the fallback. */
  readonly method: 'bfgs' | 'nelder-mead+bfgs';
}

/**
 * Maximum likelihood on log-parameters (so every parameter stays positive): BFGS with the analytic
 * gradient from each start; a start where BFGS stalls is handed to Nelder–Mead with restarts and
 * polished by BFGS again. The best optimum over the starts wins.
 */
export function fitLogParams(input: {
  objective: DifferentiableObjective;
  starts: readonly (readonly number[])[];
  gradientTolerance?: number;
}): LogParamFit {
  const gtol = input.gradientTolerance ?? 1e-7;
  let best: LogParamFit | undefined;
  let evaluations = 0;
  for (const start of input.starts) {
    const theta = start.map(Math.log);
    let run = minimizeBfgs({ objective: input.objective, start: theta, gradientTolerance: gtol });
    let method: LogParamFit['method'] = 'bfgs';
    evaluations += run.evaluations;
    if (!run.converged) {
      const nm = minimizeNelderMead({ objective: (t) => input.objective(t).value, start: run.x, step: 0.3 });
      run = minimizeBfgs({ objective: input.objective, start: nm.x, gradientTolerance: gtol });
      evaluations += nm.evaluations + run.evaluations;
      method = 'nelder-mead+bfgs';
    }
    if (!Number.isFinite(run.value)) continue;
    if (!best || run.value < best.negLogLikelihood) {
      best = {
        params: run.x.map(Math.exp),
        negLogLikelihood: run.value,
        converged: run.converged,
        evaluations: 0,
        method,
      };
    }
  }
  if (!best) return { params: [], negLogLikelihood: Number.NaN, converged: false, evaluations, method: 'bfgs' };
  return { ...best, evaluations };
}
