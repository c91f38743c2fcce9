// Reference: R package arules 1.7-10 `apriori` on its Groceries data (Hahsler, Hornik & Reutterer
// 2006); rule file and counts from test-data/groceries/README.md.
import { readFileSync } from 'node:fs';
import { formatItemset, formatRNumber, formatRulesCsv } from '@dalbit/core/analytics/basket/format-rules';
import { mineFrequentItemsets } from '@dalbit/core/analytics/basket/mine-itemsets';
import { mineRules } from '@dalbit/core/analytics/basket/mine-rules';
import { describe, expect, it } from 'vitest';
import { GROCERIES_DIR, groceries, readCsv } from './groceries-fixture.ts';

const reference = readCsv(readFileSync(new URL('rules_supp0.01_conf0.5.arules.csv', GROCERIES_DIR), 'utf8'));

describe('Groceries: rules equal arules apriori', () => {
  it('reads 9,835 baskets of 169 items with byte-exact labels', () => {
    const tx = groceries();
    expect(tx.baskets.length).toBe(9835);
    expect(tx.items.length).toBe(169);
    expect(tx.items).toContain('cream cheese ');
    expect(tx.items).toContain('roll products ');
  });

  it('supp 0.01 / conf 0.5: the same 15 rules with the same measures', () => {
    const set = mineRules(groceries(), { support: 0.01, confidence: 0.5 });
    const ours = new Map(
      set.rules.map((r) => [`${formatItemset(set.items, r.lhs)} => ${formatItemset(set.items, [r.rhs])}`, r]),
    );
    const body = reference.slice(1);
    expect(body).toHaveLength(15);
    expect(set.rules).toHaveLength(15);
    for (const [lhs, rhs, lhsSize, support, confidence, coverage, lift, count] of body) {
      const r = ours.get(`${lhs} => ${rhs}`);
      expect(r, `${lhs} => ${rhs}`).toBeDefined();
      if (!r) continue;
      expect(r.lhs.length).toBe(Number(lhsSize));
      expect(r.count).toBe(Number(count));
      expect(Math.abs(r.support - Number(support))).toBeLessThan(1e-12);
      expect(Math.abs(r.confidence - Number(confidence))).toBeLessThan(1e-12);
      expect(Math.abs(r.coverage - Number(coverage))).toBeLessThan(1e-12);
      expect(Math.abs(r.lift - Number(lift))).toBeLessThan(1e-12);
      expect([support, confidence, coverage, lift]).toEqual(
        [r.support, r.confidence, r.coverage, r.lift].map(formatRNumber),
      );
      expect(Math.abs(r.leverage - (r.support - r.coverage * (r.rhsCount / 9835)))).toBeLessThan(1e-15);
      expect(r.conviction).toBeCloseTo((1 - r.rhsCount / 9835) / (1 - r.confidence), 12);
    }
  });

  it('supp 0.01 / conf 0.5: CSV lines equal the reference file byte for byte (order aside)', () => {
    const set = mineRules(groceries(), { support: 0.01, confidence: 0.5 });
    const lines = readFileSync(new URL('rules_supp0.01_conf0.5.arules.csv', GROCERIES_DIR), 'utf8')
      .trimEnd()
      .split(/\r?\n/);
    const ours = formatRulesCsv(set);
    expect(ours[0]).toBe(lines[0]);
    expect(ours.slice(1).sort()).toEqual(lines.slice(1).sort());
  });

  it('supp 0.001 / conf 0.8: 410 rules', () => {
    expect(mineRules(groceries(), { support: 0.001, confidence: 0.8 }).rules).toHaveLength(410);
  });

  it('supp 0.001 / conf 0.5: 5,668 rules', () => {
    expect(mineRules(groceries(), { support: 0.001, confidence: 0.5 }).rules).toHaveLength(5668);
  });

  it('supp 0.005: 1,001 frequent itemsets', () => {
    const f = mineFrequentItemsets(groceries(), { support: 0.005 });
    expect(f.minCount).toBe(50);
    expect(f.itemsets).toHaveLength(1001);
  });

  it('minlen / maxlen count the items of lhs and rhs together', () => {
    const all = mineRules(groceries(), { support: 0.001, confidence: 0.5 }).rules;
    const max2 = mineRules(groceries(), { support: 0.001, confidence: 0.5, maxlen: 2 }).rules;
    const min3 = mineRules(groceries(), { support: 0.001, confidence: 0.5, minlen: 3 }).rules;
    expect(max2.length).toBe(all.filter((r) => r.lhs.length + 1 <= 2).length);
    expect(min3.length).toBe(all.filter((r) => r.lhs.length + 1 >= 3).length);
    expect(max2.length + min3.length).toBe(all.length);
  });

  it('with minlen 1, {} => {x} appears exactly for items with supp(x) >= conf', () => {
    const set = mineRules(groceries(), { support: 0.01, confidence: 0.2 });
    const empty = set.rules.filter((r) => r.lhs.length === 0).map((r) => set.items[r.rhs]);
    expect(empty).toEqual(['whole milk']); // supp 0.2555; the next item, other vegetables, has 0.1935
    const r = set.rules.find((x) => x.lhs.length === 0);
    expect(r?.coverage).toBe(1);
    expect(r?.lift).toBe(1);
    expect(r?.count).toBe(2513);
    const none = mineRules(groceries(), { support: 0.01, confidence: 0.2, minlen: 2 }).rules;
    expect(none.filter((x) => x.lhs.length === 0)).toHaveLength(0);
    expect(none.length).toBe(set.rules.length - 1);
  });

  it('a minimum lift keeps exactly the rules at or above it', () => {
    const all = mineRules(groceries(), { support: 0.001, confidence: 0.5 }).rules;
    const lifted = mineRules(groceries(), { support: 0.001, confidence: 0.5, lift: 3 }).rules;
    expect(lifted.length).toBe(all.filter((r) => r.lift >= 3).length);
    expect(lifted.length).toBeGreaterThan(0);
  });
});
