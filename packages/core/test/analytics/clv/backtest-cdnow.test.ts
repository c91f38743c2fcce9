import { describe, expect, it } from 'vitest';
import { backtestHoldout } from '../../../src/analytics/clv/backtest-holdout.ts';
import { bgnbdConditionalExpectedPurchases } from '../../../src/analytics/clv/bgnbd-predict.ts';
import { buildCbs } from '../../../src/analytics/clv/build-cbs.ts';
import { fitBgnbd } from '../../../src/analytics/clv/fit-bgnbd.ts';
import { daysFromCivil } from '../../../src/time/kst.ts';
import { loadCdnowCbs, loadGroceryElog } from './cdnow-fixture.ts';

// Holdout backtest on the CDNOW sample (39-week calibration, 39-week holdout; Hardie's x.star).
// FHL (2005, Fig. 3) show BG/NBD tracking cumulative repeat sales closely, slightly under in the
// holdout; the bounds below fail if predictions drift by more than 15 % or stop ranking customers.
describe('holdout backtest', () => {
  it('CDNOW: total holdout purchases within 15 % and the top decile buys > 3.5× the average', () => {
    const rows = loadCdnowCbs();
    const { params } = fitBgnbd(rows);
    const bt = backtestHoldout(
      rows.map((c) => ({
        customerId: c.customerId,
        actual: c.xStar ?? 0,
        predicted: bgnbdConditionalExpectedPurchases(params, c, 39),
      })),
    );
    expect(bt.actualTotal).toBe(1882);
    expect(Math.abs(bt.totalRatio - 1)).toBeLessThan(0.15);
    expect(bt.topDecileCustomers).toBe(236);
    expect(bt.topDecileLift).toBeGreaterThan(3.5);
  });

  it('online grocer (BTYDplus groceryElog): 2006 calibration, 2007 holdout — fit converges, ranking holds', () => {
    const cbs = buildCbs({
      purchases: loadGroceryElog(),
      calibrationEndDay: daysFromCivil(2006, 12, 31),
      holdoutEndDay: daysFromCivil(2007, 12, 31),
    });
    expect(cbs.length).toBe(1525);
    const fit = fitBgnbd(cbs);
    expect(fit.converged).toBe(true);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    const bt = backtestHoldout(
      cbs.map((c) => ({
        customerId: c.customerId,
        actual: c.xStar ?? 0,
        predicted: bgnbdConditionalExpectedPurchases(fit.params, c, 52),
      })),
    );
    expect(Math.abs(bt.totalRatio - 1)).toBeLessThan(0.3);
    expect(bt.topDecileLift).toBeGreaterThan(3);
  });
});
