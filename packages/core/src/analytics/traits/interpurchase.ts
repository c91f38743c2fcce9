import { DAY_MS, toKstDay } from '../../time/kst.ts';
import { median } from './median.ts';

export interface Interpurchase {
  readonly medianDays: number;
  readonly nextExpectedAt: Date;
}

/**
 * Typical gap between purchases: the median of the day differences between consecutive DISTINCT
 * KST purchase days (two orders on one day are one purchase occasion). The next expected purchase
 * is the last purchase instant + that median. Undefined with fewer than two purchase days.
 * @example findInterpurchase([d('2024-01-01'), d('2024-01-11'), d('2024-01-31')]) // median 15 days
 */
export function findInterpurchase(purchases: readonly Date[]): Interpurchase | undefined {
  if (purchases.length < 2) return undefined;
  const days = [...new Set(purchases.map(toKstDay))].sort((a, b) => a - b);
  const gaps = days.slice(1).map((d, i) => d - (days[i] ?? d));
  const m = median(gaps);
  if (m === undefined) return undefined;
  const last = Math.max(...purchases.map((p) => p.getTime()));
  return { medianDays: m, nextExpectedAt: new Date(last + m * DAY_MS) };
}
