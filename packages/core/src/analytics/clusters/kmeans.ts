import type { Rng } from '../../math/random/prng.ts';

export type Point = readonly number[];

export interface KMeansResult {
  readonly k: number;
  readonly labels: readonly number[];
  readonly centroids: readonly Point[];
  /** Σ squared distance of every point to its centroid. */
  readonly inertia: number;
  readonly iterations: number;
}

export function squaredDistance(a: Point, b: Point): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) {
    const d = (a[j] ?? 0) - (b[j] ?? 0);
    s += d * d;
  }
  return s;
}

/** k-means++ seeding (Arthur & Vassilvitskii 2007): each next centre drawn with probability ∝ D². */
export function seedCentroids(points: readonly Point[], k: number, rng: Rng): Point[] {
  const first = points[rng.int(0, points.length - 1)] as Point;
  const centres: Point[] = [first];
  const d2 = points.map((p) => squaredDistance(p, first));
  while (centres.length < k) {
    const total = d2.reduce((s, x) => s + x, 0);
    let idx = 0;
    if (total > 0) {
      let r = rng.next() * total;
      for (idx = 0; idx < d2.length - 1; idx++) {
        r -= d2[idx] ?? 0;
        if (r < 0) break;
      }
    } else idx = rng.int(0, points.length - 1);
    const c = points[idx] as Point;
    centres.push(c);
    for (let i = 0; i < points.length; i++) d2[i] = Math.min(d2[i] ?? 0, squaredDistance(points[i] as Point, c));
  }
  return centres;
}

function nearest(p: Point, centroids: readonly Point[]): [number, number] {
  let best = 0;
  let bestD = Number.POSITIVE_INFINITY;
  centroids.forEach((c, i) => {
    const d = squaredDistance(p, c);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return [best, bestD];
}

/** One Lloyd run from k-means++ seeds; an emptied cluster takes the point farthest from its centre. */
function lloyd(points: readonly Point[], k: number, rng: Rng, maxIterations: number): KMeansResult {
  const dims = points[0]?.length ?? 0;
  let centroids = seedCentroids(points, k, rng);
  const labels = new Array<number>(points.length).fill(-1);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    let changed = false;
    const dist = new Array<number>(points.length);
    points.forEach((p, i) => {
      const [c, d] = nearest(p, centroids);
      dist[i] = d;
      if (labels[i] !== c) {
        labels[i] = c;
        changed = true;
      }
    });
    if (!changed) break;
    const sums = Array.from({ length: k }, () => new Array<number>(dims).fill(0));
    const counts = new Array<number>(k).fill(0);
    points.forEach((p, i) => {
      const c = labels[i] ?? 0;
      counts[c] = (counts[c] ?? 0) + 1;
      const s = sums[c] as number[];
      for (let j = 0; j < dims; j++) s[j] = (s[j] ?? 0) + (p[j] ?? 0);
    });
    centroids = sums.map((s, c) => s.map((x) => x / (counts[c] || 1)));
    for (let c = 0; c < k; c++) {
      if (counts[c] !== 0) continue;
      let far = 0;
      dist.forEach((d, i) => {
        if (d > (dist[far] ?? 0)) far = i;
      });
      centroids[c] = [...(points[far] as Point)];
      dist[far] = 0;
      labels[far] = -1; // forces another pass
    }
  }
  const inertia = points.reduce((s, p, i) => s + squaredDistance(p, centroids[labels[i] ?? 0] as Point), 0);
  return { k, labels, centroids, inertia, iterations };
}

/**
 * k-means (Lloyd) with k-means++ seeding; the best of `restarts` runs (lowest inertia). All
 * randomness comes from `rng`, so a seeded generator makes the result reproducible.
 * @example runKMeans(points, { k: 4, rng: createRng(42) }).labels
 */
export function runKMeans(
  points: readonly Point[],
  options: { k: number; rng: Rng; restarts?: number; maxIterations?: number },
): KMeansResult {
  const { k, rng } = options;
  if (k < 1 || k > points.length) throw new RangeError(`k must be in 1..${points.length}, got ${k}`);
  let best: KMeansResult | undefined;
  for (let r = 0; r < (options.restarts ?? 4); r++) {
    const run = lloyd(points, k, rng, options.maxIterations ?? 300);
    if (!best || run.inertia < best.inertia) best = run;
  }
  return best as KMeansResult;
}
