import type { Point } from './kmeans.ts';

export interface Standardized {
  readonly points: Point[];
  readonly means: readonly number[];
  /** Population standard deviations; a constant column gets 1 (its z-scores are all 0). */
  readonly sds: readonly number[];
}

/** z-scores per column, after `log1p` on the columns flagged in `logColumns` (skewed counts and money). */
export function standardize(rows: readonly Point[], logColumns: readonly boolean[]): Standardized {
  const n = rows.length;
  const dims = rows[0]?.length ?? logColumns.length;
  const x = rows.map((r) => r.map((v, j) => (logColumns[j] ? Math.log1p(Math.max(0, v)) : v)));
  const means = Array.from({ length: dims }, (_, j) => x.reduce((s, r) => s + (r[j] ?? 0), 0) / (n || 1));
  const sds = means.map((m, j) => {
    const v = x.reduce((s, r) => s + ((r[j] ?? 0) - m) ** 2, 0) / (n || 1);
    return v > 1e-12 ? Math.sqrt(v) : 1;
  });
  return { points: x.map((r) => r.map((v, j) => (v - (means[j] ?? 0)) / (sds[j] ?? 1))), means, sds };
}
