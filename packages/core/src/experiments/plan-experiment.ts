import {
  computeMeanMde,
  computeMeanSampleSize,
  computeProportionMde,
  computeProportionSampleSize,
} from './sample-size.ts';

/** What to plan: a conversion rate or a mean (e.g. revenue per recipient), and either the lift or n. */
export type ExperimentPlanInput = {
  readonly power: number;
  readonly alpha: number;
} & (
  | { readonly metric: 'proportion'; readonly baseline: number; readonly sd?: undefined }
  | { readonly metric: 'mean'; readonly baseline: number; readonly sd: number }
) &
  (
    | { readonly relativeLift: number; readonly nPerArm?: undefined }
    | { readonly nPerArm: number; readonly relativeLift?: undefined }
  );

export interface ExperimentPlan {
  readonly metric: 'proportion' | 'mean';
  readonly baseline: number;
  /** Customers per arm (rounded up) needed for `relativeLift`, or the n that was given. */
  readonly nPerArm: number;
  /** The lift planned for, or the minimum detectable one for the given n. */
  readonly relativeLift: number;
  readonly absoluteLift: number;
  readonly power: number;
  readonly alpha: number;
}

/**
 * Sample size for a planned relative lift, or the minimum detectable lift for a given n per arm
 * (two-sided tests; proportions as R `power.prop.test`, means as R `power.t.test`).
 * @example planExperiment({ metric: 'proportion', baseline: 0.05, relativeLift: 0.1, power: 0.8, alpha: 0.05 }).nPerArm // 31234 (R power.prop.test: 31233.4)
 */
export function planExperiment(input: ExperimentPlanInput): ExperimentPlan {
  const { power, alpha, baseline } = input;
  const common = { metric: input.metric, baseline, power, alpha };
  if (input.relativeLift !== undefined) {
    const absoluteLift = baseline * input.relativeLift;
    const n =
      input.metric === 'proportion'
        ? computeProportionSampleSize({ p1: baseline, p2: baseline + absoluteLift, power, alpha })
        : computeMeanSampleSize({ delta: absoluteLift, sd: input.sd, power, alpha });
    return { ...common, nPerArm: Math.ceil(n), relativeLift: input.relativeLift, absoluteLift };
  }
  const absoluteLift =
    input.metric === 'proportion'
      ? computeProportionMde({ n: input.nPerArm, p1: baseline, power, alpha }) - baseline
      : computeMeanMde({ n: input.nPerArm, sd: input.sd, power, alpha });
  return { ...common, nPerArm: input.nPerArm, relativeLift: absoluteLift / baseline, absoluteLift };
}
