import type { IndexedItem } from './audience-report.ts';

export interface ItemCount {
  readonly key: string;
  readonly name: string;
  readonly buyers: number;
  readonly revenue: number;
}

/**
 * Top items of an audience with an index against the base: share = buyers of the item / buyers of
 * the audience, index = share / base share × 100. Ranked by buyers, then revenue, then key.
 * @example indexItems({ items, buyers: 50, baseItems, baseBuyers: 1000, top: 5 })
 */
export function indexItems(input: {
  items: readonly ItemCount[];
  buyers: number;
  baseItems: readonly ItemCount[];
  baseBuyers: number;
  top: number;
}): IndexedItem[] {
  const base = new Map(input.baseItems.map((i) => [i.key, i]));
  return [...input.items]
    .sort((a, b) => b.buyers - a.buyers || b.revenue - a.revenue || (a.key < b.key ? -1 : 1))
    .slice(0, input.top)
    .map((i) => {
      const share = input.buyers === 0 ? 0 : i.buyers / input.buyers;
      const baseShare = input.baseBuyers === 0 ? 0 : (base.get(i.key)?.buyers ?? 0) / input.baseBuyers;
      return { ...i, share, baseShare, index: baseShare === 0 ? null : (share / baseShare) * 100 };
    });
}
