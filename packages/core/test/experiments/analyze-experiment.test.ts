import { analyzeExperiment } from '@dalbit/core/experiments/analyze-experiment';
import { adjustCuped } from '@dalbit/core/experiments/cuped';
import type { Interval } from '@dalbit/core/experiments/interval';
import { describe, expect, it } from 'vitest';
import { expectClose, loadAbRows, R } from './reference.ts';

// The A/B fixture (fixtures/ab-test.csv, from scripts/r/generate-fixtures.R: 6,000 customers,
// control/A/B planned 10/45/45 %) analysed end to end and compared with R: prop.test(correct =
// FALSE), t.test, integrate() for P(beat), chisq.test for SRM, and for CUPED θ from
// lm(revenue ~ pre_revenue) (the OLS slope, Deng et al. 2013 §3.2) followed by t.test on the
// adjusted revenue. Tolerance 1e-6 relative.
const rows = loadAbRows();
const ref = R.ab_test;
const weights = [
  { name: 'control', weight: 0.1 },
  { name: 'A', weight: 0.45 },
  { name: 'B', weight: 0.45 },
];
const analysis = analyzeExperiment({ rows, control: 'control', weights });

function expectInterval(
  actual: Interval | undefined,
  expected: { estimate: number; lower: number; upper: number },
): void {
  expectClose(actual?.estimate, expected.estimate);
  expectClose(actual?.lower, expected.lower);
  expectClose(actual?.upper, expected.upper);
}

describe('analyzeExperiment on the A/B fixture = R', () => {
  it('per-arm n, conversions, revenue per recipient, AOV', () => {
    expect(analysis.arms.map((a) => a.arm)).toEqual(['control', 'A', 'B']);
    for (const [i, e] of (
      ref.arms as { n: number; conversions: number; revenue: number; revenue_per_recipient: number; aov: number }[]
    ).entries()) {
      const a = analysis.arms[i];
      expect(a?.n).toBe(e.n);
      expect(a?.conversions).toBe(e.conversions);
      expect(a?.revenue).toBe(e.revenue);
      expectClose(a?.revenuePerRecipient, e.revenue_per_recipient);
      expectClose(a?.aov, e.aov);
    }
  });

  it.each(['A', 'B'])('%s vs control: conversion, revenue and CUPED', (arm) => {
    // biome-ignore lint/suspicious/noExplicitAny: R JSON
    const e = (ref.comparisons as any[]).find((c) => c.arm === arm);
    const c = analysis.comparisons.find((x) => x.arm === arm);
    expectInterval(c?.conversion.absoluteLift, e.conversion);
    expectClose(c?.conversion.pValue, e.conversion.p_value);
    expectInterval(c?.conversion.relativeLift, e.conversion.relative);
    expectClose(c?.conversion.probabilityToBeatControl, e.conversion.probability_to_beat);
    expectInterval(c?.revenue?.absoluteLift, e.revenue);
    expectClose(c?.revenue?.welch.pValue, e.revenue.p_value);
    expectClose(c?.revenue?.welch.df, e.revenue.df);
    expectInterval(c?.revenue?.relativeLift, e.revenue.relative);
    expectInterval(c?.cuped?.absoluteLift, e.cuped);
    expectClose(c?.cuped?.welch.pValue, e.cuped.p_value);
    expectInterval(c?.cuped?.relativeLift, e.cuped.relative);
  });

  it('CUPED θ equals the OLS slope and narrows the revenue interval', () => {
    const cuped = adjustCuped({ outcome: rows.map((r) => r.revenue), pre: rows.map((r) => r.preRevenue ?? 0) });
    expectClose(cuped.theta, ref.cuped.theta);
    expectClose(cuped.varianceReduction, ref.cuped.variance_reduction);
    const b = analysis.comparisons.find((x) => x.arm === 'B');
    const width = (i: Interval | undefined): number => (i ? i.upper - i.lower : Number.NaN);
    expect(width(b?.cuped?.absoluteLift)).toBeLessThan(width(b?.revenue?.absoluteLift));
    // ANCOVA (lm(revenue ~ arm + pre_revenue)) estimates the same effect with the within-arm slope.
    expect(Math.abs((b?.cuped?.absoluteLift.estimate ?? 0) - ref.cuped.ancova_B_vs_control)).toBeLessThan(
      0.02 * Math.abs(ref.cuped.ancova_B_vs_control),
    );
  });

  it('SRM for the planned 10/45/45 split', () => {
    expectClose(analysis.sampleRatio?.chiSquare, ref.srm.chi_square);
    expectClose(analysis.sampleRatio?.pValue, ref.srm.p_value);
    expect(analysis.sampleRatio?.mismatch).toBe(false);
  });

  it('per-segment lift', () => {
    // biome-ignore lint/suspicious/noExplicitAny: R JSON
    for (const seg of ref.segments as any[]) {
      const mine = analysis.segments.find((s) => s.segment === seg.segment);
      for (const e of seg.comparisons) {
        const c = mine?.comparisons.find((x) => x.arm === e.arm);
        expectInterval(c?.conversion.absoluteLift, e.conversion);
        expectClose(c?.conversion.pValue, e.conversion.p_value);
        expectClose(c?.conversion.probabilityToBeatControl, e.conversion.probability_to_beat);
        expectInterval(c?.revenue?.absoluteLift, e.revenue);
        expectClose(c?.revenue?.welch.pValue, e.revenue.p_value);
      }
    }
    expect(analysis.segments.map((s) => s.segment)).toEqual(['new', 'regular', 'vip']);
  });
});
