import type { RuleRecord } from './format-rules.ts';

export interface RelatedItem {
  readonly item: string;
  /** lift × confidence of the best rule recommending the item. */
  readonly score: number;
  readonly lift: number;
  readonly confidence: number;
  /** The antecedent of that rule. */
  readonly because: readonly string[];
}

type RuleLike = Pick<RuleRecord, 'lhs' | 'rhs' | 'lift' | 'confidence'>;

/**
 * A reusable index of rules for {@link relatedFor}: rules are grouped under one antecedent item so
 * a customer only checks rules that can apply. Rules with an empty antecedent say nothing about
 * the customer and are left out.
 */
export interface RuleIndex {
  readonly byItem: ReadonlyMap<string, readonly RuleLike[]>;
}

export function indexRules(rules: readonly RuleLike[]): RuleIndex {
  const byItem = new Map<string, RuleLike[]>();
  for (const r of rules) {
    const anchor = r.lhs[0];
    if (anchor === undefined) continue;
    const list = byItem.get(anchor);
    if (list) list.push(r);
    else byItem.set(anchor, [r]);
  }
  return { byItem };
}

/**
 * "Related products" of one customer: consequents of rules whose whole antecedent the customer
 * bought, minus what they already bought, ranked by lift × confidence of the best such rule
 * (ties: higher confidence, then item label). Returns at most `limit` items.
 *
 * @example relatedFor(indexRules(rules), new Set(['milk', 'bread']), 5)
 */
export function relatedFor(index: RuleIndex, purchased: ReadonlySet<string>, limit = 5): RelatedItem[] {
  const best = new Map<string, RelatedItem>();
  for (const item of purchased) {
    for (const r of index.byItem.get(item) ?? []) {
      if (purchased.has(r.rhs) || !r.lhs.every((x) => purchased.has(x))) continue;
      const score = r.lift * r.confidence;
      const prev = best.get(r.rhs);
      if (prev === undefined || isBetter({ score, confidence: r.confidence, because: r.lhs }, prev)) {
        best.set(r.rhs, { item: r.rhs, score, lift: r.lift, confidence: r.confidence, because: r.lhs });
      }
    }
  }
  return [...best.values()]
    .sort(
      (a, b) => b.score - a.score || b.confidence - a.confidence || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0),
    )
    .slice(0, limit);
}

function isBetter(a: Pick<RelatedItem, 'score' | 'confidence' | 'because'>, b: RelatedItem): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  return a.because.join('\u0000') < b.because.join('\u0000');
}
