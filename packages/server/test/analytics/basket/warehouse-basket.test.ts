import { isoDateToKstDay } from '@dalbit/core/time/kst';
import { describe, expect, it } from 'vitest';
import {
  latestRelatedProductsRun,
  mineWarehouseRules,
  refreshRelatedProducts,
} from '../../../src/analytics/basket/warehouse-rules.ts';
import { type EngineKind, openMemoryWarehouse } from '../../../src/engines/open-engine.ts';
import { insertRows } from '../../support/insert-rows.ts';
import { orderLineRow } from '../../support/warehouse-rows.ts';

let n = 0;
const line = (
  order: string,
  customer: string | null,
  product: string,
  category: string | null,
  status = 'paid',
  at = '2024-03-01T03:00:00Z',
) => orderLineRow({ id: `l${++n}`, order, customer, at, status, product, category, amount: 1000 });

// Paid orders (N = 5): o1 {A,B} o2 {A,B} o3 {A,B,C} o4 {A} o6 {B}; o5 {C,D} is cancelled.
// supp 0.3 → min count ceil(1.5) = 2: frequent A 4, B 4, {A,B} 3 (C only 1).
// Rules (minlen 2): A => B and B => A, confidence 3/4, lift 0.75 / 0.8 = 0.9375,
// score = lift × confidence = 0.703125. Related: c4 (bought A) → B; c6 (bought B) → A;
// c1..c3 already own both; c5 has no paid line.
const LINES = [
  line('o1', 'c1', 'A', 'snack'),
  line('o1', 'c1', 'B', 'drink'),
  line('o2', 'c2', 'A', 'snack'),
  line('o2', 'c2', 'B', 'drink'),
  line('o3', 'c3', 'A', 'snack'),
  line('o3', 'c3', 'B', 'drink'),
  line('o3', 'c3', 'C', null),
  line('o4', 'c4', 'A', 'snack'),
  line('o5', 'c5', 'C', 'snack', 'cancelled'),
  line('o5', 'c5', 'D', 'drink', 'cancelled'),
  line('o6', 'c6', 'B', 'drink'),
  line('o9', 'c4', 'B', 'drink', 'paid', '2024-03-20T03:00:00Z'), // after the as-of day
];
const asOfDay = isoDateToKstDay('2024-03-10') as number;

for (const kind of ['duckdb', 'chdb'] as EngineKind[]) {
  describe(`${kind}: warehouse basket`, () => {
    it('mines paid order lines and fills related_products with the top consequents', async () => {
      const engine = await openMemoryWarehouse(kind);
      try {
        await insertRows(engine, 'order_items', LINES);
        const rules = { support: 0.3, confidence: 0.5, minlen: 2 };
        const first = new Date('2024-03-10T01:00:00Z');
        const result = await refreshRelatedProducts(engine, { asOfDay, rules, computedBy: 'refresh', now: first });
        expect(result.set.n).toBe(5);
        expect(
          result.set.rules.map((r) => `${result.set.items[r.lhs[0] ?? -1]}=>${result.set.items[r.rhs]}`).sort(),
        ).toEqual(['A=>B', 'B=>A']);
        expect(result.set.rules[0]?.lift).toBeCloseTo(0.9375, 12);
        const rows = await engine.query(
          'SELECT customer_id, rank, product_id, score, as_of FROM related_products ORDER BY customer_id, rank',
        );
        expect(rows).toEqual([
          { customer_id: 'c4', rank: 1, product_id: 'B', score: 0.703125, as_of: new Date('2024-03-09T15:00:00Z') },
          { customer_id: 'c6', rank: 1, product_id: 'A', score: 0.703125, as_of: new Date('2024-03-09T15:00:00Z') },
        ]);
        expect(await latestRelatedProductsRun(engine)).toEqual({
          runAt: first,
          asOf: new Date('2024-03-09T15:00:00Z'),
          computedBy: 'refresh',
          params: { ...rules, level: 'order', itemLevel: 'product', top: 5 },
          rules: 2,
          customers: 2,
          rows: 2,
        });
        // a lift floor of 1 removes both rules and empties the table; the newest run says who did it
        const later = new Date('2024-03-10T02:00:00Z');
        const none = await refreshRelatedProducts(engine, {
          asOfDay,
          rules: { ...rules, lift: 1 },
          computedBy: 'cli',
          now: later,
        });
        expect(none.rows).toBe(0);
        expect(await engine.query('SELECT count(*) AS n FROM related_products')).toEqual([{ n: 0 }]);
        const run = await latestRelatedProductsRun(engine);
        expect(run && { by: run.computedBy, at: run.runAt, lift: run.params.lift, rules: run.rules }).toEqual({
          by: 'cli',
          at: later,
          lift: 1,
          rules: 0,
        });
      } finally {
        await engine.close();
      }
    });

    it('category level skips lines without a category; customer level merges orders', async () => {
      const engine = await openMemoryWarehouse(kind);
      try {
        await insertRows(engine, 'order_items', LINES);
        const cat = await mineWarehouseRules(engine, {
          asOfDay,
          itemLevel: 'category',
          rules: { support: 0.5, confidence: 0.5, minlen: 2 },
        });
        expect(cat.skippedLines).toBe(1);
        expect(cat.set.items.slice().sort()).toEqual(['drink', 'snack']);
        // per customer (as-of 2024-03-25 includes o9): c4 {A,B}; baskets c1..c4 {A,B}(+C), c6 {B} → N 5, {A,B} 4
        const cust = await mineWarehouseRules(engine, {
          asOfDay: isoDateToKstDay('2024-03-25') as number,
          level: 'customer',
          rules: { support: 0.5, confidence: 0.5, minlen: 2 },
        });
        expect(cust.set.n).toBe(5);
        const ab = cust.set.rules.find((r) => cust.set.items[r.rhs] === 'B');
        expect(ab?.count).toBe(4);
        expect(ab?.confidence).toBe(1);
      } finally {
        await engine.close();
      }
    });
  });
}
