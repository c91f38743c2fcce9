/**
 * Returns one shared copy of repeated short texts (product codes, names, options), so a large
 * file keeps each distinct value once instead of once per row. Stops learning new values past
 * `limit` distinct ones (high-cardinality columns gain nothing from it).
 */
export function createInterner(limit = 65_536): (s: string | undefined) => string | undefined {
  const seen = new Map<string, string>();
  return (s) => {
    if (s === undefined) return s;
    const hit = seen.get(s);
    if (hit !== undefined) return hit;
    if (seen.size < limit) seen.set(s, s);
    return s;
  };
}
