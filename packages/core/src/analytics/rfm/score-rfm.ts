import { compareCodePoints, ntile } from './ntile.ts';
import { type RfmSegment, segmentOf } from './segments.ts';

export interface RfmMetrics {
  readonly customerId: string;
  /** Whole days from the last purchase to the as-of date. */
  readonly recencyDays: number;
  /** Distinct orders (invoices). */
  readonly frequency: number;
  /** Sum of paid amounts. */
  readonly monetary: number;
}

export interface RfmScore extends RfmMetrics {
  readonly r: number;
  readonly f: number;
  readonly m: number;
  readonly segment: RfmSegment;
}

/**
 * Quintile scores with SQL NTILE semantics, ties broken by customer id (code-point order):
 * - r = 6 − NTILE(5) OVER (ORDER BY recency_days ASC, customer_id ASC): the most recent fifth scores 5;
 * - f = NTILE(5) OVER (ORDER BY frequency ASC, customer_id ASC): the most frequent fifth scores 5;
 * - m = NTILE(5) OVER (ORDER BY monetary ASC, customer_id ASC): the highest spenders score 5.
 * Equal values may therefore land in different quintiles; the result is deterministic for any
 * input order. The segment comes from the 11-segment table ({@link segmentOf}). Output keeps
 * the input order.
 */
export function scoreRfm(rows: readonly RfmMetrics[]): RfmScore[] {
  const n = rows.length;
  const rank = (value: (x: RfmMetrics) => number): Int32Array => {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => {
      const x = rows[a] as RfmMetrics;
      const y = rows[b] as RfmMetrics;
      return value(x) - value(y) || compareCodePoints(x.customerId, y.customerId);
    });
    const tiles = ntile(n, 5);
    const out = new Int32Array(n);
    order.forEach((row, pos) => {
      out[row] = tiles[pos] as number;
    });
    return out;
  };
  const rt = rank((x) => x.recencyDays);
  const ft = rank((x) => x.frequency);
  const mt = rank((x) => x.monetary);
  return rows.map((row, i) => {
    const r = 6 - (rt[i] as number);
    const f = ft[i] as number;
    const m = mt[i] as number;
    return { ...row, r, f, m, segment: segmentOf(r, f, m) };
  });
}
