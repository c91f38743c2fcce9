import { computeMoments } from '@dalbit/core/experiments/moments';
import { computeProbabilityToBeat } from '@dalbit/core/experiments/probability-to-beat';
import { estimateRelativeLift } from '@dalbit/core/experiments/relative-lift';
import { checkSampleRatio } from '@dalbit/core/experiments/sample-ratio';
import { testTwoProportions } from '@dalbit/core/experiments/two-proportion-test';
import { testWelch } from '@dalbit/core/experiments/welch-test';
import { describe, expect, it } from 'vitest';
import { expectClose, R } from './reference.ts';

// References: R prop.test(correct = FALSE), t.test (Welch), chisq.test(p =), and for the Bayesian
// probability numeric integration in R (integrate(dbeta(p, …) * pbeta(p, …)), rel.tol 1e-13), which is
// independent of the closed form used here (Evan Miller 2014). Relative-lift intervals: the Katz
// log method (Katz et al., Biometrics 34:469, 1978) re-computed in R from its formula.
interface Counts {
  conversions: number;
  n: number;
}
interface PropCase {
  treatment: Counts;
  control: Counts;
  p_value: number;
  chi_square: number;
  lower: number;
  upper: number;
  relative: { estimate?: number | null; lower?: number; upper?: number };
}

describe('two-proportion z-test = prop.test(correct = FALSE)', () => {
  it.each(R.two_proportions as PropCase[])(
    '$treatment.conversions/$treatment.n vs $control.conversions/$control.n',
    (c) => {
      const r = testTwoProportions({ treatment: c.treatment, control: c.control });
      expectClose(r.pValue, c.p_value);
      expectClose(r.z * r.z, c.chi_square);
      expectClose(r.difference.lower, c.lower);
      expectClose(r.difference.upper, c.upper);
      const pT = c.treatment.conversions / c.treatment.n;
      const pC = c.control.conversions / c.control.n;
      const rel = estimateRelativeLift({
        treatmentMean: pT,
        treatmentVarianceOfMean: (pT * (1 - pT)) / c.treatment.n,
        controlMean: pC,
        controlVarianceOfMean: (pC * (1 - pC)) / c.control.n,
      });
      if (c.relative.estimate == null) expect(rel).toBeUndefined();
      else {
        expectClose(rel?.estimate, c.relative.estimate);
        expectClose(rel?.lower, c.relative.lower ?? 0);
        expectClose(rel?.upper, c.relative.upper ?? 0);
      }
    },
  );
});

describe("Welch's t-test = t.test()", () => {
  it.each(
    R.welch as {
      treatment: number[];
      control: number[];
      t: number;
      df: number;
      p_value: number;
      lower: number;
      upper: number;
    }[],
  )('case %#', (c) => {
    const r = testWelch({ treatment: computeMoments(c.treatment), control: computeMoments(c.control) });
    expectClose(r?.t, c.t);
    expectClose(r?.df, c.df);
    expectClose(r?.pValue, c.p_value);
    expectClose(r?.difference.lower, c.lower);
    expectClose(r?.difference.upper, c.upper);
  });
  it('is undefined when neither arm varies (R: "data are essentially constant")', () => {
    expect(testWelch({ treatment: computeMoments([0, 0, 0]), control: computeMoments([0, 0]) })).toBeUndefined();
  });
});

describe('sample-ratio mismatch = chisq.test(observed, p = weights)', () => {
  it.each(R.srm as { observed: number[]; weights: number[]; chi_square: number; df: number; p_value: number }[])(
    '$observed',
    (c) => {
      const names = c.observed.map((_, i) => `arm${i}`);
      const r = checkSampleRatio({
        observed: Object.fromEntries(names.map((n, i) => [n, c.observed[i] ?? 0])),
        weights: names.map((name, i) => ({ name, weight: c.weights[i] ?? 0 })),
      });
      expectClose(r.chiSquare, c.chi_square);
      expect(r.df).toBe(c.df);
      expectClose(r.pValue, c.p_value);
      expect(r.mismatch).toBe(c.p_value < 0.001);
    },
  );
  it('flags a broken 10/45/45 split and passes a healthy one', () => {
    const weights = [
      { name: 'control', weight: 0.1 },
      { name: 'A', weight: 0.45 },
      { name: 'B', weight: 0.45 },
    ];
    expect(checkSampleRatio({ observed: { control: 1000, A: 4300, B: 4700 }, weights }).mismatch).toBe(true);
    expect(checkSampleRatio({ observed: { control: 980, A: 4522, B: 4498 }, weights }).mismatch).toBe(false);
  });
});

describe('Bayesian probability to beat control (Beta(1,1) priors)', () => {
  it.each(R.probability_to_beat as { treatment: Counts; control: Counts; probability: number }[])(
    '$treatment.conversions/$treatment.n vs $control.conversions/$control.n',
    (c) => expectClose(computeProbabilityToBeat({ treatment: c.treatment, control: c.control }), c.probability),
  );
  it('is symmetric: P(T > C) + P(C > T) = 1', () => {
    const a = { conversions: 37, n: 800 };
    const b = { conversions: 52, n: 820 };
    expect(
      computeProbabilityToBeat({ treatment: a, control: b }) + computeProbabilityToBeat({ treatment: b, control: a }),
    ).toBeCloseTo(1, 12);
  });
});
