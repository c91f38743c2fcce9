import { simulateAaExperiments } from '@dalbit/core/experiments/simulate-aa';
import { describe, expect, it } from 'vitest';

// 2,000 seeded A/A experiments on conversion (5 % in both arms, 1,000 new customers per arm per
// day, a look every day for 14 days). The mSPRT (mixing sd τ = 1 percentage point) must keep the
// false-positive rate at or below α = 0.05 (+3 standard errors of a 2,000-run proportion), while
// stopping at the first daily z-test with p < 0.05 must inflate it well above α (Johari et al.
// 2017 report ≈ 20–30 % for this kind of daily peeking).
describe('A/A simulation', () => {
  const alpha = 0.05;
  const r = simulateAaExperiments({ simulations: 2000, days: 14, usersPerArmPerDay: 1000, rate: 0.05, mixtureSd: 0.01, alpha, seed: 20240601 });
  const se = Math.sqrt((alpha * (1 - alpha)) / r.simulations);

  it('sequential test holds its nominal error rate under daily peeking', () => {
    expect(r.sequentialFalsePositiveRate).toBeLessThanOrEqual(alpha + 3 * se);
  });
  it('naive daily peeking with the z-test inflates it', () => {
    expect(r.naivePeekingFalsePositiveRate).toBeGreaterThan(0.12);
  });
  it('a single fixed-horizon z-test is at its nominal rate (sanity check of the simulator)', () => {
    expect(Math.abs(r.fixedHorizonFalsePositiveRate - alpha)).toBeLessThan(3 * se);
  });
});
