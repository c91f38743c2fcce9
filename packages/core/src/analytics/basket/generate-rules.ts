import { type ItemsetTrie, lookupCount, ranksOf } from './itemset-trie.ts';
import { measureRule, type Rule } from './rule.ts';

export interface RuleOptions {
  readonly confidence: number;
  /** Minimum items in lhs + rhs (arules `minlen`, default 1: empty-lhs rules `{} => {x}` allowed). */
  readonly minlen?: number;
  /** Maximum items in lhs + rhs (arules `maxlen`, default 10). */
  readonly maxlen?: number;
  /** Minimum lift (not an arules `apriori` parameter; applied after mining). */
  readonly lift?: number;
}

/**
 * Rules with one item on the right from every frequent itemset Z (arules semantics):
 * `Z \ {y} => {y}` for each y ∈ Z when count(Z) / count(Z \ {y}) ≥ confidence and
 * minlen ≤ |Z| ≤ maxlen. A 1-itemset {x} gives `{} => {x}` when supp(x) ≥ confidence.
 */
export function generateRules(trie: ItemsetTrie, opts: RuleOptions): Rule[] {
  const minlen = Math.max(1, opts.minlen ?? 1);
  const maxlen = opts.maxlen ?? 10;
  const minLift = opts.lift ?? Number.NEGATIVE_INFINITY;
  const { n, itemOfRank } = trie;
  const rootFirst = trie.firstChild[0] as number;
  const buf = new Int32Array(Math.max(1, maxlen));
  const rules: Rule[] = [];
  for (let node = 1; node < trie.size; node++) {
    const size = trie.depth[node] as number;
    if (size < minlen || size > maxlen) continue;
    const count = trie.count[node] as number;
    if (size === 1) {
      if (count / n < opts.confidence) continue;
      const rhs = itemOfRank[trie.rank[node] as number] as number;
      const rule = measureRule({ lhs: [], rhs, count, lhsCount: n, rhsCount: count, n });
      if (rule.lift >= minLift) rules.push(rule);
      continue;
    }
    ranksOf(trie, node, buf);
    for (let k = 0; k < size; k++) {
      const lhsCount =
        k === size - 1
          ? (trie.count[trie.parent[node] as number] as number)
          : lookupCount(trie, buf.subarray(0, size), k);
      if (lhsCount < 0) throw new Error('subset of a frequent itemset is missing from the trie');
      if (count / lhsCount < opts.confidence) continue;
      const rhsRank = buf[k] as number;
      // Root children are ranks 0..m-1 in order, so a single item's node is rootFirst + rank.
      const rhsCount = trie.count[rootFirst + rhsRank] as number;
      const lhs: number[] = [];
      for (let i = 0; i < size; i++) if (i !== k) lhs.push(itemOfRank[buf[i] as number] as number);
      lhs.sort((a, b) => a - b);
      const rule = measureRule({ lhs, rhs: itemOfRank[rhsRank] as number, count, lhsCount, rhsCount, n });
      if (rule.lift >= minLift) rules.push(rule);
    }
  }
  return rules;
}
