import { readFileSync } from 'node:fs';
import { fitBgnbd } from '@dalbit/core/analytics/clv/fit-bgnbd';
import { fitGammaGamma } from '@dalbit/core/analytics/clv/fit-gamma-gamma';
import { parseCbsCsv } from '@dalbit/core/analytics/clv/parse-cbs-csv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeWarehouseClv, refreshClvScores, storeClvScores } from '../../../src/analytics/clv/warehouse-clv.ts';
import type { Engine } from '../../../src/engines/engine.ts';
import { type EngineKind, openMemoryWarehouse } from '../../../src/engines/open-engine.ts';
import { insertRows } from '../../support/insert-rows.ts';
import { AS_OF, cdnowOrders, DATA } from './cdnow-orders-fixture.ts';

// The CDNOW 1/10 sample event log (Hardie, brucehardie.com; test-data/cdnow) loaded as warehouse
// orders: the warehouse fit as of 1997-10-01 must equal the fit on Hardie's published CBS file
// (calibration 1997-01-01..1997-09-30), whose BG/NBD estimates are r = 0.243, α = 4.414, a = 0.793, b = 2.426.
const fileRows = (() => {
  const parsed = parseCbsCsv(readFileSync(new URL('cdnow_sample_cbs.csv', DATA), 'utf8'));
  if (!parsed.ok) throw new Error('bad fixture');
  return parsed.rows;
})();

for (const kind of ['duckdb', 'chdb'] as const satisfies readonly EngineKind[]) {
  describe(`${kind}: warehouse CLV on CDNOW orders`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await openMemoryWarehouse(kind);
      await insertRows(engine, 'orders', cdnowOrders());
    });
    afterAll(async () => engine.close());

    it('fits the same BG/NBD and Gamma-Gamma as the file, and stores a score per customer', async () => {
      const run = await computeWarehouseClv(engine, AS_OF);
      expect(run.cbs.length).toBe(2357);
      const file = fitBgnbd(fileRows);
      for (const k of ['r', 'alpha', 'a', 'b'] as const) {
        expect(run.bgnbd.params[k]).toBeCloseTo(file.params[k], 5);
      }
      expect(run.bgnbd.logLikelihood).toBeCloseTo(file.logLikelihood, 6);
      expect(Number(run.bgnbd.params.r.toPrecision(3))).toBe(0.243);
      // Spend is in cents here, so γ scales by 100 and p, q are unchanged (6.25, 3.74, 15.44 in dollars).
      const gg = fitGammaGamma(fileRows);
      expect(run.gammaGamma?.params.p).toBeCloseTo(gg.params.p, 4);
      expect(run.gammaGamma?.params.q).toBeCloseTo(gg.params.q, 4);
      expect((run.gammaGamma?.params.gamma ?? 0) / 100).toBeCloseTo(gg.params.gamma, 3);

      expect(await storeClvScores(engine, run)).toBe(2357);
      const stored = await engine.query<{
        customer_id: string;
        p_alive: number;
        expected_purchases_30d: number;
        expected_purchases_90d: number;
        expected_spend: number;
        clv_1y: number;
        as_of: Date;
      }>(`SELECT * FROM clv_scores ORDER BY customer_id`);
      expect(stored.length).toBe(2357);
      expect(stored.some((s) => s.customer_id === '9999')).toBe(false);
      const one = stored.find((s) => s.customer_id === '1');
      expect(one?.as_of.toISOString()).toBe('1997-09-30T15:00:00.000Z');
      // Customer 1 of Hardie's CBS: x = 2, t.x = 30.43, T = 38.86; p_alive from the published formula.
      const b = run.bgnbd.params;
      const odds = (b.a / (b.b + 1)) * ((b.alpha + 272 / 7) / (b.alpha + 213 / 7)) ** (b.r + 2);
      expect(one?.p_alive).toBeCloseTo(1 / (1 + odds), 9);
      for (const s of stored) {
        expect(s.p_alive).toBeGreaterThan(0);
        expect(s.p_alive).toBeLessThanOrEqual(1);
        expect(s.expected_purchases_90d).toBeGreaterThan(s.expected_purchases_30d);
        expect(s.clv_1y).toBeGreaterThan(s.expected_spend * s.expected_purchases_90d);
      }

      // The refresh's path (scores back from the worker as columns, stored slice by slice) stores
      // the same rows to the last bit.
      expect(await refreshClvScores(engine, AS_OF)).toBe(2357);
      expect(await engine.query('SELECT * FROM clv_scores ORDER BY customer_id')).toEqual(stored);
    });
  });
}
