import { createRng } from '../../math/random/prng.ts';
import { chooseK, sampleIndices } from './choose-k.ts';
import { ClusterError } from './cluster-error.ts';
import { CLUSTER_FEATURES, type ClusterInput, type Phrase } from './cluster-features.ts';
import { describeClusters, type FeatureContrast } from './describe-clusters.ts';
import { runKMeans } from './kmeans.ts';
import { meanSilhouette } from './silhouette.ts';
import { standardize } from './standardize.ts';

export interface DiscoveredCluster {
  /** 1 = the largest cluster. */
  readonly cluster: number;
  readonly label: Phrase;
  readonly size: number;
  readonly share: number;
  /** Σ monetary of the members (KRW). */
  readonly revenue: number;
  readonly revenueShare: number;
  readonly contrasts: readonly FeatureContrast[];
}

export interface DiscoveredSegments {
  readonly k: number;
  readonly seed: number;
  readonly criterion: 'silhouette' | 'fixed';
  readonly silhouette: number;
  readonly silhouetteByK: readonly { readonly k: number; readonly silhouette: number }[];
  readonly sampleSize: number;
  readonly features: readonly string[];
  readonly clusters: readonly DiscoveredCluster[];
  readonly assignments: readonly { readonly customerId: string; readonly cluster: number }[];
}

export const K_RANGE = [2, 3, 4, 5, 6, 7, 8] as const;

/**
 * Auto-discovered segments: z-scored features (log1p on counts and money), k-means++ with a
 * seeded generator, k by the best mean silhouette over 2..8 on a seeded sample (unless `k` is
 * given), clusters renumbered by size and named by their largest standardised differences.
 * @example discoverSegments(rows, { seed: 42 }).clusters[0].label.ko // '할인에 민감한 재구매 고객'
 */
export function discoverSegments(
  rows: readonly ClusterInput[],
  options: { seed: number; k?: number; sampleSize?: number },
): DiscoveredSegments {
  const k0 = options.k ?? 2;
  if (rows.length < Math.max(3, k0 + 1))
    throw new ClusterError('TOO_FEW_BUYERS', `clustering needs more buyers than clusters (${rows.length} buyers)`);
  const raw = rows.map((r) => CLUSTER_FEATURES.map((f) => f.read(r)));
  const { points } = standardize(
    raw,
    CLUSTER_FEATURES.map((f) => f.log),
  );
  let stream = 0;
  const rng = () => createRng(options.seed, stream++);
  const sampleSize = options.sampleSize ?? 2000;
  let labels: readonly number[];
  let k: number;
  let silhouetteByK: { k: number; silhouette: number }[] = [];
  let usedSample = 0;
  if (options.k === undefined) {
    const choice = chooseK(points, { kRange: K_RANGE, rng, sampleSize });
    ({ k } = choice);
    labels = choice.result.labels;
    silhouetteByK = [...choice.silhouetteByK];
    usedSample = choice.sampleSize;
  } else {
    k = options.k;
    const sample = sampleIndices(points.length, sampleSize, rng());
    labels = runKMeans(points, { k, rng: rng() }).labels;
    silhouetteByK = [
      {
        k,
        silhouette: meanSilhouette(
          sample.map((i) => points[i] ?? []),
          sample.map((i) => labels[i] ?? 0),
        ),
      },
    ];
    usedSample = sample.length;
  }
  // Renumber by size (desc), ties by first appearance, so cluster 1 is the largest.
  const sizes = new Array<number>(k).fill(0);
  for (const l of labels) sizes[l] = (sizes[l] ?? 0) + 1;
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => (sizes[b] ?? 0) - (sizes[a] ?? 0) || a - b);
  const rank = new Array<number>(k);
  order.forEach((c, i) => {
    rank[c] = i;
  });
  const relabelled = labels.map((l) => rank[l] ?? 0);
  const descriptions = describeClusters({ z: points, raw, labels: relabelled, k });
  const totalRevenue = rows.reduce((s, r) => s + r.monetary, 0);
  const clusters = descriptions.map((d, c) => {
    const members = rows.filter((_, i) => relabelled[i] === c);
    const revenue = members.reduce((s, r) => s + r.monetary, 0);
    return {
      cluster: c + 1,
      label: d.label,
      size: members.length,
      share: members.length / rows.length,
      revenue,
      revenueShare: totalRevenue ? revenue / totalRevenue : 0,
      contrasts: d.contrasts,
    };
  });
  dedupeLabels(clusters);
  return {
    k,
    seed: options.seed,
    criterion: options.k === undefined ? 'silhouette' : 'fixed',
    silhouette: silhouetteByK.find((s) => s.k === k)?.silhouette ?? 0,
    silhouetteByK,
    sampleSize: usedSample,
    features: CLUSTER_FEATURES.map((f) => f.key),
    clusters,
    assignments: rows.map((r, i) => ({ customerId: r.customerId, cluster: (relabelled[i] ?? 0) + 1 })),
  };
}

/** Two clusters with the same words get their number appended, so a marketer can tell them apart. */
function dedupeLabels(clusters: { cluster: number; label: Phrase }[]): void {
  const seen = new Map<string, number>();
  for (const c of clusters) seen.set(c.label.en, (seen.get(c.label.en) ?? 0) + 1);
  for (const c of clusters)
    if ((seen.get(c.label.en) ?? 0) > 1)
      c.label = { ko: `${c.label.ko} (${c.cluster})`, en: `${c.label.en} (${c.cluster})` };
}
