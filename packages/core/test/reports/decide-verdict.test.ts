import { describe, expect, it } from 'vitest';
import { analyzeExperiment } from '../../src/experiments/analyze-experiment.ts';
import type { ExperimentRow } from '../../src/experiments/experiment-row.ts';
import { decideVerdict } from '../../src/reports/campaign/decide-verdict.ts';
import { describeVerdict } from '../../src/reports/campaign/verdict-text.ts';

function arm(name: string, n: number, conversions: number): ExperimentRow[] {
  return Array.from({ length: n }, (_, i) => ({
    arm: name,
    converted: i < conversions,
    revenue: i < conversions ? 40_000 : 0,
  }));
}

describe('decideVerdict', () => {
  it('names the significant arm with the largest lift the winner', () => {
    const a = analyzeExperiment({
      rows: [...arm('holdout', 1000, 50), ...arm('A', 1000, 60), ...arm('B', 1000, 90)],
      control: 'holdout',
    });
    const v = decideVerdict(a);
    expect(v.kind).toBe('winner');
    if (v.kind !== 'winner') return;
    expect(v.arm).toBe('B');
    expect(v.pValue).toBeLessThan(0.05);
    expect(describeVerdict(v, 'ko', 0.95)).toMatch(/^승자: B — 전환율 상대 변화 \+80\.0%/);
    expect(describeVerdict(v, 'en', 0.95)).toMatch(/^Winner: B — conversion \+80\.0%/);
  });

  it('says the split is broken when SRM is flagged, even with a significant lift', () => {
    const a = analyzeExperiment({
      rows: [...arm('holdout', 1000, 50), ...arm('B', 1300, 120)],
      control: 'holdout',
      weights: [
        { name: 'holdout', weight: 0.5 },
        { name: 'B', weight: 0.5 },
      ],
    });
    expect(a.comparisons[0]?.conversion.pValue).toBeLessThan(0.05);
    const v = decideVerdict(a);
    expect(v.kind).toBe('split_broken');
    expect(describeVerdict(v, 'en', 0.95)).toContain('do not trust');
    expect(describeVerdict(v, 'ko', 0.95)).toContain('믿지 마세요');
  });

  it('says control is better when every significant arm is worse', () => {
    const a = analyzeExperiment({ rows: [...arm('holdout', 1000, 90), ...arm('A', 1000, 50)], control: 'holdout' });
    expect(decideVerdict(a)).toEqual({ kind: 'control_better', arms: ['A'] });
  });

  it('asks for more customers with the sample size of R power.prop.test', () => {
    // 5 % → 5.5 % (+10 %) observed with 2,000 per arm: not significant.
    // R: power.prop.test(p1 = 0.05, p2 = 0.055, power = 0.8)$n = 31233.4 → 31,234 per arm.
    const a = analyzeExperiment({ rows: [...arm('holdout', 2000, 100), ...arm('A', 2000, 110)], control: 'holdout' });
    const v = decideVerdict(a);
    expect(v.kind).toBe('no_winner_yet');
    if (v.kind !== 'no_winner_yet') return;
    expect(v.targetLift).toBeCloseTo(0.1, 12);
    expect(v.neededPerArm).toBe(31234);
    expect(v.additionalCustomers).toBe(Math.ceil((31234 / 2000 - 1) * 4000));
    // R: power.prop.test(n = 2000, p1 = 0.05, power = 0.8)$p2 = 0.07112892 → +42.258 % relative.
    // R solves with uniroot (tol ≈ 1.2e-4), so agree to 3 decimals.
    expect(v.detectableLift).toBeCloseTo(0.07112892 / 0.05 - 1, 3);
    expect(describeVerdict(v, 'en', 0.95)).toContain('31,234 customers per arm');
  });

  it('plans for +10 % when no arm is ahead, and gives up without conversions', () => {
    const ahead = decideVerdict(
      analyzeExperiment({ rows: [...arm('holdout', 500, 30), ...arm('A', 500, 27)], control: 'holdout' }),
    );
    expect(ahead).toMatchObject({ kind: 'no_winner_yet', targetLift: 0.1 });
    const none = decideVerdict(
      analyzeExperiment({ rows: [...arm('holdout', 500, 0), ...arm('A', 500, 0)], control: 'holdout' }),
    );
    expect(none).toMatchObject({ kind: 'no_winner_yet', neededPerArm: undefined });
  });
});
