import type { ArmWeight } from './assign-arm.ts';
import {
  type ConversionComparison,
  compareConversion,
  compareMeans,
  compareRevenue,
  type RevenueComparison,
} from './compare-arms.ts';
import { adjustCuped } from './cuped.ts';
import type { ExperimentRow } from './experiment-row.ts';
import { checkSampleRatio, type SampleRatioCheck } from './sample-ratio.ts';
import { type ArmSummary, summarizeArm } from './summarize-arm.ts';

export interface CupedComparison extends RevenueComparison {
  readonly theta: number;
  readonly varianceReduction: number;
}

export interface ArmVsControl {
  readonly arm: string;
  readonly conversion: ConversionComparison;
  /** Undefined when Welch's test is undefined (no variance, or < 2 rows). */
  readonly revenue: RevenueComparison | undefined;
  /** Present when every row has a pre-period revenue. */
  readonly cuped: CupedComparison | undefined;
}

export interface SegmentLift {
  readonly segment: string;
  readonly arms: readonly ArmSummary[];
  readonly comparisons: readonly Omit<ArmVsControl, 'cuped'>[];
}

export interface ExperimentAnalysis {
  readonly control: string;
  readonly level: number;
  readonly arms: readonly ArmSummary[];
  readonly comparisons: readonly ArmVsControl[];
  readonly sampleRatio: SampleRatioCheck | undefined;
  readonly segments: readonly SegmentLift[];
}

/**
 * Everything the experiment report needs from per-customer rows: per-arm summaries, each arm
 * against `control` (conversion z-test and lift, revenue Welch test and lift, probability to
 * beat control, CUPED when pre-period revenue is present), the SRM check when planned weights are
 * given, and per-segment lift when rows carry a segment. Arms appear in `weights` order, else
 * control first, then in first-seen order. The caller checks that `control` is one of the arms.
 */
export function analyzeExperiment(input: {
  rows: readonly ExperimentRow[];
  control: string;
  weights?: readonly ArmWeight[];
  level?: number;
}): ExperimentAnalysis {
  const { rows, control } = input;
  const level = input.level ?? 0.95;
  const seen = [...new Set([control, ...rows.map((r) => r.arm)])];
  const names = input.weights
    ? [...input.weights.map((w) => w.name), ...seen.filter((a) => !input.weights?.some((w) => w.name === a))]
    : seen;
  const arms = names.map((name) => summarizeArm(name, rows));
  const controlSummary = arms.find((a) => a.arm === control);
  const treated = arms.filter((a) => a.arm !== control && a.n > 0);
  const cuped =
    rows.length > 0 && rows.every((r) => r.preRevenue !== undefined)
      ? adjustCuped({ outcome: rows.map((r) => r.revenue), pre: rows.map((r) => r.preRevenue ?? 0) })
      : undefined;
  const adjustedOf = (arm: string): number[] => {
    const out: number[] = [];
    if (cuped) {
      rows.forEach((r, i) => {
        if (r.arm === arm) out.push(cuped.adjusted[i] ?? 0);
      });
    }
    return out;
  };
  const comparisons: ArmVsControl[] =
    controlSummary === undefined || controlSummary.n === 0
      ? []
      : treated.map((t) => {
          const adjusted = cuped
            ? compareMeans({ treatment: adjustedOf(t.arm), control: adjustedOf(control), level })
            : undefined;
          return {
            arm: t.arm,
            conversion: compareConversion({ treatment: t, control: controlSummary, level }),
            revenue: compareRevenue({ rows, arm: t.arm, control, level }),
            cuped:
              adjusted && cuped
                ? { ...adjusted, theta: cuped.theta, varianceReduction: cuped.varianceReduction }
                : undefined,
          };
        });
  const observed = Object.fromEntries(arms.map((a) => [a.arm, a.n]));
  return {
    control,
    level,
    arms,
    comparisons,
    sampleRatio: input.weights ? checkSampleRatio({ observed, weights: input.weights }) : undefined,
    segments: computeSegmentLifts({ rows, control, names, level }),
  };
}

function computeSegmentLifts(input: {
  rows: readonly ExperimentRow[];
  control: string;
  names: readonly string[];
  level: number;
}): SegmentLift[] {
  const labels = [...new Set(input.rows.flatMap((r) => (r.segment === undefined ? [] : [r.segment])))].sort();
  return labels.map((segment) => {
    const rows = input.rows.filter((r) => r.segment === segment);
    const arms = input.names.map((name) => summarizeArm(name, rows));
    const control = arms.find((a) => a.arm === input.control);
    const comparisons =
      control === undefined || control.n === 0
        ? []
        : arms
            .filter((a) => a.arm !== input.control && a.n > 0)
            .map((t) => ({
              arm: t.arm,
              conversion: compareConversion({ treatment: t, control, level: input.level }),
              revenue: compareRevenue({ rows, arm: t.arm, control: input.control, level: input.level }),
            }));
    return { segment, arms, comparisons };
  });
}
