/**
 * CLV over a horizon = expected purchases × expected spend per purchase (the Gamma-Gamma
 * independence assumption lets the two multiply; Fader, Hardie & Lee 2005, JMR).
 *
 * Without a discount rate this is the plain expected spend over the horizon. With `annualRate`,
 * purchases are discounted in `steps` equal slices of the horizon: each slice's expected purchases
 * E[Y(tₖ)] − E[Y(tₖ₋₁)] are discounted at its end, by (1 + annualRate)^−(tₖ / unitsPerYear)
 * (end-of-slice convention, so slightly conservative).
 *
 * @example
 * computeClv({ expectedPurchases: (t) => t / 52, expectedSpend: 30000, horizon: 52 }) // 30000
 */
export function computeClv(input: {
  /** E[Y(t)] for this customer, t in model time units. */
  expectedPurchases: (t: number) => number;
  expectedSpend: number;
  horizon: number;
  discount?: { readonly annualRate: number; readonly unitsPerYear: number; readonly steps?: number };
}): number {
  const { expectedPurchases, expectedSpend, horizon, discount } = input;
  if (!discount || discount.annualRate === 0) return expectedPurchases(horizon) * expectedSpend;
  const steps = discount.steps ?? 12;
  let total = 0;
  let before = 0;
  for (let k = 1; k <= steps; k++) {
    const t = (horizon * k) / steps;
    const upTo = expectedPurchases(t);
    total += (upTo - before) * (1 + discount.annualRate) ** -(t / discount.unitsPerYear);
    before = upTo;
  }
  return total * expectedSpend;
}
