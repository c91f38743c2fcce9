export interface MergeLink {
  readonly winnerId: string;
  readonly loserId: string;
  readonly undone: boolean;
}

/**
 * The current canonical customer of any customer id, following active merges loser → winner.
 * Example: links A←B, B←C (C merged into B, then B into A) → canonicalOf('C') === 'A'.
 */
export function buildCanonicalMap(links: readonly MergeLink[]): (customerId: string) => string {
  const next = new Map<string, string>();
  for (const l of links) if (!l.undone) next.set(l.loserId, l.winnerId);
  return (customerId) => {
    let id = customerId;
    const seen = new Set<string>();
    for (let to = next.get(id); to !== undefined && !seen.has(id); to = next.get(id)) {
      seen.add(id);
      id = to;
    }
    return id;
  };
}
