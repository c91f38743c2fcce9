import { isoDateToKstDay } from '@dalbit/core/time/kst';
import { describe, expect, it } from 'vitest';
import { computeWarehouseRfm, refreshRfmScores, storeRfmScores } from '../../../src/analytics/rfm/warehouse-rfm.ts';
import { type EngineKind, openMemoryWarehouse } from '../../../src/engines/open-engine.ts';
import { insertRows } from '../../support/insert-rows.ts';
import { orderRow } from '../../support/warehouse-rows.ts';

const order = (id: string, customer: string | null, at: string, status: string, paid: number) =>
  orderRow({ id, customer, at, status, gross: paid });

// As of 2024-03-10 KST (= orders before 2024-03-09T15:00Z). Hand-computed:
//   c1: paid 03-09 23:59 KST (14:59Z) + 03-01 → recency 1, F 2, M 30000
//   c2: paid 03-05 KST, cancelled 03-09 (ignored) → recency 5, F 1, M 50000
//   c3: paid 2024-01-10 KST → recency 60, F 1, M 5000; a paid order 03-10 00:30 KST is after as-of
//   c4: paid 02-20 ×3 orders → recency 19, F 3, M 9000
//   c5: paid 2023-03-01 → recency 375 (outside a 90-day window)
// NTILE(5) over 5 customers: one per quintile.
//   recency asc: c1 1, c2 5, c4 19, c3 60, c5 375 → r 5,4,3,2,1
//   frequency asc, id: c2(1) c3(1) c5(1) c1(2) c4(3) → f 1,2,3,4,5
//   monetary asc: c3 5000, c4 9000, c5 20000, c1 30000, c2 50000 → m 1,2,3,4,5
const ORDERS = [
  order('o1', 'c1', '2024-03-09T14:59:00Z', 'paid', 10000),
  order('o2', 'c1', '2024-03-01T03:00:00Z', 'paid', 20000),
  order('o3', 'c2', '2024-03-05T03:00:00Z', 'paid', 50000),
  order('o4', 'c2', '2024-03-09T03:00:00Z', 'cancelled', 99000),
  order('o5', 'c3', '2024-01-10T03:00:00Z', 'paid', 5000),
  order('o6', 'c3', '2024-03-09T15:30:00Z', 'paid', 7000),
  order('o7', 'c4', '2024-02-20T01:00:00Z', 'paid', 3000),
  order('o8', 'c4', '2024-02-20T02:00:00Z', 'paid', 3000),
  order('o9', 'c4', '2024-02-20T03:00:00Z', 'paid', 3000),
  order('o10', 'c5', '2023-03-01T03:00:00Z', 'paid', 20000),
  order('o11', null, '2024-03-01T03:00:00Z', 'paid', 1000),
];

for (const kind of ['duckdb', 'chdb'] as EngineKind[]) {
  describe(`${kind}: warehouse RFM`, () => {
    it('scores paid orders before the KST as-of day and stores rfm_scores', async () => {
      const engine = await openMemoryWarehouse(kind);
      try {
        await insertRows(engine, 'orders', ORDERS);
        const asOfDay = isoDateToKstDay('2024-03-10') as number;
        const scores = await computeWarehouseRfm(engine, { asOfDay });
        const got = Object.fromEntries(
          scores.map((s) => [s.customerId, [s.recencyDays, s.frequency, s.monetary, `${s.r}${s.f}${s.m}`, s.segment]]),
        );
        expect(got).toEqual({
          c1: [1, 2, 30000, '544', 'champions'],
          c2: [5, 1, 50000, '415', 'promising'],
          c4: [19, 3, 9000, '352', 'potential_loyalists'],
          c3: [60, 1, 5000, '221', 'about_to_sleep'],
          c5: [375, 1, 20000, '133', 'at_risk'],
        });
        await storeRfmScores(engine, scores, asOfDay);
        await storeRfmScores(engine, scores, asOfDay); // replaces, does not append
        const stored = await engine.query(
          'SELECT customer_id, as_of, r_score, f_score, m_score, segment FROM rfm_scores ORDER BY customer_id',
        );
        expect(stored).toHaveLength(5);
        expect(stored[0]).toEqual({
          customer_id: 'c1',
          as_of: new Date('2024-03-09T15:00:00Z'),
          r_score: 5,
          f_score: 4,
          m_score: 4,
          segment: 'champions',
        });

        // The refresh's path (columns, rows appended slice by slice) stores the same rows.
        const all = 'SELECT * FROM rfm_scores ORDER BY customer_id';
        const before = await engine.query(all);
        expect(await refreshRfmScores(engine, asOfDay)).toBe(5);
        expect(await engine.query(all)).toEqual(before);

        const windowed = await computeWarehouseRfm(engine, { asOfDay, windowDays: 90 });
        expect(windowed.map((s) => s.customerId).sort()).toEqual(['c1', 'c2', 'c3', 'c4']);
      } finally {
        await engine.close();
      }
    });
  });
}
