import { describe, expect, it } from 'vitest';
import { buildCbs } from '../../../src/analytics/clv/build-cbs.ts';
import { daysFromCivil, toKstDay } from '../../../src/time/kst.ts';
import { CDNOW_CALIBRATION_END, CDNOW_HOLDOUT_END, loadCdnowCbs, loadCdnowElog } from './cdnow-fixture.ts';

// Reference: Hardie's CBS of the CDNOW sample (cdnow_sample_cbs.csv) built from the same event log
// (cdnow_sample_elog.csv): 39-week calibration 1997-01-01..1997-09-30, 39-week holdout to 1998-06-30.
describe('buildCbs', () => {
  it("rebuilds Hardie's CDNOW CBS exactly from the event log", () => {
    const built = buildCbs({
      purchases: loadCdnowElog(),
      calibrationEndDay: CDNOW_CALIBRATION_END,
      holdoutEndDay: CDNOW_HOLDOUT_END,
    });
    const published = loadCdnowCbs();
    expect(built.length).toBe(published.length);
    built.forEach((b, i) => {
      const p = published[i];
      expect(b.customerId).toBe(p?.customerId);
      expect(b.x).toBe(p?.x);
      expect(b.xStar).toBe(p?.xStar);
      expect(b.tx).toBeCloseTo(p?.tx ?? Number.NaN, 9);
      expect(b.tCal).toBeCloseTo(p?.tCal ?? Number.NaN, 9);
      expect(b.mx).toBeCloseTo(p?.mx ?? Number.NaN, 9);
    });
  });

  it('merges same-day purchases, skips customers who start after calibration, counts the holdout', () => {
    const rows = buildCbs({
      purchases: [
        { customerId: 'a', day: 0, amount: 5 },
        { customerId: 'a', day: 0, amount: 5 }, // same day: one purchase
        { customerId: 'a', day: 7, amount: 10 },
        { customerId: 'a', day: 7, amount: 20 },
        { customerId: 'a', day: 21, amount: 12 },
        { customerId: 'a', day: 40, amount: 1 }, // holdout
        { customerId: 'a', day: 90, amount: 1 }, // after the holdout
        { customerId: 'b', day: 30, amount: 9 }, // first purchase after calibration
        { customerId: 'c', day: 28, amount: 9 },
      ],
      calibrationEndDay: 28,
      holdoutEndDay: 56,
    });
    expect(rows).toEqual([
      { customerId: 'a', x: 2, tx: 3, tCal: 4, xStar: 1, mx: 21 },
      { customerId: 'c', x: 0, tx: 0, tCal: 0, xStar: 0, mx: 0 },
    ]);
  });

  it('reads days in Asia/Seoul: 2024-03-01 23:30 KST is still March 1', () => {
    expect(toKstDay(new Date('2024-03-01T14:30:00Z'))).toBe(daysFromCivil(2024, 3, 1));
    expect(toKstDay(new Date('2024-03-01T15:00:00Z'))).toBe(daysFromCivil(2024, 3, 2));
  });
});
