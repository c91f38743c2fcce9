import type { RfmScore } from './score-rfm.ts';
import { RFM_SEGMENT_KEYS, type RfmSegment } from './segments.ts';

/** How many customers were in segment `from` at the earlier day and are in `to` now (`from` null: not a buyer then). */
export interface RfmTransition {
  readonly from: RfmSegment | null;
  readonly to: RfmSegment;
  readonly customers: number;
}

/**
 * The segment-to-segment flow between two RFM scorings of the same base (e.g. a month apart),
 * every non-empty pair in segment order, customers new since the earlier day under `from: null`.
 * @example rfmTransitions(lastMonth, today) // [{ from: 'champions', to: 'loyal', customers: 12 }, …]
 */
export function rfmTransitions(before: readonly RfmScore[], after: readonly RfmScore[]): RfmTransition[] {
  const was = new Map(before.map((s) => [s.customerId, s.segment]));
  const counts = new Map<string, number>();
  for (const s of after) {
    const k = `${was.get(s.customerId) ?? ''}>${s.segment}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const out: RfmTransition[] = [];
  for (const from of [...RFM_SEGMENT_KEYS, null])
    for (const to of RFM_SEGMENT_KEYS) {
      const n = counts.get(`${from ?? ''}>${to}`);
      if (n) out.push({ from, to, customers: n });
    }
  return out;
}
