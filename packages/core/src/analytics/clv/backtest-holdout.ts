export interface HoldoutBacktest {
  readonly customers: number;
  readonly actualTotal: number;
  readonly predictedTotal: number;
  /** predictedTotal / actualTotal. */
  readonly totalRatio: number;
  readonly topDecileCustomers: number;
  readonly topDecileMeanActual: number;
  readonly overallMeanActual: number;
  /** How many times more the top 10 % by prediction bought than the average customer. */
  readonly topDecileLift: number;
  /** Share of all holdout purchases made by the top decile. */
  readonly topDecileShare: number;
}

/**
 * Compares predicted with actual holdout purchases. The top decile is the ⌈N/10⌉ customers with
 * the highest prediction (ties broken by customer id, so the result is reproducible).
 */
export function backtestHoldout(
  rows: readonly { readonly customerId: string; readonly predicted: number; readonly actual: number }[],
): HoldoutBacktest {
  const n = rows.length;
  const actualTotal = rows.reduce((s, r) => s + r.actual, 0);
  const predictedTotal = rows.reduce((s, r) => s + r.predicted, 0);
  const ranked = [...rows].sort(
    (a, b) => b.predicted - a.predicted || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
  );
  const top = ranked.slice(0, Math.ceil(n / 10));
  const topTotal = top.reduce((s, r) => s + r.actual, 0);
  const overallMeanActual = n > 0 ? actualTotal / n : 0;
  const topDecileMeanActual = top.length > 0 ? topTotal / top.length : 0;
  return {
    customers: n,
    actualTotal,
    predictedTotal,
    totalRatio: predictedTotal / actualTotal,
    topDecileCustomers: top.length,
    topDecileMeanActual,
    overallMeanActual,
    topDecileLift: topDecileMeanActual / overallMeanActual,
    topDecileShare: topTotal / actualTotal,
  };
}
