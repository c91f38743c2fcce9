import { ClvError } from './clv-error.ts';
import { fitLogParams } from './fit-log-params.ts';
import { type GammaGammaParams, gammaGammaNegLogLikelihood, type SpendSummary, spendTable } from './gamma-gamma.ts';

export interface GammaGammaFit {
  readonly params: GammaGammaParams;
  readonly logLikelihood: number;
  readonly converged: boolean;
  readonly evaluations: number;
  /** Customers used: those with x > 0 and a positive mean spend. */
  readonly customers: number;
}

/**
 * Maximum-likelihood Gamma-Gamma fit on customers with at least one repeat transaction. On
 * Hardie's CDNOW sample (m.x = mean repeat spend) it returns p = 6.25, q = 3.74, γ = 15.44.
 */
export function fitGammaGamma(summaries: readonly { x: number; mx?: number }[]): GammaGammaFit {
  const data: SpendSummary[] = summaries.flatMap((s) =>
    s.x > 0 && (s.mx ?? 0) > 0 ? [{ x: s.x, mx: s.mx ?? 0 }] : [],
  );
  if (data.length < 2)
    throw new ClvError('NO_REPEAT_SPEND', 'Gamma-Gamma needs at least two customers with repeat purchases and spend');
  const meanSpend = data.reduce((s, d) => s + d.mx, 0) / data.length;
  const table = spendTable(data);
  const fit = fitLogParams({
    objective: (t) => gammaGammaNegLogLikelihood(t, table),
    starts: [
      [1, 1, 1],
      [2, 3, meanSpend],
    ],
  });
  const [p, q, gamma] = fit.params;
  if (p === undefined || q === undefined || gamma === undefined) {
    throw new ClvError('FIT_FAILED', 'Gamma-Gamma likelihood was not finite at any starting point');
  }
  return {
    params: { p, q, gamma },
    logLikelihood: -fit.negLogLikelihood,
    converged: fit.converged,
    evaluations: fit.evaluations,
    customers: data.length,
  };
}
