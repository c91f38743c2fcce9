import type { RecencyBucket, RecencyBucketCount } from './audience-report.ts';

/** Upper bounds (days since the last purchase, inclusive) of the recency buckets. */
export const RECENCY_BUCKETS: readonly { readonly bucket: RecencyBucket; readonly maxDays: number }[] = [
  { bucket: 'd0_30', maxDays: 30 },
  { bucket: 'd31_90', maxDays: 90 },
  { bucket: 'd91_180', maxDays: 180 },
  { bucket: 'd181_365', maxDays: 365 },
  { bucket: 'd366_plus', maxDays: Number.POSITIVE_INFINITY },
];

/**
 * Members by days since their last purchase (KST calendar days); members without any purchase
 * fall in `never`. Shares are of the whole audience.
 * @example bucketRecency([3, 45], 4) // d0_30: 1, d31_90: 1, never: 2
 */
export function bucketRecency(recencyDays: readonly number[], audienceSize: number): RecencyBucketCount[] {
  const counts = new Map<RecencyBucket, number>();
  for (const d of recencyDays) {
    const b = RECENCY_BUCKETS.find((x) => d <= x.maxDays)?.bucket ?? 'd366_plus';
    counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  counts.set('never', Math.max(0, audienceSize - recencyDays.length));
  const share = (n: number): number => (audienceSize === 0 ? 0 : n / audienceSize);
  return [...RECENCY_BUCKETS.map((b) => b.bucket), 'never' as const].map((bucket) => ({
    bucket,
    customers: counts.get(bucket) ?? 0,
    share: share(counts.get(bucket) ?? 0),
  }));
}
