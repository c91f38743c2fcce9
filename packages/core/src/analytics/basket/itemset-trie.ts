/**
 * Frequent itemsets as a prefix tree over item ranks (ascending support). Node 0 is the empty set
 * (count N); the children of a node are contiguous and sorted by rank, so a subset's count is a
 * walk from the root with one binary search per item.
 */
export interface ItemsetTrie {
  readonly n: number;
  readonly minCount: number;
  /** rank → item index (in the transactions' item order). */
  readonly itemOfRank: Int32Array;
  readonly size: number;
  readonly parent: Int32Array;
  readonly rank: Int32Array;
  readonly count: Int32Array;
  readonly depth: Int32Array;
  readonly firstChild: Int32Array;
  readonly childCount: Int32Array;
}

/** Count of the itemset given by ascending ranks, or -1 when it is not frequent. */
export function lookupCount(trie: ItemsetTrie, ranks: ArrayLike<number>, skip = -1): number {
  let node = 0;
  for (let i = 0; i < ranks.length; i++) {
    if (i === skip) continue;
    const r = ranks[i] as number;
    let lo = trie.firstChild[node] as number;
    let hi = lo + (trie.childCount[node] as number) - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const mr = trie.rank[mid] as number;
      if (mr === r) {
        found = mid;
        break;
      }
      if (mr < r) lo = mid + 1;
      else hi = mid - 1;
    }
    if (found < 0) return -1;
    node = found;
  }
  return trie.count[node] as number;
}

/** Ranks of a node's itemset, ascending, written into `out`; returns its length. */
export function ranksOf(trie: ItemsetTrie, node: number, out: Int32Array): number {
  const d = trie.depth[node] as number;
  let cur = node;
  for (let i = d - 1; i >= 0; i--) {
    out[i] = trie.rank[cur] as number;
    cur = trie.parent[cur] as number;
  }
  return d;
}
