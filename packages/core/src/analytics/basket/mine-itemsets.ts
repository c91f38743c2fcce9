import type { ItemsetTrie } from './itemset-trie.ts';
import { ranksOf } from './itemset-trie.ts';
import { minCountFor } from './min-count.ts';
import type { Transactions } from './transactions.ts';

/** A frequent itemset: item indices ascending (item order of the transactions) and its count. */
export interface Itemset {
  readonly items: readonly number[];
  readonly count: number;
}

export interface MineItemsetsOptions {
  /** Relative minimum support in (0, 1]. */
  readonly support: number;
  /** Largest itemset size (default 10, as arules). */
  readonly maxlen?: number;
}

export interface FrequentItemsets {
  readonly n: number;
  readonly minCount: number;
  /** Every frequent itemset of size 1..maxlen (the empty set is not listed). */
  readonly itemsets: readonly Itemset[];
}

/** Every frequent itemset of size 1..maxlen, as a list (see {@link mineItemsetTrie}). */
export function mineFrequentItemsets(tx: Transactions, opts: MineItemsetsOptions): FrequentItemsets {
  const trie = mineItemsetTrie(tx, opts);
  const buf = new Int32Array(Math.max(1, opts.maxlen ?? 10));
  const itemsets: Itemset[] = [];
  for (let node = 1; node < trie.size; node++) {
    const len = ranksOf(trie, node, buf);
    const items: number[] = [];
    for (let i = 0; i < len; i++) items.push(trie.itemOfRank[buf[i] as number] as number);
    itemsets.push({ items: items.sort((a, b) => a - b), count: trie.count[node] as number });
  }
  return { n: trie.n, minCount: trie.minCount, itemsets };
}

/**
 * Exact frequent-itemset mining by depth-first occurrence delivery (as in LCM, Uno et al. 2004):
 * the tid-list of each extension P ∪ {i} is filled by one scan of P's transactions, so no
 * tid-lists are ever intersected. Items are ranked by ascending support; each basket keeps only
 * frequent items sorted by rank, and a node with last rank L scans its baskets' tails above L.
 */
export function mineItemsetTrie(tx: Transactions, opts: MineItemsetsOptions): ItemsetTrie {
  const n = tx.baskets.length;
  const minCount = minCountFor(opts.support, n);
  const maxlen = opts.maxlen ?? 10;

  const itemCount = new Int32Array(tx.items.length);
  for (const b of tx.baskets) {
    for (let i = 0; i < b.length; i++) {
      const item = b[i] as number;
      itemCount[item] = (itemCount[item] as number) + 1;
    }
  }
  const frequent: number[] = [];
  for (let i = 0; i < itemCount.length; i++) if ((itemCount[i] as number) >= minCount) frequent.push(i);
  frequent.sort((a, b) => (itemCount[a] as number) - (itemCount[b] as number) || a - b);
  const m = frequent.length;
  const rankOf = new Int32Array(tx.items.length).fill(-1);
  frequent.forEach((item, r) => {
    rankOf[item] = r;
  });

  const baskets: Int32Array[] = new Array(n);
  const scratch = new Int32Array(m);
  for (let t = 0; t < n; t++) {
    const b = tx.baskets[t] as Int32Array;
    let k = 0;
    for (let i = 0; i < b.length; i++) {
      const r = rankOf[b[i] as number] as number;
      if (r >= 0) scratch[k++] = r;
    }
    baskets[t] = scratch.slice(0, k).sort();
  }

  const store = new NodeStore(Math.max(16, m * 4));
  store.add(-1, -1, n, 0);
  // Scatter buffer: rank r owns [offset[r], offset[r] + count of its item); a conditional count
  // never exceeds the global one, so one pass can deliver every occurrence without overflow.
  const offset = new Int32Array(m + 1);
  for (let r = 0; r < m; r++) offset[r + 1] = (offset[r] as number) + (itemCount[frequent[r] as number] as number);
  const scatter = new Int32Array(offset[m] as number);
  const occ = new Int32Array(m);
  const touched = new Int32Array(m);
  const arena = new StackArena(Math.max(1024, offset[m] as number));
  const all = Int32Array.from({ length: n }, (_, t) => t);

  const expand = (node: number, tids: Int32Array, last: number, depth: number): void => {
    let nt = 0;
    for (let x = 0; x < tids.length; x++) {
      const t = tids[x] as number;
      const b = baskets[t] as Int32Array;
      for (let i = b.length - 1; i >= 0; i--) {
        const r = b[i] as number;
        if (r <= last) break;
        const c = occ[r] as number;
        if (c === 0) touched[nt++] = r;
        scatter[(offset[r] as number) + c] = t;
        occ[r] = c + 1;
      }
    }
    const kids = touched.subarray(0, nt).sort();
    const leaf = depth + 1 >= maxlen;
    const mark = arena.mark();
    const lists: Int32Array[] = [];
    const first = store.size;
    let kidCount = 0;
    for (let k = 0; k < nt; k++) {
      const r = kids[k] as number;
      const c = occ[r] as number;
      occ[r] = 0;
      if (c < minCount) continue;
      store.add(node, r, c, depth + 1);
      kidCount++;
      if (!leaf && r < m - 1) {
        const list = arena.alloc(c);
        list.set(scatter.subarray(offset[r] as number, (offset[r] as number) + c));
        lists.push(list);
      } else lists.push(EMPTY);
    }
    store.setChildren(node, first, kidCount);
    if (!leaf) {
      for (let k = 0; k < kidCount; k++) {
        const list = lists[k] as Int32Array;
        if (list.length >= minCount) expand(first + k, list, store.rankAt(first + k), depth + 1);
      }
    }
    arena.release(mark);
  };
  if (maxlen >= 1) expand(0, all, -1, 0);
  return store.freeze({ n, minCount, itemOfRank: Int32Array.from(frequent) });
}

const EMPTY = new Int32Array(0);

/** Bump allocation of tid-lists that live exactly as long as a depth-first call. */
class StackArena {
  private chunks: Int32Array[];
  private top = 0;
  constructor(private readonly chunkSize: number) {
    this.chunks = [new Int32Array(chunkSize)];
  }
  mark(): { chunk: number; top: number } {
    return { chunk: this.chunks.length - 1, top: this.top };
  }
  alloc(len: number): Int32Array {
    let cur = this.chunks[this.chunks.length - 1] as Int32Array;
    if (this.top + len > cur.length) {
      cur = new Int32Array(Math.max(this.chunkSize, len));
      this.chunks.push(cur);
      this.top = 0;
    }
    const out = cur.subarray(this.top, this.top + len);
    this.top += len;
    return out;
  }
  release(m: { chunk: number; top: number }): void {
    this.chunks.length = m.chunk + 1;
    this.top = m.top;
  }
}

class NodeStore {
  size = 0;
  private parent: Int32Array;
  private rank: Int32Array;
  private count: Int32Array;
  private depth: Int32Array;
  private firstChild: Int32Array;
  private childCount: Int32Array;
  constructor(capacity: number) {
    this.parent = new Int32Array(capacity);
    this.rank = new Int32Array(capacity);
    this.count = new Int32Array(capacity);
    this.depth = new Int32Array(capacity);
    this.firstChild = new Int32Array(capacity);
    this.childCount = new Int32Array(capacity);
  }
  add(parent: number, rank: number, count: number, depth: number): void {
    if (this.size === this.parent.length) this.grow();
    const i = this.size++;
    this.parent[i] = parent;
    this.rank[i] = rank;
    this.count[i] = count;
    this.depth[i] = depth;
  }
  rankAt(i: number): number {
    return this.rank[i] as number;
  }
  setChildren(node: number, first: number, count: number): void {
    this.firstChild[node] = first;
    this.childCount[node] = count;
  }
  private grow(): void {
    const cap = this.parent.length * 2;
    const up = (a: Int32Array): Int32Array => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.parent = up(this.parent);
    this.rank = up(this.rank);
    this.count = up(this.count);
    this.depth = up(this.depth);
    this.firstChild = up(this.firstChild);
    this.childCount = up(this.childCount);
  }
  freeze(meta: { n: number; minCount: number; itemOfRank: Int32Array }): ItemsetTrie {
    const s = this.size;
    return {
      ...meta,
      size: s,
      parent: this.parent.slice(0, s),
      rank: this.rank.slice(0, s),
      count: this.count.slice(0, s),
      depth: this.depth.slice(0, s),
      firstChild: this.firstChild.slice(0, s),
      childCount: this.childCount.slice(0, s),
    };
  }
}
