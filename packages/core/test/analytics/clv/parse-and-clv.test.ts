import { describe, expect, it } from 'vitest';
import { computeClv } from '../../../src/analytics/clv/compute-clv.ts';
import { parseCbsCsv } from '../../../src/analytics/clv/parse-cbs-csv.ts';
import { scoreCustomers } from '../../../src/analytics/clv/score-customers.ts';

describe('parseCbsCsv', () => {
  it("reads Hardie's quoted header, ignores x.star when asked to score", () => {
    const r = parseCbsCsv('"cust","x","t.x","T.cal","x.star","m.x"\n1,2,30.43,38.86,1,22.345\n2,0,0,38.86,0,0\n');
    expect(r).toEqual({
      ok: true,
      rows: [
        { customerId: '1', x: 2, tx: 30.43, tCal: 38.86, xStar: 1, mx: 22.345 },
        { customerId: '2', x: 0, tx: 0, tCal: 38.86, xStar: 0, mx: 0 },
      ],
    });
  });
  it('collects every bad cell with its line and column', () => {
    const r = parseCbsCsv('cust,x,t.x,T.cal\n1,two,3,4\n2,1,5,4\n3,1,2,\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      { line: 2, column: 'x', message: "not a number: 'two'" },
      { line: 4, column: 'T.cal', message: "not a number: ''" },
      { line: 3, message: '2: need 0 < t.x ≤ T.cal when x > 0 (t.x = 5, T.cal = 4)' },
    ]);
  });
  it('names missing columns', () => {
    const r = parseCbsCsv('id,x\n1,2\n');
    expect(r.ok).toBe(false);
  });
  it('reports an unterminated quote with the line it opens on', () => {
    const r = parseCbsCsv('cust,x,t.x,T.cal\n1,2,30.43,38.86\n"2,0,0,38.86\n');
    expect(r).toEqual({ ok: false, issues: [{ line: 3, message: 'unterminated quoted field' }] });
  });
});

describe('computeClv', () => {
  it('without discount = purchases × spend; with discount = the discounted sum of slices', () => {
    const linear = (t: number): number => t / 4; // one purchase every 4 weeks
    expect(computeClv({ expectedPurchases: linear, expectedSpend: 100, horizon: 52 })).toBeCloseTo(1300, 10);
    const discounted = computeClv({
      expectedPurchases: linear,
      expectedSpend: 100,
      horizon: 52,
      discount: { annualRate: 0.1, unitsPerYear: 52, steps: 4 },
    });
    const byHand = [13, 26, 39, 52].reduce((s, t) => s + (13 / 4) * 100 * 1.1 ** -(t / 52), 0);
    expect(discounted).toBeCloseTo(byHand, 10);
  });
  it('scores carry P(alive), horizons and CLV', () => {
    const [s] = scoreCustomers({
      rows: [{ customerId: '1', x: 2, tx: 30.43, tCal: 38.86, mx: 22.345 }],
      bgnbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
      gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 },
      horizons: [39],
      clvHorizon: 39,
    });
    expect(s?.expectedPurchases[0]).toBeCloseTo(1.226, 3);
    expect(s?.clv).toBeCloseTo((s?.expectedPurchases[0] ?? 0) * (s?.expectedSpend ?? 0), 10);
  });
});
