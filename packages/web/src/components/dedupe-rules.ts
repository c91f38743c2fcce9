export interface RuleLike {
  readonly lhs: readonly { readonly id: string }[];
  readonly rhs: { readonly id: string };
}

/**
 * Basket rules once per set of products: A→B and B→A are the same pair to a marketer, so only the
 * first one (the list comes highest lift first) is kept.
 */
export function dedupeRules<R extends RuleLike>(rules: readonly R[]): R[] {
  const seen = new Set<string>();
  const out: R[] = [];
  for (const r of rules) {
    const key = [...r.lhs.map((x) => x.id), r.rhs.id].sort().join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}
