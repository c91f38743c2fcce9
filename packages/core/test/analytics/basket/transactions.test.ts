import { toTransactionRows } from '@dalbit/core/analytics/basket/basket-level';
import { formatRNumber } from '@dalbit/core/analytics/basket/format-rules';
import { minCountFor } from '@dalbit/core/analytics/basket/min-count';
import { buildTransactions, inferItemOrder } from '@dalbit/core/analytics/basket/transactions';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('transactions', () => {
  it('groups rows, drops duplicates within a basket, keeps labels byte-exact', () => {
    const tx = buildTransactions([
      { transactionId: 't1', item: 'b' },
      { transactionId: 't1', item: 'cream cheese ' },
      { transactionId: 't2', item: 'b' },
      { transactionId: 't1', item: 'b' },
    ]);
    expect(tx.ids).toEqual(['t1', 't2']);
    expect(tx.items).toEqual(['b', 'cream cheese ']);
    expect(tx.baskets.map((b) => Array.from(b))).toEqual([[0, 1], [0]]);
  });

  it('infers the item order the baskets list (topological, first appearance breaks ties)', () => {
    expect(
      inferItemOrder([
        ['x', 'z'],
        ['y', 'z'],
        ['w', 'x', 'y'],
      ]),
    ).toEqual(['w', 'x', 'y', 'z']);
    // contradictory orders still give every item once
    expect(inferItemOrder([['a', 'b'], ['b', 'a'], ['c']]).sort()).toEqual(['a', 'b', 'c']);
  });

  it('the inferred order agrees with every basket listed in a common order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 30,
        }),
        (baskets) => {
          const labelled = baskets.map((b) =>
            [...b].sort((x, y) => x - y).map((i) => `item${String(i).padStart(2, '0')}`),
          );
          const order = inferItemOrder(labelled);
          const pos = new Map(order.map((l, i) => [l, i]));
          expect(order.length).toBe(new Set(labelled.flat()).size);
          for (const b of labelled)
            for (let i = 1; i < b.length; i++) expect(pos.get(b[i - 1] ?? '')).toBeLessThan(pos.get(b[i] ?? '') ?? -1);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });

  it('order level vs customer level', () => {
    const lines = [
      { orderId: 'o1', customerId: 'c1', item: 'p1' },
      { orderId: 'o2', customerId: 'c1', item: 'p2' },
      { orderId: 'o3', customerId: null, item: 'p3' },
    ];
    expect(buildTransactions(toTransactionRows(lines, 'order')).baskets).toHaveLength(3);
    const c = buildTransactions(toTransactionRows(lines, 'customer'));
    expect(c.ids).toEqual(['c1']);
    expect(c.baskets[0]?.length).toBe(2);
  });

  it('support threshold is ceil(supp × N) without binary-float surprises', () => {
    expect(minCountFor(0.001, 9835)).toBe(10);
    expect(minCountFor(0.01, 9835)).toBe(99);
    expect(minCountFor(0.001, 10000)).toBe(10);
    expect(minCountFor(0.07, 100)).toBe(7); // 0.07 * 100 = 7.000000000000001 in floating point
  });

  it('prints numbers as R write.csv does', () => {
    expect(formatRNumber(0.5)).toBe('0.5');
    expect(formatRNumber(3.0209991343442)).toBe('3.0209991343442');
    expect(formatRNumber(121 / 9835)).toBe('0.0123029994916116');
    expect(formatRNumber(12)).toBe('12');
  });
});
