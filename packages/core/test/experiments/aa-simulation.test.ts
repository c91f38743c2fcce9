import { simulateSequentialExperiments } from '@dalbit/core/experiments/simulate-experiments';
import { describe, expect, it } from 'vitest';

// 2,000 seeded A/A experiments on conversion (5 % in both arms, 1,000 new customers per arm per
// day, a look every day for 14 days). The mSPRT must keep the false-positive rate at or below
// α = 0.05 (+3 standard errors of a 2,000-run proportion), while stopping at the first daily z-test
// with p < 0.05 must inflate it well above α (Johari et al. 2017, Fig. 1: ≈ 20–30 % for this
// kind of daily peeking). With a planted +20 % effect the sequential test must still find it.
const alpha = 0.05;
const base = { simulations: 2000, days: 14, usersPerArmPerDay: 1000, rate: 0.05, alpha } as const;
const se = Math.sqrt((alpha * (1 - alpha)) / base.simulations);

describe('A/A simulation with daily peeking', () => {
  const absolute = simulateSequentialExperiments({ ...base, mixture: { kind: 'absolute', sd: 0.01 }, seed: 20240601 });
  // The reports' default: τ = 10 % of the control rate seen at each look.
  const relative = simulateSequentialExperiments({ ...base, mixture: { kind: 'relative', sd: 0.1 }, seed: 7 });

  it('sequential test holds its nominal error rate', () => {
    expect(absolute.sequentialRejectRate).toBeLessThanOrEqual(alpha + 3 * se);
    expect(relative.sequentialRejectRate).toBeLessThanOrEqual(alpha + 3 * se);
  });
  it('naive daily peeking with the z-test inflates it', () => {
    expect(absolute.naivePeekingRejectRate).toBeGreaterThan(0.12);
    expect(relative.naivePeekingRejectRate).toBeGreaterThan(0.12);
  });
  it('a single fixed-horizon z-test is at its nominal rate (sanity check of the simulator)', () => {
    expect(Math.abs(absolute.fixedHorizonRejectRate - alpha)).toBeLessThan(3 * se);
    expect(Math.abs(relative.fixedHorizonRejectRate - alpha)).toBeLessThan(3 * se);
  });
});

describe('A/B simulation with a planted effect (5 % → 6 %)', () => {
  it('the sequential test detects it in most runs', () => {
    const r = simulateSequentialExperiments({
      ...base,
      simulations: 500,
      treatmentRate: 0.06,
      mixture: { kind: 'absolute', sd: 0.01 },
      seed: 99,
    });
    expect(r.sequentialRejectRate).toBeGreaterThan(0.6);
    expect(r.fixedHorizonRejectRate).toBeGreaterThan(r.sequentialRejectRate - 0.05);
  });
});
