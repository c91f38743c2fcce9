// An independent, deliberately simple reference: level-wise Apriori over JS Sets of labels,
// counting each candidate by scanning every basket. Slow, but shares no code with the miner.
export interface NaiveItemset {
  readonly items: string[];
  readonly count: number;
}

export function naiveFrequentItemsets(
  baskets: readonly (readonly string[])[],
  minCount: number,
  maxlen = 10,
): NaiveItemset[] {
  const sets = baskets.map((b) => new Set(b));
  const count = (items: readonly string[]): number =>
    sets.reduce((n, s) => n + (items.every((i) => s.has(i)) ? 1 : 0), 0);
  const labels = [...new Set(baskets.flat())].sort();
  let level: NaiveItemset[] = labels.map((l) => ({ items: [l], count: count([l]) })).filter((s) => s.count >= minCount);
  const out = [...level];
  for (let size = 2; size <= maxlen && level.length > 0; size++) {
    const known = new Set(level.map((s) => s.items.join('\u0000')));
    const next: NaiveItemset[] = [];
    for (let i = 0; i < level.length; i++) {
      for (let j = i + 1; j < level.length; j++) {
        const a = (level[i] as NaiveItemset).items;
        const b = (level[j] as NaiveItemset).items;
        if (a.slice(0, -1).join('\u0000') !== b.slice(0, -1).join('\u0000')) continue;
        const cand = [...a, b[b.length - 1] as string].sort();
        const allSubsetsFrequent = cand.every((_, k) => known.has(cand.filter((__, x) => x !== k).join('\u0000')));
        if (!allSubsetsFrequent) continue;
        const c = count(cand);
        if (c >= minCount) next.push({ items: cand, count: c });
      }
    }
    out.push(...next);
    level = next;
  }
  return out;
}

export interface NaiveRule {
  readonly lhs: string[];
  readonly rhs: string;
  readonly count: number;
  readonly confidence: number;
}

export function naiveRules(
  itemsets: readonly NaiveItemset[],
  n: number,
  confidence: number,
  minlen = 1,
  maxlen = 10,
): NaiveRule[] {
  const counts = new Map(itemsets.map((s) => [s.items.join('\u0000'), s.count]));
  const rules: NaiveRule[] = [];
  for (const s of itemsets) {
    if (s.items.length < minlen || s.items.length > maxlen) continue;
    for (const rhs of s.items) {
      const lhs = s.items.filter((i) => i !== rhs);
      const lhsCount = lhs.length === 0 ? n : (counts.get(lhs.join('\u0000')) ?? Number.NaN);
      if (s.count / lhsCount >= confidence) rules.push({ lhs, rhs, count: s.count, confidence: s.count / lhsCount });
    }
  }
  return rules;
}
