// CLV models on Hardie's CDNOW sample (test-data/cdnow): fit times, log-likelihoods, parameters and
// the 39-week holdout backtest. Peer: R's BTYD bgnbd.EstimateParameters, timed here when R and BTYD
// are installed (otherwise reported as not measured). A second part times the warehouse-sized fit:
// the CDNOW customers replicated to 50,000, which the grouped likelihood fits on distinct
// (x, tₓ, T) triples.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { backtestHoldout } from '../packages/core/src/analytics/clv/backtest-holdout.ts';
import { bgnbdTotalLogLikelihood } from '../packages/core/src/analytics/clv/bgnbd-likelihood.ts';
import { bgnbdConditionalExpectedPurchases } from '../packages/core/src/analytics/clv/bgnbd-predict.ts';
import { fitBgnbd } from '../packages/core/src/analytics/clv/fit-bgnbd.ts';
import { fitGammaGamma } from '../packages/core/src/analytics/clv/fit-gamma-gamma.ts';
import { fitParetoNbd } from '../packages/core/src/analytics/clv/fit-pareto-nbd.ts';
import { paretoNbdConditionalExpectedPurchases } from '../packages/core/src/analytics/clv/pareto-nbd-predict.ts';
import { parseCbsCsv } from '../packages/core/src/analytics/clv/parse-cbs-csv.ts';
import { scoreCustomers } from '../packages/core/src/analytics/clv/score-customers.ts';
import { createRandom } from '../packages/core/src/math/random/mulberry32.ts';
import { measureInR } from './r-peer.ts';

const CBS = new URL('../test-data/cdnow/cdnow_sample_cbs.csv', import.meta.url);
const RUNS = 7;

function timeIt<T>(fn: () => T): { result: T; medianMs: number; firstMs: number } {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    result: result as T,
    medianMs: round(sorted[Math.floor(RUNS / 2)] ?? 0, 2),
    firstMs: round(times[0] ?? 0, 2),
  };
}

const round = (v: number, d: number): number => Number(v.toFixed(d));

export async function run(): Promise<Record<string, unknown>> {
  const parsed = parseCbsCsv(readFileSync(CBS, 'utf8'));
  if (!parsed.ok) throw new Error('cannot read the CDNOW CBS');
  const rows = parsed.rows;
  const bg = timeIt(() => fitBgnbd(rows));
  const gg = timeIt(() => fitGammaGamma(rows));
  const pn = timeIt(() => fitParetoNbd(rows));
  const backtest = (predict: (c: (typeof rows)[number]) => number) => {
    const b = backtestHoldout(
      rows.map((c) => ({ customerId: c.customerId, actual: c.xStar ?? 0, predicted: predict(c) })),
    );
    return {
      actualTotal: b.actualTotal,
      predictedTotal: round(b.predictedTotal, 1),
      totalRatio: round(b.totalRatio, 4),
      topDecileMeanActual: round(b.topDecileMeanActual, 3),
      overallMeanActual: round(b.overallMeanActual, 3),
      topDecileLift: round(b.topDecileLift, 3),
      topDecileShare: round(b.topDecileShare, 3),
    };
  };
  const peer = measureInR(
    'R BTYD bgnbd.EstimateParameters',
    'BTYD',
    `cbs <- read.csv("${fileURLToPath(CBS)}")
m <- as.matrix(data.frame(x = cbs$x, t.x = cbs$t.x, T.cal = cbs$T.cal))
t <- replicate(${RUNS}, system.time(bgnbd.EstimateParameters(m))[["elapsed"]])`,
  );
  return {
    dataset: 'CDNOW sample, 2,357 customers, 39-week calibration + 39-week holdout',
    peer,
    bgnbd: {
      fitMsMedian: bg.medianMs,
      fitMsFirst: bg.firstMs,
      ratioToPeer: peer.measured ? round(bg.medianMs / 1000 / peer.seconds, 3) : 'not measured',
      logLikelihood: round(bg.result.logLikelihood, 6),
      logLikelihoodAtPublished: round(bgnbdTotalLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, rows), 6),
      params: mapRound(bg.result.params),
      published: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, logLikelihood: -9582.4 },
      evaluations: bg.result.evaluations,
    },
    gammaGamma: {
      fitMsMedian: gg.medianMs,
      logLikelihood: round(gg.result.logLikelihood, 6),
      params: mapRound(gg.result.params),
      published: { p: 6.25, q: 3.74, gamma: 15.44 },
      customers: gg.result.customers,
    },
    paretoNbd: {
      fitMsMedian: pn.medianMs,
      logLikelihood: round(pn.result.logLikelihood, 6),
      params: mapRound(pn.result.params),
      published: { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67, logLikelihood: -9595.0 },
    },
    backtestHoldout39Weeks: {
      bgnbd: backtest((c) => bgnbdConditionalExpectedPurchases(bg.result.params, c, 39)),
      paretoNbd: backtest((c) => paretoNbdConditionalExpectedPurchases(pn.result.params, c, 39)),
    },
    warehouseSized: warehouseSized(),
  };
}

function mapRound(o: object): Record<string, number> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(Number(v), 5)]));
}

/** Gamma(shape, 1) by Marsaglia–Tsang (shape < 1 through the boost u^(1/shape)). */
function gammaDraw(shape: number, u: () => number): number {
  if (shape < 1) return gammaDraw(shape + 1, u) * u() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(1 - u()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * 50,000 customers drawn from BG/NBD (r 0.25, α 4, a 0.8, b 2.5, weeks), acquired on a uniform day
 * of two years, purchases on whole days — the shape of a warehouse CBS (many distinct tₓ, T).
 */
function warehouseSized(): Record<string, unknown> {
  const u = createRandom(13);
  const rows = Array.from({ length: 50_000 }, (_, i) => {
    const tCal = Math.floor(u() * 730) / 7;
    const lambda = gammaDraw(0.25, u) / 4;
    const ga = gammaDraw(0.8, u);
    const p = ga / (ga + gammaDraw(2.5, u));
    let t = 0;
    let x = 0;
    let tx = 0;
    // Alive until a repeat purchase is followed by a dropout (probability p after each one).
    for (;;) {
      t += -Math.log(1 - u()) / lambda;
      if (t > tCal) break;
      x++;
      tx = Math.round(t * 7) / 7;
      if (u() < p) break;
    }
    return { customerId: String(i), x, tx, tCal };
  });
  const groups = new Set(rows.map((r) => `${r.x}|${r.tx}|${r.tCal}`)).size;
  const t0 = performance.now();
  const fit = fitBgnbd(rows);
  const fitMs = performance.now() - t0;
  const t1 = performance.now();
  scoreCustomers({ rows, bgnbd: fit.params, horizons: [30 / 7, 90 / 7, 365 / 7] });
  const scoreMs = performance.now() - t1;
  return {
    customers: rows.length,
    distinctHistories: groups,
    bgnbdFitMs: round(fitMs, 1),
    scoreMs: round(scoreMs, 1),
    params: mapRound(fit.params),
    drawnFrom: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 },
    evaluations: fit.evaluations,
  };
}
