import type { ExperimentAnalysis } from '../../experiments/analyze-experiment.ts';
import type { Interval } from '../../experiments/interval.ts';
import { planExperiment } from '../../experiments/plan-experiment.ts';

/** Relative lift planned for when the data shows no positive lift to aim at. */
export const DEFAULT_TARGET_LIFT = 0.1;
export const PLANNING_POWER = 0.8;

export type Verdict =
  | { readonly kind: 'no_comparison' }
  /** Sample ratio mismatch: the split is broken; no lift should be trusted. */
  | { readonly kind: 'split_broken'; readonly srmPValue: number }
  | {
      readonly kind: 'winner';
      readonly arm: string;
      readonly relativeLift: Interval | undefined;
      readonly absoluteLift: Interval;
      readonly pValue: number;
      readonly sequentialPValue: number | undefined;
    }
  /** Every significant arm is worse than control. */
  | { readonly kind: 'control_better'; readonly arms: readonly string[] }
  | {
      readonly kind: 'no_winner_yet';
      /** Smallest relative lift detectable now (80 % power), from the effective equal-split n. */
      readonly detectableLift: number | undefined;
      readonly targetLift: number;
      /** Customers per arm (equal split) needed for `targetLift`. */
      readonly neededPerArm: number | undefined;
      /** Customers still to add to the whole campaign at its current split. */
      readonly additionalCustomers: number | undefined;
    };

/**
 * The report's one-line conclusion, on conversion (the primary metric):
 * SRM flagged → split broken (do not trust); else an arm significantly better than control at the
 * report's level → winner (the largest lift among them); else every significant arm worse →
 * control better; else no winner yet, with the sample still needed from the MDE calculator.
 * Unequal arms are planned with their effective equal-split size 2/(1/nT + 1/nC).
 */
export function decideVerdict(a: ExperimentAnalysis): Verdict {
  if (a.comparisons.length === 0) return { kind: 'no_comparison' };
  if (a.sampleRatio?.mismatch) return { kind: 'split_broken', srmPValue: a.sampleRatio.pValue };
  const alpha = 1 - a.level;
  const significant = a.comparisons.filter((c) => c.conversion.pValue < alpha);
  const better = significant
    .filter((c) => c.conversion.absoluteLift.estimate > 0)
    .sort((x, y) => y.conversion.absoluteLift.estimate - x.conversion.absoluteLift.estimate);
  const top = better[0];
  if (top)
    return {
      kind: 'winner',
      arm: top.arm,
      relativeLift: top.conversion.relativeLift,
      absoluteLift: top.conversion.absoluteLift,
      pValue: top.conversion.pValue,
      sequentialPValue: top.conversion.sequential?.pValue,
    };
  if (significant.length > 0) return { kind: 'control_better', arms: significant.map((c) => c.arm) };
  return planMore(a, alpha);
}

function planMore(a: ExperimentAnalysis, alpha: number): Verdict {
  const control = a.arms.find((s) => s.arm === a.control);
  const baseline = control?.conversionRate ?? Number.NaN;
  const observed = Math.max(
    ...a.comparisons.map((c) => c.conversion.relativeLift?.estimate ?? Number.NEGATIVE_INFINITY),
  );
  const targetLift = observed > 0 && Number.isFinite(observed) ? observed : DEFAULT_TARGET_LIFT;
  const unknown = {
    kind: 'no_winner_yet',
    targetLift,
    detectableLift: undefined,
    neededPerArm: undefined,
    additionalCustomers: undefined,
  } as const;
  if (!(baseline > 0 && baseline * (1 + targetLift) < 1) || control === undefined) return unknown;
  const arms = a.comparisons.map((c) => a.arms.find((s) => s.arm === c.arm)?.n ?? 0);
  const nT = Math.max(...arms);
  const nEff = 2 / (1 / nT + 1 / control.n);
  const detect =
    nEff >= 2
      ? planExperiment({ metric: 'proportion', baseline, nPerArm: nEff, power: PLANNING_POWER, alpha })
      : undefined;
  const need = planExperiment({
    metric: 'proportion',
    baseline,
    relativeLift: targetLift,
    power: PLANNING_POWER,
    alpha,
  });
  const total = a.arms.reduce((s, x) => s + x.n, 0);
  return {
    kind: 'no_winner_yet',
    targetLift,
    detectableLift: detect && Number.isFinite(detect.relativeLift) ? detect.relativeLift : undefined,
    neededPerArm: need.nPerArm,
    additionalCustomers: Math.max(0, Math.ceil((need.nPerArm / nEff - 1) * total)),
  };
}
