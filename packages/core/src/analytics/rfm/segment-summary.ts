import type { RfmScore } from './score-rfm.ts';
import { RFM_SEGMENT_KEYS, type RfmSegment } from './segments.ts';

export interface SegmentSummaryRow {
  readonly segment: RfmSegment;
  readonly customers: number;
  /** customers / all scored customers (0 when there are none). */
  readonly share: number;
  readonly revenue: number;
  readonly revenueShare: number;
}

/** Count, share and revenue per segment, in the canonical segment order (all 11, empty ones too). */
export function summarizeSegments(scores: readonly RfmScore[]): SegmentSummaryRow[] {
  const customers = new Map<RfmSegment, number>();
  const revenue = new Map<RfmSegment, number>();
  let total = 0;
  for (const s of scores) {
    customers.set(s.segment, (customers.get(s.segment) ?? 0) + 1);
    revenue.set(s.segment, (revenue.get(s.segment) ?? 0) + s.monetary);
    total += s.monetary;
  }
  return RFM_SEGMENT_KEYS.map((segment) => {
    const c = customers.get(segment) ?? 0;
    const rev = revenue.get(segment) ?? 0;
    return {
      segment,
      customers: c,
      share: scores.length === 0 ? 0 : c / scores.length,
      revenue: rev,
      revenueShare: total === 0 ? 0 : rev / total,
    };
  });
}
