import type { BgnbdParams } from './bgnbd-likelihood.ts';
import { bgnbdNegLogLikelihood } from './bgnbd-likelihood.ts';
import type { CbsRow } from './cbs.ts';
import { groupCbs } from './cbs-groups.ts';
import { ClvError } from './clv-error.ts';
import { fitLogParams } from './fit-log-params.ts';

export interface BgnbdFit {
  readonly params: BgnbdParams;
  readonly logLikelihood: number;
  readonly converged: boolean;
  readonly evaluations: number;
  readonly method: string;
  readonly customers: number;
}

/** Starting points (r, α, a, b): BTYD's default (1, 1, 1, 1) and one scaled to the data's time unit. */
function startingPoints(rows: readonly CbsRow[]): number[][] {
  const meanT = rows.reduce((s, c) => s + c.tCal, 0) / rows.length;
  const meanX = rows.reduce((s, c) => s + c.x, 0) / rows.length;
  const rate = Math.max(meanX / Math.max(meanT, 1e-9), 1e-6);
  return [
    [1, Math.max(meanT, 1e-3) / 4, 1, 1],
    [0.5, 0.5 / rate, 1, 3],
  ];
}

/**
 * Maximum-likelihood BG/NBD fit (Fader, Hardie & Lee 2005). On Hardie's CDNOW sample it returns
 * r = 0.243, α = 4.414, a = 0.793, b = 2.426, ln L = −9582.4.
 */
export function fitBgnbd(rows: readonly CbsRow[]): BgnbdFit {
  if (rows.length === 0) throw new ClvError('NO_CUSTOMERS', 'BG/NBD needs at least one customer');
  const groups = groupCbs(rows);
  const fit = fitLogParams({ objective: (t) => bgnbdNegLogLikelihood(t, groups), starts: startingPoints(rows) });
  const [r, alpha, a, b] = fit.params;
  if (r === undefined || alpha === undefined || a === undefined || b === undefined) {
    throw new ClvError('FIT_FAILED', 'BG/NBD likelihood was not finite at any starting point');
  }
  return {
    params: { r, alpha, a, b },
    logLikelihood: -fit.negLogLikelihood,
    converged: fit.converged,
    evaluations: fit.evaluations,
    method: fit.method,
    customers: rows.length,
  };
}

/** Beyond this, a + b means the dropout probability collapsed onto one value (the optimiser ran off to infinity). */
export const DEGENERATE_AB = 1e4;

/**
 * Why a BG/NBD fit is unusable, or undefined when it is usable: a parameter that is not a finite
 * positive number. A large a + b is not refused here (see `homogeneousDropout`).
 */
export function degenerateReason(p: BgnbdParams): string | undefined {
  const values = [p.r, p.alpha, p.a, p.b];
  if (!values.every((v) => Number.isFinite(v) && v > 0)) return 'a parameter is not a finite positive number';
  return undefined;
}

/**
 * a + b beyond `DEGENERATE_AB`: the likelihood is highest where the Beta mixing distribution is a
 * point mass, i.e. every customer drops out after a purchase with the same probability
 * p = a / (a + b) (a small sample may not support heterogeneity in dropout). Returns that limit
 * with a + b held at `DEGENERATE_AB` (numerically a point mass, the same p), or undefined.
 * An observation window extending past the data also drives a + b off; callers cut the window first.
 */
export function homogeneousDropout(p: BgnbdParams): { params: BgnbdParams; dropout: number } | undefined {
  if (!(p.a + p.b > DEGENERATE_AB)) return undefined;
  const dropout = p.a / (p.a + p.b);
  return { params: { ...p, a: dropout * DEGENERATE_AB, b: (1 - dropout) * DEGENERATE_AB }, dropout };
}
