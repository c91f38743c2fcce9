// k-means and silhouette checked against independent computations: planted Gaussian blobs must
// be recovered (adjusted Rand index, Hubert & Arabie 1985, computed here from the contingency
// table), and the silhouette must equal a brute-force evaluation of Rousseeuw's definition.
import { chooseK } from '@dalbit/core/analytics/clusters/choose-k';
import { type Point, runKMeans } from '@dalbit/core/analytics/clusters/kmeans';
import { meanSilhouette } from '@dalbit/core/analytics/clusters/silhouette';
import { createRng } from '@dalbit/core/math/random/prng';
import { describe, expect, it } from 'vitest';

const CENTRES = [
  [0, 0, 0],
  [6, 6, 0],
  [-6, 6, 3],
  [0, -6, 6],
];

function blobs(seed: number, perBlob: number, sd: number): { points: Point[]; truth: number[] } {
  const rng = createRng(seed);
  const points: Point[] = [];
  const truth: number[] = [];
  CENTRES.forEach((c, label) => {
    for (let i = 0; i < perBlob; i++) {
      points.push(c.map((x) => x + sd * rng.normal()));
      truth.push(label);
    }
  });
  return { points, truth };
}

const choose2 = (n: number): number => (n * (n - 1)) / 2;

function adjustedRandIndex(a: readonly number[], b: readonly number[]): number {
  const table = new Map<string, number>();
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  a.forEach((x, i) => {
    const y = b[i] as number;
    table.set(`${x},${y}`, (table.get(`${x},${y}`) ?? 0) + 1);
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(y, (cols.get(y) ?? 0) + 1);
  });
  const sumCells = [...table.values()].reduce((s, n) => s + choose2(n), 0);
  const sumRows = [...rows.values()].reduce((s, n) => s + choose2(n), 0);
  const sumCols = [...cols.values()].reduce((s, n) => s + choose2(n), 0);
  const expected = (sumRows * sumCols) / choose2(a.length);
  return (sumCells - expected) / ((sumRows + sumCols) / 2 - expected);
}

function bruteSilhouette(points: readonly Point[], labels: readonly number[]): number {
  const dist = (p: Point, q: Point) => Math.hypot(...p.map((x, j) => x - (q[j] as number)));
  const clusters = [...new Set(labels)];
  let sum = 0;
  points.forEach((p, i) => {
    const meanTo = (c: number) => {
      const others = points.filter((_, j) => labels[j] === c && j !== i);
      return others.reduce((s, q) => s + dist(p, q), 0) / others.length;
    };
    const own = labels[i] as number;
    if (labels.filter((l) => l === own).length === 1) return; // s(i) = 0
    const a = meanTo(own);
    const b = Math.min(...clusters.filter((c) => c !== own).map(meanTo));
    sum += (b - a) / Math.max(a, b);
  });
  return sum / points.length;
}

describe('k-means', () => {
  it('recovers four well-separated Gaussian blobs (ARI ≥ 0.95)', () => {
    const { points, truth } = blobs(7, 150, 1);
    const r = runKMeans(points, { k: 4, rng: createRng(42) });
    expect(adjustedRandIndex(truth, r.labels)).toBeGreaterThanOrEqual(0.95);
  });

  it('ends at a Lloyd fixed point: each point at its nearest centroid, each centroid the mean', () => {
    const { points } = blobs(3, 40, 2.5);
    const r = runKMeans(points, { k: 5, rng: createRng(1) });
    points.forEach((p, i) => {
      const d = r.centroids.map((c) => c.reduce((s, x, j) => s + (x - (p[j] as number)) ** 2, 0));
      expect(d[r.labels[i] as number]).toBeCloseTo(Math.min(...d), 9);
    });
    r.centroids.forEach((c, k) => {
      const members = points.filter((_, i) => r.labels[i] === k);
      c.forEach((x, j) => {
        expect(x).toBeCloseTo(members.reduce((s, p) => s + (p[j] as number), 0) / members.length, 9);
      });
    });
  });

  it('is reproducible for a seed', () => {
    const { points } = blobs(11, 60, 3);
    const a = runKMeans(points, { k: 6, rng: createRng(99) });
    const b = runKMeans(points, { k: 6, rng: createRng(99) });
    expect(a.labels).toEqual(b.labels);
    expect(a.inertia).toBe(b.inertia);
  });

  it('picks k = 4 for four blobs by the silhouette criterion', () => {
    const { points } = blobs(5, 100, 1);
    let s = 0;
    const c = chooseK(points, { kRange: [2, 3, 4, 5, 6, 7, 8], rng: () => createRng(8, s++), sampleSize: 300 });
    expect(c.k).toBe(4);
    expect(c.silhouetteByK.map((x) => x.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('silhouette', () => {
  it('matches a hand computation: {0,1} and {10,11} on a line', () => {
    // point 0: a = 1, b = (10 + 11)/2 = 10.5; point 1: a = 1, b = 9.5; the other pair is symmetric.
    expect(meanSilhouette([[0], [1], [10], [11]], [0, 0, 1, 1])).toBeCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, 14);
  });

  it('matches a brute-force evaluation, singleton clusters included', () => {
    const rng = createRng(2024);
    for (let trial = 0; trial < 5; trial++) {
      const points = Array.from({ length: 60 }, () => [rng.normal(), rng.normal(), rng.normal() * 3]);
      const labels = points.map((_, i) => (i === 0 ? 3 : rng.int(0, 2)));
      expect(meanSilhouette(points, labels)).toBeCloseTo(bruteSilhouette(points, labels), 12);
    }
  });
});
