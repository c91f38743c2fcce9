import type { ExperimentRow } from './experiment-row.ts';
import { computeMoments } from './moments.ts';

export interface ArmSummary {
  readonly arm: string;
  readonly n: number;
  readonly conversions: number;
  readonly conversionRate: number;
  readonly revenue: number;
  /** Mean revenue over everyone in the arm (converted or not). */
  readonly revenuePerRecipient: number;
  readonly revenueVariance: number;
  /** Average order value, read as revenue per converting customer; undefined without conversions. */
  readonly aov: number | undefined;
}

/** Per-arm counts and means; rows of other arms are ignored. */
export function summarizeArm(arm: string, rows: readonly ExperimentRow[]): ArmSummary {
  const mine = rows.filter((r) => r.arm === arm);
  const revenues = mine.map((r) => r.revenue);
  const conversions = mine.reduce((s, r) => s + (r.converted ? 1 : 0), 0);
  const revenue = revenues.reduce((s, v) => s + v, 0);
  const m = computeMoments(revenues);
  return {
    arm,
    n: mine.length,
    conversions,
    conversionRate: mine.length > 0 ? conversions / mine.length : Number.NaN,
    revenue,
    revenuePerRecipient: m.mean,
    revenueVariance: m.variance,
    aov: conversions > 0 ? revenue / conversions : undefined,
  };
}
