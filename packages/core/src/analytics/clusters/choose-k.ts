import type { Rng } from '../../math/random/prng.ts';
import { type KMeansResult, type Point, runKMeans } from './kmeans.ts';
import { meanSilhouette } from './silhouette.ts';

export interface KChoice {
  readonly k: number;
  readonly result: KMeansResult;
  /** Mean silhouette on the sample for every k tried. */
  readonly silhouetteByK: readonly { readonly k: number; readonly silhouette: number }[];
  readonly sampleSize: number;
}

/** Indices of a seeded sample without replacement (partial Fisher–Yates), sorted. */
export function sampleIndices(n: number, size: number, rng: Rng): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  const m = Math.min(n, size);
  for (let i = 0; i < m; i++) {
    const j = rng.int(i, n - 1);
    [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
  }
  return idx.slice(0, m).sort((a, b) => a - b);
}

/**
 * Criterion: the k in `kRange` with the highest mean silhouette, computed on one seeded sample of
 * the points (the same sample for every k) from k-means run on ALL points. Ties → the smaller k.
 */
export function chooseK(
  points: readonly Point[],
  options: { kRange: readonly number[]; rng: () => Rng; sampleSize?: number },
): KChoice {
  const sample = sampleIndices(points.length, options.sampleSize ?? 2000, options.rng());
  const sampled = sample.map((i) => points[i] as Point);
  let best: { k: number; result: KMeansResult; s: number } | undefined;
  const silhouetteByK: { k: number; silhouette: number }[] = [];
  for (const k of options.kRange) {
    if (k >= points.length) break;
    const result = runKMeans(points, { k, rng: options.rng() });
    const s = meanSilhouette(
      sampled,
      sample.map((i) => result.labels[i] ?? 0),
    );
    silhouetteByK.push({ k, silhouette: s });
    if (!best || s > best.s + 1e-12) best = { k, result, s };
  }
  if (!best) throw new RangeError('chooseK: not enough points for any k in the range');
  return { k: best.k, result: best.result, silhouetteByK, sampleSize: sample.length };
}
