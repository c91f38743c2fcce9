// The simulation check of issue 6 at scale: one demo brand, one real scheduler run (holdout 10 %,
// A 45 %, B 45 %), then for each of SEEDS seeds a fresh set of post-exposure orders with a planted
// +30 % conversion lift for B (A has none), and the full warehouse report (attribution SQL →
// analyzeExperiment). Reports how often the 95 % intervals cover the truth, the false-positive rate
// of A at the report's single look (z-test and always-valid p), B's power, and the A/A
// false-positive rate of the sequential test under daily peeking (simulateSequentialExperiments).
// Orders go in with engine.insert here (200 importer runs would mostly time CSV parsing); the
// test planted-experiment.test.ts covers the importer path.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DemoParamsSchema } from '@dalbit/core/demo/demo-params';
import { simulateSequentialExperiments } from '@dalbit/core/experiments/simulate-experiments';
import { runDemo } from '../packages/server/src/demo/run-demo.ts';
import { runDemoExperimentCampaign } from '../packages/server/src/demo-experiment/demo-campaign.ts';
import { plantExperiment, removePlantedOrders } from '../packages/server/src/demo-experiment/plant-experiment.ts';
import { openMemoryWarehouse } from '../packages/server/src/engines/open-engine.ts';
import { loadCampaignReport } from '../packages/server/src/reports/campaign/load-campaign-report.ts';

const SEEDS = Number(process.env.PLANT_SEEDS ?? 200);
const CUSTOMERS = Number(process.env.PLANT_CUSTOMERS ?? 3000);
const LIFT = 0.3;
const BASELINE = 0.08;

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'dalbit-plant-bench-'));
  const engine = await openMemoryWarehouse('duckdb');
  const t0 = performance.now();
  await runDemo(engine, {
    params: DemoParamsSchema.parse({ customers: CUSTOMERS, seed: 7, eventsPerCustomer: 0 }),
    outDir: join(dir, 'demo-files'),
    now: new Date('2026-11-16T09:00:00Z'),
  });
  const schedule = await runDemoExperimentCampaign(engine, {
    id: 'winter-exp',
    at: '2026-11-20T10:00:00+09:00',
    now: new Date('2026-11-20T12:00:00Z'),
    saveAt: new Date('2026-11-19T00:00:00Z'),
  });
  const setupSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const n = {
    bCovered: 0,
    bSignificant: 0,
    aCovered: 0,
    aFalsePositive: 0,
    aSequentialFalsePositive: 0,
    srm: 0,
    winnerB: 0,
    winnerA: 0,
  };
  const widths: number[] = [];
  let arms: Record<string, number> = {};
  for (let seed = 1; seed <= SEEDS; seed++) {
    const planted = await plantExperiment(engine, {
      campaignId: 'winter-exp',
      via: 'insert',
      workDir: dir,
      now: new Date('2026-12-01T00:00:00Z'),
      baselineRate: BASELINE,
      effects: { B: LIFT },
      windowDays: 7,
      seed,
    });
    const r = await loadCampaignReport(engine, { campaignId: 'winter-exp' });
    await removePlantedOrders(engine, planted.orderIds);
    const a = r.analysis?.comparisons.find((c) => c.arm === 'A')?.conversion;
    const b = r.analysis?.comparisons.find((c) => c.arm === 'B')?.conversion;
    arms = Object.fromEntries((r.analysis?.arms ?? []).map((x) => [x.arm, x.n]));
    if (b?.relativeLift && b.relativeLift.lower <= LIFT && LIFT <= b.relativeLift.upper) n.bCovered++;
    if (b?.relativeLift) widths.push(b.relativeLift.upper - b.relativeLift.lower);
    if (b && b.pValue < 0.05 && b.absoluteLift.estimate > 0) n.bSignificant++;
    if (a && a.absoluteLift.lower <= 0 && 0 <= a.absoluteLift.upper) n.aCovered++;
    if (a && a.pValue < 0.05) n.aFalsePositive++;
    if (a?.sequential && a.sequential.pValue <= 0.05) n.aSequentialFalsePositive++;
    if (r.analysis?.sampleRatio?.mismatch) n.srm++;
    if (r.verdict.kind === 'winner') r.verdict.arm === 'B' ? n.winnerB++ : n.winnerA++;
  }
  const loopSeconds = (performance.now() - t1) / 1000;
  await engine.close();
  widths.sort((x, y) => x - y);
  // A/A under daily peeking for 14 days, sized like this campaign's treated arm (≈1,350 customers
  // in 14 daily batches), mixture τ = 10 % of the control rate as the report uses.
  const aa = simulateSequentialExperiments({
    simulations: 20_000,
    days: 14,
    usersPerArmPerDay: Math.round((CUSTOMERS * 0.45) / 14),
    rate: BASELINE,
    mixture: { kind: 'relative', sd: 0.1 },
    alpha: 0.05,
    seed: 11,
  });
  // The same at a larger scale (2,000 per arm per day for 28 days), where τ is closer to the SE.
  const aaLarge = simulateSequentialExperiments({
    simulations: 5_000,
    days: 28,
    usersPerArmPerDay: 2000,
    rate: BASELINE,
    mixture: { kind: 'relative', sd: 0.1 },
    alpha: 0.05,
    seed: 12,
  });
  const rate = (k: number): number => Number((k / SEEDS).toFixed(4));
  return {
    customers: CUSTOMERS,
    seeds: SEEDS,
    arms,
    scheduled: {
      touches: schedule.touches,
      queued: schedule.queued,
      blocked: schedule.blocked,
      holdout: schedule.holdout,
    },
    plantedLift: LIFT,
    baseline: BASELINE,
    coverageB95: rate(n.bCovered),
    coverageA95: rate(n.aCovered),
    medianIntervalWidthB: Number((widths[Math.floor(widths.length / 2)] ?? Number.NaN).toFixed(3)),
    powerB: rate(n.bSignificant),
    falsePositiveA_zTest: rate(n.aFalsePositive),
    falsePositiveA_sequentialSingleLook: rate(n.aSequentialFalsePositive),
    srmFlagged: rate(n.srm),
    verdictWinnerB: rate(n.winnerB),
    verdictWinnerA: rate(n.winnerA),
    aaDailyPeeking14d: {
      simulations: aa.simulations,
      sequentialFalsePositive: aa.sequentialRejectRate,
      naivePeekingFalsePositive: aa.naivePeekingRejectRate,
      fixedHorizonFalsePositive: aa.fixedHorizonRejectRate,
    },
    aaDailyPeeking28dLarge: {
      simulations: aaLarge.simulations,
      sequentialFalsePositive: aaLarge.sequentialRejectRate,
      naivePeekingFalsePositive: aaLarge.naivePeekingRejectRate,
      fixedHorizonFalsePositive: aaLarge.fixedHorizonRejectRate,
    },
    setupSeconds: Number(setupSeconds.toFixed(1)),
    secondsPerSeed: Number((loopSeconds / SEEDS).toFixed(3)),
  };
}
