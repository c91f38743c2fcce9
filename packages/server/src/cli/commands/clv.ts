import type { CbsRow } from '@dalbit/core/analytics/clv/cbs';
import { ClvError } from '@dalbit/core/analytics/clv/clv-error';
import { fitBgnbd } from '@dalbit/core/analytics/clv/fit-bgnbd';
import { fitGammaGamma, type GammaGammaFit } from '@dalbit/core/analytics/clv/fit-gamma-gamma';
import { fitParetoNbd } from '@dalbit/core/analytics/clv/fit-pareto-nbd';
import { scoreCustomers } from '@dalbit/core/analytics/clv/score-customers';
import { neutralizeFormula, quoteCsvField } from '@dalbit/core/export/csv';
import { kstDayToIso } from '@dalbit/core/time/kst';
import type { Command } from 'commander';
import { z } from 'zod';
import { parseOptions } from '../../analytics/basket/cli-options.ts';
import { readCbsFile } from '../../analytics/clv/read-cbs-file.ts';
import { computeWarehouseClv, DAYS_PER_UNIT, HORIZON_DAYS, storeClvScores } from '../../analytics/clv/warehouse-clv.ts';
import { cliAsOfDay } from '../as-of-flag.ts';
import type { CliContext } from '../context.ts';

const FitOptions = z.object({
  cbs: z.string().min(1).optional(),
  json: z.boolean().optional(),
  asOf: z.string().optional(),
});
const ScoreOptions = z.object({
  cbs: z.string().min(1).optional(),
  horizon: z.coerce.number().positive().optional(),
  format: z.enum(['csv', 'json']).optional(),
  json: z.boolean().optional(),
  asOf: z.string().optional(),
});

export function registerClv(program: Command, ctx: CliContext): void {
  const clv = program.command('clv').description(ctx.t('cli.group.clv'));
  const t = ctx.t;
  clv
    .command('fit')
    .description(t('cli.clv.fit'))
    .option('--cbs <file>', t('cli.clv.opt.cbs'))
    .option('--as-of <date>', t('cli.option.asOfDay'))
    .option('--json', t('cli.option.json'))
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      const o = parseOptions(FitOptions, raw, t);
      const report = o.cbs !== undefined ? fitFile(await readCbsFile(o.cbs, t)) : await runWarehouse(ctx, cmd, o.asOf);
      ctx.out(o.json ? JSON.stringify(report, null, 2) : renderText(report, t));
    });
  clv
    .command('score')
    .description(t('cli.clv.score'))
    .option('--cbs <file>', t('cli.clv.opt.cbs'))
    .option('--horizon <t>', t('cli.clv.opt.horizon'))
    .option('--format <format>', t('cli.basket.opt.format'))
    .option('--json', t('cli.option.formatJson'))
    .option('--as-of <date>', t('cli.option.asOfDay'))
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      const o = parseOptions(ScoreOptions, raw, t);
      const format = o.json ? 'json' : (o.format ?? 'csv');
      if (o.cbs === undefined) {
        const report = await runWarehouse(ctx, cmd, o.asOf);
        ctx.out(format === 'json' ? JSON.stringify(report, null, 2) : renderText(report, t));
        return;
      }
      const rows = await readCbsFile(o.cbs, t);
      const horizon = o.horizon ?? 39;
      const gg = tryFitGammaGamma(rows);
      const scores = scoreCustomers({
        rows,
        bgnbd: fitBgnbd(rows).params,
        ...(gg ? { gammaGamma: gg.params } : {}),
        horizons: [horizon],
        clvHorizon: horizon,
      });
      const out = scores.map((s) => ({
        cust: s.customerId,
        p_alive: s.pAlive,
        expected_purchases: s.expectedPurchases[0] ?? 0,
        expected_spend: s.expectedSpend ?? null,
        clv: s.clv ?? null,
      }));
      if (format === 'json') {
        ctx.out(JSON.stringify({ horizon, customers: out }, null, 2));
        return;
      }
      ctx.out('cust,p_alive,expected_purchases,expected_spend,clv');
      for (const r of out) {
        ctx.out(
          [
            quoteCsvField(neutralizeFormula(r.cust)),
            r.p_alive,
            r.expected_purchases,
            r.expected_spend ?? '',
            r.clv ?? '',
          ].join(','),
        );
      }
    });
}

function fitFile(rows: readonly CbsRow[]): Record<string, unknown> {
  const bg = fitBgnbd(rows);
  const gg = tryFitGammaGamma(rows);
  const pn = fitParetoNbd(rows);
  return {
    customers: rows.length,
    bgnbd: { params: bg.params, logLikelihood: bg.logLikelihood, converged: bg.converged },
    gammaGamma: gg
      ? { params: gg.params, logLikelihood: gg.logLikelihood, converged: gg.converged, customers: gg.customers }
      : null,
    paretoNbd: { params: pn.params, logLikelihood: pn.logLikelihood, converged: pn.converged },
  };
}

async function runWarehouse(ctx: CliContext, cmd: Command, asOf: string | undefined): Promise<Record<string, unknown>> {
  const engine = await ctx.warehouse(cmd);
  const asOfDay = await cliAsOfDay(ctx, engine, asOf);
  const run = await computeWarehouseClv(engine, asOfDay);
  if (run.calibrationNote) ctx.err(run.calibrationNote);
  const stored = await storeClvScores(engine, run);
  const gg = run.gammaGamma;
  return {
    asOf: kstDayToIso(asOfDay),
    calibrationEnd: kstDayToIso(run.calibrationEndDay),
    timeUnitDays: DAYS_PER_UNIT,
    horizonsDays: HORIZON_DAYS,
    customers: run.cbs.length,
    stored,
    bgnbd: { params: run.bgnbd.params, logLikelihood: run.bgnbd.logLikelihood, converged: run.bgnbd.converged },
    gammaGamma: gg
      ? { params: gg.params, logLikelihood: gg.logLikelihood, converged: gg.converged, customers: gg.customers }
      : null,
    meanOrderValue: run.meanOrderValue,
  };
}

function tryFitGammaGamma(rows: readonly CbsRow[]): GammaGammaFit | undefined {
  try {
    return fitGammaGamma(rows);
  } catch (e) {
    if (e instanceof ClvError && e.code === 'NO_REPEAT_SPEND') return undefined;
    throw e;
  }
}

function renderText(report: Record<string, unknown>, t: CliContext['t']): string {
  const lines: string[] = [t('cli.clv.customers', { count: String(report.customers) })];
  for (const key of ['bgnbd', 'gammaGamma', 'paretoNbd'] as const) {
    const m = report[key] as { params: Record<string, number>; logLikelihood: number } | null | undefined;
    if (!m) continue;
    const params = Object.entries(m.params)
      .map(([k, v]) => `${k}=${v.toPrecision(5)}`)
      .join(' ');
    lines.push(`${key}: ${params}  LL=${m.logLikelihood.toFixed(4)}`);
  }
  if (report.stored !== undefined) lines.push(t('cli.clv.stored', { count: String(report.stored) }));
  return lines.join('\n');
}
