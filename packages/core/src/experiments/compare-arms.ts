import type { ExperimentRow } from './experiment-row.ts';
import type { Interval } from './interval.ts';
import { computeMoments } from './moments.ts';
import { DEFAULT_MIXTURE_RELATIVE_SD, type SequentialSnapshot, testSequentialSnapshot } from './msprt.ts';
import { computeProbabilityToBeat } from './probability-to-beat.ts';
import { estimateRelativeLift } from './relative-lift.ts';
import type { ArmSummary } from './summarize-arm.ts';
import { testTwoProportions } from './two-proportion-test.ts';
import { testWelch, type WelchResult } from './welch-test.ts';

export interface ConversionComparison {
  readonly absoluteLift: Interval;
  readonly relativeLift: Interval | undefined;
  readonly z: number;
  readonly pValue: number;
  readonly probabilityToBeatControl: number;
  /** Always-valid (mSPRT) p-value and confidence-sequence interval for the difference, safe to check daily. */
  readonly sequential: SequentialSnapshot | undefined;
}

export interface RevenueComparison {
  readonly absoluteLift: Interval;
  readonly relativeLift: Interval | undefined;
  readonly welch: WelchResult;
  readonly sequential: SequentialSnapshot | undefined;
}

/** Conversion-rate comparison of an arm against control (z-test, Katz relative interval, P(beat)). */
export function compareConversion(input: {
  treatment: ArmSummary;
  control: ArmSummary;
  level?: number;
}): ConversionComparison {
  const level = input.level ?? 0.95;
  const t = { conversions: input.treatment.conversions, n: input.treatment.n };
  const c = { conversions: input.control.conversions, n: input.control.n };
  const z = testTwoProportions({ treatment: t, control: c, level });
  const pT = t.conversions / t.n;
  const pC = c.conversions / c.n;
  return {
    absoluteLift: z.difference,
    relativeLift: estimateRelativeLift({
      treatmentMean: pT,
      treatmentVarianceOfMean: (pT * (1 - pT)) / t.n,
      controlMean: pC,
      controlVarianceOfMean: (pC * (1 - pC)) / c.n,
      level,
    }),
    z: z.z,
    pValue: z.pValue,
    probabilityToBeatControl: computeProbabilityToBeat({ treatment: t, control: c }),
    sequential: testSequentialSnapshot({
      look: { difference: pT - pC, variance: (pT * (1 - pT)) / t.n + (pC * (1 - pC)) / c.n },
      mixtureSd: DEFAULT_MIXTURE_RELATIVE_SD * pC,
      alpha: 1 - level,
    }),
  };
}

/** Mean comparison (Welch) of any per-row metric between two sets of values. */
export function compareMeans(input: {
  treatment: ArrayLike<number>;
  control: ArrayLike<number>;
  level?: number;
}): RevenueComparison | undefined {
  const level = input.level ?? 0.95;
  const t = computeMoments(input.treatment);
  const c = computeMoments(input.control);
  const welch = testWelch({ treatment: t, control: c, level });
  if (welch === undefined) return undefined;
  return {
    absoluteLift: welch.difference,
    relativeLift: estimateRelativeLift({
      treatmentMean: t.mean,
      treatmentVarianceOfMean: t.variance / t.n,
      controlMean: c.mean,
      controlVarianceOfMean: c.variance / c.n,
      level,
    }),
    welch,
    sequential: testSequentialSnapshot({
      look: { difference: t.mean - c.mean, variance: welch.standardError ** 2 },
      mixtureSd: DEFAULT_MIXTURE_RELATIVE_SD * Math.abs(c.mean),
      alpha: 1 - level,
    }),
  };
}

/** Revenue per recipient of `arm` vs `control`. */
export function compareRevenue(input: {
  rows: readonly ExperimentRow[];
  arm: string;
  control: string;
  level?: number;
}): RevenueComparison | undefined {
  const pick = (name: string): number[] => input.rows.filter((r) => r.arm === name).map((r) => r.revenue);
  return compareMeans({
    treatment: pick(input.arm),
    control: pick(input.control),
    ...(input.level !== undefined && { level: input.level }),
  });
}
