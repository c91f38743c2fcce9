import type { Transactions } from './transactions.ts';

export interface AggregateIssue {
  readonly code: 'ITEM_NOT_IN_HIERARCHY';
  readonly item: string;
  readonly message: string;
}

/**
 * Category-level transactions (arules `aggregate(tx, by = level)`): every item is replaced by its
 * category and duplicates within a basket collapse. Categories are ordered by first appearance in
 * `categoryOrder` (default: the hierarchy's order of first mention). Items without a category
 * are reported and kept under their own label, so nothing is silently dropped.
 */
export function aggregateTransactions(
  tx: Transactions,
  categoryOf: ReadonlyMap<string, string>,
  opts: { categoryOrder?: readonly string[] } = {},
): { transactions: Transactions; issues: AggregateIssue[] } {
  const order = opts.categoryOrder ?? [...new Set(categoryOf.values())];
  const categories = [...order];
  const index = new Map<string, number>();
  categories.forEach((c, i) => {
    if (!index.has(c)) index.set(c, i);
  });
  const issues: AggregateIssue[] = [];
  const mapItem = tx.items.map((item) => {
    let cat = categoryOf.get(item);
    if (cat === undefined) {
      issues.push({ code: 'ITEM_NOT_IN_HIERARCHY', item, message: `no category for item '${item}'` });
      cat = item;
    }
    let k = index.get(cat);
    if (k === undefined) {
      k = categories.length;
      categories.push(cat);
      index.set(cat, k);
    }
    return k;
  });
  const baskets = tx.baskets.map((b) => Int32Array.from(new Set(Array.from(b, (i) => mapItem[i] as number))).sort());
  return { transactions: { items: categories, baskets, ids: tx.ids }, issues };
}
