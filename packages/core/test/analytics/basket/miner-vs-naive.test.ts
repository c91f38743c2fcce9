// The fast miner against an independent level-wise Apriori (naive-miner.ts), on Groceries
// (arules, Hahsler et al. 2006), on its level2 categories, and on random baskets.
import { aggregateTransactions } from '@dalbit/core/analytics/basket/aggregate-items';
import { mineFrequentItemsets } from '@dalbit/core/analytics/basket/mine-itemsets';
import { mineRules } from '@dalbit/core/analytics/basket/mine-rules';
import { buildTransactionsFromBaskets, type Transactions } from '@dalbit/core/analytics/basket/transactions';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groceries, readGroceryHierarchy } from './groceries-fixture.ts';
import { naiveFrequentItemsets, naiveRules } from './naive-miner.ts';

function labelsOf(tx: Transactions): string[][] {
  return tx.baskets.map((b) => Array.from(b, (i) => tx.items[i] ?? ''));
}

function itemsetKeys(tx: Transactions, support: number, maxlen = 10): string[] {
  return mineFrequentItemsets(tx, { support, maxlen })
    .itemsets.map(
      (s) =>
        `${s.items
          .map((i) => tx.items[i])
          .sort()
          .join('|')}#${s.count}`,
    )
    .sort();
}

function ruleKeys(
  tx: Transactions,
  opts: { support: number; confidence: number; minlen?: number; maxlen?: number },
): string[] {
  return mineRules(tx, opts)
    .rules.map(
      (r) =>
        `${r.lhs
          .map((i) => tx.items[i])
          .sort()
          .join('|')}=>${tx.items[r.rhs]}#${r.count}`,
    )
    .sort();
}

describe('miner agrees with a naive Apriori', () => {
  it('Groceries, supp 0.01: every itemset and rule', () => {
    const tx = groceries();
    const naive = naiveFrequentItemsets(labelsOf(tx), 99);
    expect(itemsetKeys(tx, 0.01)).toEqual(naive.map((s) => `${s.items.join('|')}#${s.count}`).sort());
    const rules = naiveRules(naive, tx.baskets.length, 0.3);
    expect(ruleKeys(tx, { support: 0.01, confidence: 0.3 })).toEqual(
      rules.map((r) => `${r.lhs.join('|')}=>${r.rhs}#${r.count}`).sort(),
    );
  });

  it('category level (Groceries level2 hierarchy), supp 0.02 / conf 0.4', () => {
    const hierarchy = readGroceryHierarchy();
    const { transactions: cat, issues } = aggregateTransactions(
      groceries(),
      new Map(hierarchy.map((h) => [h.labels, h.level2])),
    );
    expect(issues).toEqual([]);
    expect(cat.items.length).toBe(new Set(hierarchy.map((h) => h.level2)).size);
    const naive = naiveFrequentItemsets(labelsOf(cat), Math.ceil(0.02 * 9835));
    expect(itemsetKeys(cat, 0.02)).toEqual(naive.map((s) => `${s.items.join('|')}#${s.count}`).sort());
    const rules = naiveRules(naive, 9835, 0.4, 2, 3);
    expect(ruleKeys(cat, { support: 0.02, confidence: 0.4, minlen: 2, maxlen: 3 })).toEqual(
      rules.map((r) => `${r.lhs.join('|')}=>${r.rhs}#${r.count}`).sort(),
    );
  });

  it('random baskets: itemsets and rules for any support, confidence and length bounds', () => {
    const basket = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), {
      minLength: 1,
      maxLength: 7,
    });
    fc.assert(
      fc.property(
        fc.array(basket, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 6 }),
        (baskets, pct, confidence, minlen, maxlen) => {
          const tx = buildTransactionsFromBaskets(baskets);
          const support = pct / 20;
          const minCount = Math.ceil(Number((support * baskets.length).toPrecision(12)));
          const naive = naiveFrequentItemsets(labelsOf(tx), minCount, maxlen);
          expect(itemsetKeys(tx, support, maxlen)).toEqual(naive.map((s) => `${s.items.join('|')}#${s.count}`).sort());
          const rules = naiveRules(naive, baskets.length, confidence, minlen, maxlen);
          expect(ruleKeys(tx, { support, confidence, minlen, maxlen })).toEqual(
            rules.map((r) => `${r.lhs.join('|')}=>${r.rhs}#${r.count}`).sort(),
          );
        },
      ),
      { numRuns: 300, seed: 20240601 },
    );
  });
});
