/**
 * Market-basket transactions, encoded for mining: every distinct item gets an index in `items`
 * (the item order: itemsets are printed in it), every basket is the sorted set of its item indices.
 */
export interface Transactions {
  /** Item labels, byte-exact, in item order. */
  readonly items: readonly string[];
  /** One entry per transaction: distinct item indices, ascending. */
  readonly baskets: readonly Int32Array[];
  /** Transaction ids, same order as `baskets`. */
  readonly ids: readonly string[];
}

export interface TransactionRow {
  readonly transactionId: string;
  readonly item: string;
}

/**
 * Groups `transaction_id,item` rows into baskets (duplicates within a basket count once, as in
 * arules `read.transactions(rm.duplicates = TRUE)`). Transactions keep first-appearance order.
 * `itemOrder` fixes the item order (default: {@link inferItemOrder} of the rows); items missing
 * from it are appended in first-appearance order.
 *
 * @example buildTransactions([{ transactionId: '1', item: 'milk' }, { transactionId: '1', item: 'bread' }])
 */
export function buildTransactions(
  rows: readonly TransactionRow[],
  opts: { itemOrder?: readonly string[] } = {},
): Transactions {
  const order = opts.itemOrder ?? inferItemOrder(groupRows(rows).map((g) => g.items));
  return encodeBaskets(groupRows(rows), order);
}

/** Builds transactions from baskets given as label lists (e.g. one basket per line). */
export function buildTransactionsFromBaskets(
  baskets: readonly (readonly string[])[],
  opts: { itemOrder?: readonly string[]; ids?: readonly string[] } = {},
): Transactions {
  const groups = baskets.map((items, i) => ({ id: opts.ids?.[i] ?? String(i + 1), items }));
  return encodeBaskets(groups, opts.itemOrder ?? inferItemOrder(baskets));
}

function groupRows(rows: readonly TransactionRow[]): { id: string; items: string[] }[] {
  const byId = new Map<string, string[]>();
  for (const r of rows) {
    const list = byId.get(r.transactionId);
    if (list) list.push(r.item);
    else byId.set(r.transactionId, [r.item]);
  }
  return [...byId].map(([id, items]) => ({ id, items }));
}

function encodeBaskets(
  groups: readonly { id: string; items: readonly string[] }[],
  order: readonly string[],
): Transactions {
  const items = [...order];
  const index = new Map<string, number>();
  items.forEach((label, i) => {
    if (!index.has(label)) index.set(label, i);
  });
  const baskets: Int32Array[] = [];
  for (const g of groups) {
    const ids = new Set<number>();
    for (const label of g.items) {
      let k = index.get(label);
      if (k === undefined) {
        k = items.length;
        items.push(label);
        index.set(label, k);
      }
      ids.add(k);
    }
    baskets.push(Int32Array.from(ids).sort());
  }
  return { items, baskets, ids: groups.map((g) => g.id) };
}

/**
 * The item order the baskets themselves list: a topological order of "a is listed before b in
 * some basket", ties (and contradictions) resolved by first appearance. A file exported from
 * arules lists every basket in arules' item order, so its itemsets print exactly as arules prints
 * them; for any file, items of one itemset always print in the order the file lists them together.
 */
export function inferItemOrder(baskets: readonly (readonly string[])[]): string[] {
  const first = new Map<string, number>();
  for (const b of baskets) for (const item of b) if (!first.has(item)) first.set(item, first.size);
  const labels = [...first.keys()];
  const n = labels.length;
  const succ: Set<number>[] = labels.map(() => new Set<number>());
  const indeg = new Int32Array(n);
  for (const b of baskets) {
    let prev = -1;
    const seen = new Set<number>();
    for (const item of b) {
      const k = first.get(item) ?? -1;
      if (seen.has(k)) continue;
      seen.add(k);
      if (prev >= 0 && !succ[prev]?.has(k)) {
        succ[prev]?.add(k);
        indeg[k] = (indeg[k] ?? 0) + 1;
      }
      prev = k;
    }
  }
  return topologicalByFirstAppearance(labels, succ, indeg);
}

function topologicalByFirstAppearance(
  labels: readonly string[],
  succ: readonly Set<number>[],
  indeg: Int32Array,
): string[] {
  const n = labels.length;
  const done = new Uint8Array(n);
  const ready = new MinHeap();
  for (let i = 0; i < n; i++) if (indeg[i] === 0) ready.push(i);
  const out: string[] = [];
  let cursor = 0;
  while (out.length < n) {
    let pick = ready.pop();
    while (pick !== undefined && done[pick]) pick = ready.pop();
    if (pick === undefined) {
      // Contradictory orders (a cycle): take the earliest remaining item.
      while (done[cursor]) cursor++;
      pick = cursor;
    }
    done[pick] = 1;
    out.push(labels[pick] ?? '');
    for (const s of succ[pick] ?? []) {
      indeg[s] = (indeg[s] as number) - 1;
      if (indeg[s] === 0 && !done[s]) ready.push(s);
    }
  }
  return out;
}

/** Binary min-heap of item indices (first-appearance order). */
class MinHeap {
  private readonly a: number[] = [];
  push(x: number): void {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((a[p] as number) <= x) break;
      a[i] = a[p] as number;
      i = p;
    }
    a[i] = x;
  }
  pop(): number | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= a.length) break;
      const r = l + 1;
      const c = r < a.length && (a[r] as number) < (a[l] as number) ? r : l;
      if ((a[c] as number) >= last) break;
      a[i] = a[c] as number;
      i = c;
    }
    a[i] = last;
    return top;
  }
}
