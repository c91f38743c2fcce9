import { type Point, squaredDistance } from './kmeans.ts';

/**
 * Mean silhouette (Rousseeuw 1987) with Euclidean distance: s(i) = (b − a) / max(a, b), where a is
 * the mean distance to the other members of i's cluster and b the smallest mean distance to another
 * cluster; s(i) = 0 for a point alone in its cluster. O(n²): pass a sample for large inputs.
 */
export function meanSilhouette(points: readonly Point[], labels: readonly number[]): number {
  const n = points.length;
  const k = Math.max(...labels) + 1;
  const sizes = new Array<number>(k).fill(0);
  for (const l of labels) sizes[l] = (sizes[l] ?? 0) + 1;
  let total = 0;
  const sums = new Array<number>(k);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const p = points[i] as Point;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const l = labels[j] ?? 0;
      sums[l] = (sums[l] ?? 0) + Math.sqrt(squaredDistance(p, points[j] as Point));
    }
    const own = labels[i] ?? 0;
    const ownSize = sizes[own] ?? 0;
    if (ownSize <= 1) continue;
    const a = (sums[own] ?? 0) / (ownSize - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) if (c !== own && (sizes[c] ?? 0) > 0) b = Math.min(b, (sums[c] ?? 0) / (sizes[c] ?? 1));
    if (Number.isFinite(b)) total += (b - a) / Math.max(a, b) || 0;
  }
  return total / n;
}
