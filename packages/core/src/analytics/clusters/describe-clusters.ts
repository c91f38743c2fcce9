import { bilingual } from '../../i18n/catalog.ts';
import { CLUSTER_FEATURES, type ClusterFeature, FREQUENCY_KEY, type Phrase } from './cluster-features.ts';
import type { Point } from './kmeans.ts';

export interface FeatureContrast {
  readonly feature: string;
  /** Standardised mean difference (Cohen's d, pooled SD) of the cluster vs the rest. */
  readonly d: number;
  /** Mean of the raw feature in the cluster and in the rest. */
  readonly mean: number;
  readonly restMean: number;
}

export interface ClusterDescription {
  readonly label: Phrase;
  /** All features, largest |d| first. */
  readonly contrasts: readonly FeatureContrast[];
}

/** |d| from which a difference is named (Cohen's "medium" effect). */
export const NAMING_THRESHOLD = 0.5;

function meanVar(xs: readonly number[]): [number, number] {
  const m = xs.reduce((s, x) => s + x, 0) / (xs.length || 1);
  const v = xs.length < 2 ? 0 : xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
  return [m, v];
}

/** Cohen's d of one column (standardised values) between `inside` and the rest, plus raw means. */
export function contrastFeature(
  z: readonly number[],
  raw: readonly number[],
  inside: readonly boolean[],
): Omit<FeatureContrast, 'feature'> {
  const zi = z.filter((_, i) => inside[i]);
  const zo = z.filter((_, i) => !inside[i]);
  const [mi, vi] = meanVar(zi);
  const [mo, vo] = meanVar(zo);
  const pooled = Math.sqrt(((zi.length - 1) * vi + (zo.length - 1) * vo) / Math.max(1, zi.length + zo.length - 2));
  // Both groups constant but different (a 0/1 flag split cleanly): fall back to the overall SD.
  const scale = pooled > 1e-12 ? pooled : Math.sqrt(meanVar(z)[1]);
  const d = scale > 1e-12 ? (mi - mo) / scale : 0;
  return {
    d,
    mean: meanVar(raw.filter((_, i) => inside[i]))[0],
    restMean: meanVar(raw.filter((_, i) => !inside[i]))[0],
  };
}

const HEADS = {
  repeat: bilingual('cluster.head.repeat'),
  once: bilingual('cluster.head.once'),
  infrequent: bilingual('cluster.head.infrequent'),
  plain: bilingual('cluster.head.plain'),
} as const;

const phraseOf = (f: ClusterFeature | undefined, d: number): Phrase | null => (f ? (d > 0 ? f.high : f.low) : null);

/**
 * Names a cluster by what sets it apart: up to two modifiers from the features with the largest
 * |d| ≥ 0.5 and a head noun from purchase frequency (repeat; one-time only when the cluster's mean
 * frequency is below 1.5, else infrequent) ("할인에 민감한 재구매 고객" /
 * "discount-sensitive repeat buyers"). When nothing reaches 0.5 the single largest difference is named.
 */
export function labelCluster(contrasts: readonly FeatureContrast[]): Phrase {
  const byKey = new Map(CLUSTER_FEATURES.map((f) => [f.key, f]));
  const freq = contrasts.find((c) => c.feature === FREQUENCY_KEY);
  const head =
    !freq || Math.abs(freq.d) < NAMING_THRESHOLD
      ? HEADS.plain
      : freq.d > 0
        ? HEADS.repeat
        : freq.mean < 1.5
          ? HEADS.once
          : HEADS.infrequent;
  const modifiers: Phrase[] = [];
  const named = contrasts.filter((c) => c.feature !== FREQUENCY_KEY && phraseOf(byKey.get(c.feature), c.d) !== null);
  for (const c of named) {
    if (modifiers.length === 2 || (Math.abs(c.d) < NAMING_THRESHOLD && (modifiers.length > 0 || head !== HEADS.plain)))
      break;
    const p = phraseOf(byKey.get(c.feature), c.d) as Phrase;
    if (!modifiers.some((m) => m.en === p.en)) modifiers.push(p);
  }
  return {
    ko: [modifiers.map((m) => m.ko).join(', '), head.ko].filter(Boolean).join(' '),
    en: [modifiers.map((m) => m.en).join(', '), head.en].filter(Boolean).join(' '),
  };
}

/** Contrasts and a bilingual label for each cluster 0..k−1. */
export function describeClusters(input: {
  z: readonly Point[];
  raw: readonly Point[];
  labels: readonly number[];
  k: number;
}): ClusterDescription[] {
  return Array.from({ length: input.k }, (_, c) => {
    const inside = input.labels.map((l) => l === c);
    const contrasts = CLUSTER_FEATURES.map((f, j) => ({
      feature: f.key,
      ...contrastFeature(
        input.z.map((p) => p[j] ?? 0),
        input.raw.map((p) => p[j] ?? 0),
        inside,
      ),
    })).sort((a, b) => Math.abs(b.d) - Math.abs(a.d));
    return { label: labelCluster(contrasts), contrasts };
  });
}
