import {
  computeConfidenceSequenceHalfWidth,
  computeMixtureLogLikelihoodRatio,
  INITIAL_SEQUENTIAL_STATE,
  updateSequentialTest,
} from '@dalbit/core/experiments/msprt';
import {
  computeMeanMde,
  computeMeanPower,
  computeMeanSampleSize,
  computeProportionMde,
  computeProportionPower,
  computeProportionSampleSize,
} from '@dalbit/core/experiments/sample-size';
import { describe, expect, it } from 'vitest';
import { expectClose, R } from './reference.ts';

// Sample size / MDE / power: R power.prop.test and power.t.test (strict = FALSE, two-sided),
// uniroot tolerance tightened to 1e-12 in scripts/r/reference.R; tolerance here 1e-6 relative.
type C = Record<string, number>;
const pp = R.power_prop as Record<string, C[]>;
const tp = R.power_t as Record<string, C[]>;
const v = (c: C, k: string): number => c[k] ?? Number.NaN;

describe('two proportions = power.prop.test', () => {
  it.each(pp.sample_size ?? [])('n for $p1 → $p2, power $power, α $alpha', (c) =>
    expectClose(
      computeProportionSampleSize({ p1: v(c, 'p1'), p2: v(c, 'p2'), power: v(c, 'power'), alpha: v(c, 'alpha') }),
      v(c, 'n'),
    ),
  );
  it.each(pp.mde ?? [])('p2 for n $n, p1 $p1', (c) =>
    expectClose(
      computeProportionMde({ n: v(c, 'n'), p1: v(c, 'p1'), power: v(c, 'power'), alpha: v(c, 'alpha') }),
      v(c, 'p2'),
    ),
  );
  it.each(pp.power ?? [])('power for n $n, $p1 → $p2', (c) =>
    expectClose(
      computeProportionPower({ n: v(c, 'n'), p1: v(c, 'p1'), p2: v(c, 'p2'), alpha: v(c, 'alpha') }),
      v(c, 'power'),
    ),
  );
});

describe('means = power.t.test', () => {
  it.each(tp.sample_size ?? [])('n for δ $delta, sd $sd', (c) =>
    expectClose(
      computeMeanSampleSize({ delta: v(c, 'delta'), sd: v(c, 'sd'), power: v(c, 'power'), alpha: v(c, 'alpha') }),
      v(c, 'n'),
    ),
  );
  it.each(tp.mde ?? [])('δ for n $n, sd $sd', (c) =>
    expectClose(
      computeMeanMde({ n: v(c, 'n'), sd: v(c, 'sd'), power: v(c, 'power'), alpha: v(c, 'alpha') }),
      v(c, 'delta'),
    ),
  );
  it.each(tp.power ?? [])('power for n $n, δ $delta, sd $sd', (c) =>
    expectClose(
      computeMeanPower({ n: v(c, 'n'), delta: v(c, 'delta'), sd: v(c, 'sd'), alpha: v(c, 'alpha') }),
      v(c, 'power'),
    ),
  );
});

// mSPRT (Johari et al. 2017): the closed-form mixture likelihood ratio vs R's numeric integration
// of N(Δ̂; θ, V)/N(Δ̂; 0, V) over the mixing density N(θ; 0, τ²).
describe('mSPRT normal mixture', () => {
  it.each(R.msprt as C[])('Λ for Δ̂ $difference, V $variance, τ² $mixture_variance', (c) => {
    const logLr = computeMixtureLogLikelihoodRatio({
      look: { difference: v(c, 'difference'), variance: v(c, 'variance') },
      mixtureVariance: v(c, 'mixture_variance'),
    });
    expectClose(Math.exp(logLr), v(c, 'likelihood_ratio'));
  });

  it('confidence sequence is the inversion of the test: Λ(θ) = 1/α at its ends', () => {
    const look = { difference: 0.012, variance: 3e-5 };
    const mixtureVariance = 2e-4;
    const half = computeConfidenceSequenceHalfWidth({ variance: look.variance, mixtureVariance, alpha: 0.05 });
    for (const end of [look.difference - half, look.difference + half]) {
      const logLr = computeMixtureLogLikelihoodRatio({ look, mixtureVariance, nullValue: end });
      expect(logLr).toBeCloseTo(Math.log(20), 10);
    }
  });

  it('p-value never rises and the interval only shrinks', () => {
    let s = INITIAL_SEQUENTIAL_STATE;
    const looks = [
      { difference: 0.02, variance: 1e-4 },
      { difference: 0.001, variance: 5e-5 },
      { difference: 0.015, variance: 2e-5 },
    ];
    for (const look of looks) {
      const next = updateSequentialTest({ state: s, look, mixtureVariance: 1e-4 });
      expect(next.pValue).toBeLessThanOrEqual(s.pValue);
      expect(next.lower).toBeGreaterThanOrEqual(s.lower);
      expect(next.upper).toBeLessThanOrEqual(s.upper);
      s = next;
    }
    expect(s.looks).toBe(3);
  });
});
