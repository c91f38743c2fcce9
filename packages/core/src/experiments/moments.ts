/** Mean and unbiased (n − 1) variance, by Welford's update for numerical stability. */
export function computeMoments(values: ArrayLike<number>): {
  readonly n: number;
  readonly mean: number;
  readonly variance: number;
} {
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] ?? 0;
    const delta = x - mean;
    mean += delta / (i + 1);
    m2 += delta * (x - mean);
  }
  const n = values.length;
  return { n, mean: n > 0 ? mean : Number.NaN, variance: n > 1 ? m2 / (n - 1) : Number.NaN };
}

/** Sample covariance (n − 1) of paired values. */
export function computeCovariance(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let mx = 0;
  let my = 0;
  let c = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] ?? 0;
    const yi = y[i] ?? 0;
    const dx = xi - mx;
    mx += dx / (i + 1);
    my += (yi - my) / (i + 1);
    c += dx * (yi - my);
  }
  return x.length > 1 ? c / (x.length - 1) : Number.NaN;
}
