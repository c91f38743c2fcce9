import { generateRules, type RuleOptions } from './generate-rules.ts';
import { mineItemsetTrie } from './mine-itemsets.ts';
import type { RuleSet } from './rule.ts';
import type { Transactions } from './transactions.ts';

export interface MineRulesOptions extends RuleOptions {
  /** Relative minimum support in (0, 1]. */
  readonly support: number;
}

/**
 * Association rules exactly as R arules `apriori(tx, parameter = list(supp, conf, minlen, maxlen))`
 * returns them (defaults minlen 1, maxlen 10), plus an optional minimum lift.
 *
 * @example
 * const tx = buildTransactions(rows);
 * const { rules } = mineRules(tx, { support: 0.01, confidence: 0.5 });
 */
export function mineRules(tx: Transactions, opts: MineRulesOptions): RuleSet {
  const maxlen = opts.maxlen ?? 10;
  const trie = mineItemsetTrie(tx, { support: opts.support, maxlen });
  return { items: tx.items, n: trie.n, minCount: trie.minCount, rules: generateRules(trie, { ...opts, maxlen }) };
}
