import type { RfmSegment } from './segments.ts';

/** `none`: the customer had no purchase in the window on that date. */
export type SegmentState = RfmSegment | 'none';

export interface SegmentTransition {
  readonly from: SegmentState;
  readonly to: SegmentState;
  readonly customers: number;
}

/**
 * How many customers moved from each segment at the earlier date to each segment at the later
 * one. Customers scored on only one date move from or to `none`. Sorted by count, largest first
 * (ties by from, to).
 */
export function countTransitions(
  before: readonly { customerId: string; segment: RfmSegment }[],
  after: readonly { customerId: string; segment: RfmSegment }[],
): SegmentTransition[] {
  const was = new Map(before.map((s) => [s.customerId, s.segment]));
  const now = new Map(after.map((s) => [s.customerId, s.segment]));
  const counts = new Map<string, { from: SegmentState; to: SegmentState; customers: number }>();
  const bump = (from: SegmentState, to: SegmentState): void => {
    const key = `${from}>${to}`;
    const c = counts.get(key);
    if (c) c.customers++;
    else counts.set(key, { from, to, customers: 1 });
  };
  for (const [id, seg] of was) bump(seg, now.get(id) ?? 'none');
  for (const [id, seg] of now) if (!was.has(id)) bump('none', seg);
  return [...counts.values()].sort((a, b) => b.customers - a.customers || cmp(a.from, b.from) || cmp(a.to, b.to));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
