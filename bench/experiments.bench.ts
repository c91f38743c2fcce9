// A/A and A/B simulations of the sequential test (mSPRT) vs naive daily peeking with a z-test,
// larger than the unit test, plus the cost of analysing a 200,000-customer file in memory.
import { analyzeExperiment } from '@dalbit/core/experiments/analyze-experiment';
import type { ExperimentRow } from '@dalbit/core/experiments/experiment-row';
import { simulateSequentialExperiments } from '@dalbit/core/experiments/simulate-experiments';
import { createRandom } from '@dalbit/core/math/random/mulberry32';

export async function run(): Promise<Record<string, unknown>> {
  const base = { days: 28, usersPerArmPerDay: 2000, rate: 0.05, alpha: 0.05 } as const;
  const t0 = performance.now();
  const aaAbsolute = simulateSequentialExperiments({
    ...base,
    simulations: 20_000,
    mixture: { kind: 'absolute', sd: 0.01 },
    seed: 1,
  });
  const aaRelative = simulateSequentialExperiments({
    ...base,
    simulations: 20_000,
    mixture: { kind: 'relative', sd: 0.1 },
    seed: 2,
  });
  const abRelative = simulateSequentialExperiments({
    ...base,
    simulations: 5_000,
    treatmentRate: 0.055,
    mixture: { kind: 'relative', sd: 0.1 },
    seed: 3,
  });
  const simulationMs = performance.now() - t0;

  const random = createRandom(4);
  const rows: ExperimentRow[] = Array.from({ length: 200_000 }, (_, i) => {
    const arm = i % 10 === 0 ? 'control' : i % 2 === 0 ? 'A' : 'B';
    const converted = random() < 0.05;
    const pre = random() < 0.3 ? Math.round(20000 + 40000 * random()) : 0;
    return {
      arm,
      converted,
      revenue: converted ? Math.round(30000 + 0.4 * pre + 20000 * random()) : 0,
      preRevenue: pre,
      segment: i % 3 === 0 ? 'vip' : 'regular',
    };
  });
  const t1 = performance.now();
  analyzeExperiment({
    rows,
    control: 'control',
    weights: [
      { name: 'control', weight: 0.1 },
      { name: 'A', weight: 0.45 },
      { name: 'B', weight: 0.45 },
    ],
  });
  const analyzeMs = performance.now() - t1;
  return {
    setup: { ...base, looks: 'daily' },
    aa_tau_absolute_1pp: aaAbsolute,
    aa_tau_relative_10pct: aaRelative,
    ab_5_to_5_5pct_tau_relative_10pct: abRelative,
    simulation_ms: Math.round(simulationMs),
    analyze_200k_rows_ms: Math.round(analyzeMs),
  };
}
