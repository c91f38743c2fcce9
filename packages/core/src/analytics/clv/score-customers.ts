import type { BgnbdParams } from './bgnbd-likelihood.ts';
import { bgnbdConditionalExpectedPurchases, bgnbdProbabilityAlive } from './bgnbd-predict.ts';
import type { CbsRow } from './cbs.ts';
import { computeClv } from './compute-clv.ts';
import { conditionalExpectedSpend, type GammaGammaParams } from './gamma-gamma.ts';

export interface CustomerScore {
  readonly customerId: string;
  readonly pAlive: number;
  /** Expected purchases in each requested horizon, same order as `horizons`. */
  readonly expectedPurchases: readonly number[];
  /** Gamma-Gamma expected value of one transaction (undefined without a spend model). */
  readonly expectedSpend?: number;
  /** Expected spend over `clvHorizon` (undefined without a spend model). */
  readonly clv?: number;
}

/**
 * Scores every customer of a CBS table with fitted BG/NBD (and optionally Gamma-Gamma) parameters.
 * Horizons are in the CBS time unit.
 */
export function scoreCustomers(input: {
  rows: readonly CbsRow[];
  bgnbd: BgnbdParams;
  gammaGamma?: GammaGammaParams;
  horizons: readonly number[];
  clvHorizon?: number;
  discount?: { readonly annualRate: number; readonly unitsPerYear: number; readonly steps?: number };
}): CustomerScore[] {
  const { bgnbd, gammaGamma, horizons } = input;
  return input.rows.map((c) => {
    const expected = (t: number): number => bgnbdConditionalExpectedPurchases(bgnbd, c, t);
    const base = {
      customerId: c.customerId,
      pAlive: bgnbdProbabilityAlive(bgnbd, c),
      expectedPurchases: horizons.map(expected),
    };
    if (!gammaGamma) return base;
    const expectedSpend = conditionalExpectedSpend(gammaGamma, c);
    if (input.clvHorizon === undefined) return { ...base, expectedSpend };
    const clv = computeClv({
      expectedPurchases: expected,
      expectedSpend,
      horizon: input.clvHorizon,
      ...(input.discount ? { discount: input.discount } : {}),
    });
    return { ...base, expectedSpend, clv };
  });
}
