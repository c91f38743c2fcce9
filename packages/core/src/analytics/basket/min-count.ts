/**
 * The absolute support threshold arules `apriori` applies: an itemset is frequent iff its count
 * is at least ceil(supp × N). The product is rounded to 12 significant digits first so that
 * thresholds like 0.001 × 10000 (10.000000000000002 in binary floating point) mean 10, not 11.
 */
export function minCountFor(support: number, transactionCount: number): number {
  const product = Number((support * transactionCount).toPrecision(12));
  return Math.max(1, Math.ceil(product));
}
