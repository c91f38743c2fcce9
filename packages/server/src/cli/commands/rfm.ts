import { buildRfmGrid } from '@dalbit/core/analytics/rfm/rfm-grid';
import { computeRfmMetrics } from '@dalbit/core/analytics/rfm/rfm-metrics';
import { type RfmScore, scoreRfm } from '@dalbit/core/analytics/rfm/score-rfm';
import { summarizeSegments } from '@dalbit/core/analytics/rfm/segment-summary';
import { countTransitions, type SegmentState } from '@dalbit/core/analytics/rfm/segment-transitions';
import { RFM_SEGMENT_LABELS } from '@dalbit/core/analytics/rfm/segments';
import { neutralizeFormula, quoteCsvField } from '@dalbit/core/export/csv';
import type { Lang } from '@dalbit/core/i18n/lang';
import { kstDayToIso } from '@dalbit/core/time/kst';
import type { Command } from 'commander';
import { z } from 'zod';
import { parseAsOfDay, parseOptions } from '../../analytics/basket/cli-options.ts';
import { fileIssuesError } from '../../analytics/basket/read-transactions-file.ts';
import { readInvoicesFile } from '../../analytics/rfm/read-invoices-file.ts';
import { computeWarehouseRfm, storeRfmScores } from '../../analytics/rfm/warehouse-rfm.ts';
import { cliAsOfDay } from '../as-of-flag.ts';
import type { CliContext } from '../context.ts';

const RfmOptions = z.object({
  invoices: z.string().min(1).optional(),
  asOf: z.string().optional(),
  windowDays: z.coerce.number().int().positive().optional(),
  format: z.enum(['csv', 'json', 'table']).optional(),
  json: z.boolean().optional(),
  grid: z.boolean().optional(),
  vsDate: z.string().optional(),
});

export function registerRfm(program: Command, ctx: CliContext): void {
  program
    .command('rfm')
    .description(ctx.t('cli.group.rfm'))
    .option('--invoices <file>', ctx.t('cli.rfm.opt.invoices'))
    .option('--as-of <date>', ctx.t('cli.option.asOfDay'))
    .option('--window-days <n>', ctx.t('cli.rfm.opt.windowDays'))
    .option('--format <format>', ctx.t('cli.rfm.opt.format'))
    .option('--json', ctx.t('cli.option.formatJson'))
    .option('--grid', ctx.t('cli.rfm.opt.grid'))
    .option('--vs-date <date>', ctx.t('cli.rfm.opt.vsDate'))
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      const o = parseOptions(RfmOptions, raw, ctx.t);
      const lang = ctx.lang;
      if (o.invoices !== undefined) {
        const window = {
          asOfDay: parseAsOfDay(o.asOf, ctx.t),
          ...(o.windowDays === undefined ? {} : { windowDays: o.windowDays }),
        };
        const file = await readInvoicesFile(o.invoices, ctx.t);
        if (file.issues.length > 0) throw fileIssuesError(file.issues, ctx.t);
        const scores = scoreRfm(computeRfmMetrics(file.purchases, window)).map((s) => ({
          ...s,
          monetary: s.monetary / 100,
        }));
        printScores(ctx, scores, o.json ? 'json' : o.format === 'json' ? 'json' : 'csv');
        return;
      }
      const engine = await ctx.warehouse(cmd);
      const asOfDay = await cliAsOfDay(ctx, engine, o.asOf);
      const window = { asOfDay, ...(o.windowDays === undefined ? {} : { windowDays: o.windowDays }) };
      const scores = await computeWarehouseRfm(engine, window);
      await storeRfmScores(engine, scores, asOfDay);
      const report: Record<string, unknown> = {
        asOf: kstDayToIso(asOfDay),
        customers: scores.length,
        segments: summarizeSegments(scores).map((s) => ({ ...s, label: RFM_SEGMENT_LABELS[s.segment][lang] })),
      };
      if (o.grid) report.grid = buildRfmGrid(scores);
      if (o.vsDate !== undefined) {
        const fromDay = parseAsOfDay(o.vsDate, ctx.t, '--vs-date');
        const before = await computeWarehouseRfm(engine, { ...window, asOfDay: fromDay });
        report.vsDate = kstDayToIso(fromDay);
        report.transitions = countTransitions(before, scores);
      }
      if (o.json || o.format === 'json') ctx.out(JSON.stringify(report, null, 2));
      else printReport(ctx, report, lang);
    });
}

function printScores(ctx: CliContext, scores: readonly RfmScore[], format: 'csv' | 'json'): void {
  const sorted = [...scores].sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
  if (format === 'json') {
    ctx.out(
      JSON.stringify(
        sorted.map((s) => ({
          ...s,
          segmentEn: RFM_SEGMENT_LABELS[s.segment].en,
          segmentKo: RFM_SEGMENT_LABELS[s.segment].ko,
        })),
        null,
        2,
      ),
    );
    return;
  }
  ctx.out('customer,recency,frequency,monetary,r,f,m,segment,segment_ko');
  for (const s of sorted) {
    const label = RFM_SEGMENT_LABELS[s.segment];
    ctx.out(
      [
        quoteCsvField(neutralizeFormula(s.customerId)),
        s.recencyDays,
        s.frequency,
        s.monetary.toFixed(2),
        s.r,
        s.f,
        s.m,
        label.en,
        label.ko,
      ].join(','),
    );
  }
}

type Summary = { label: string; customers: number; share: number; revenue: number; revenueShare: number };

function printReport(ctx: CliContext, report: Record<string, unknown>, lang: Lang): void {
  const t = ctx.t;
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const won = (x: number): string => Math.round(x).toLocaleString('en-US');
  ctx.out(t('cli.rfm.head', { asOf: String(report.asOf), customers: String(report.customers) }));
  ctx.out(t('cli.rfm.columns'));
  for (const s of report.segments as Summary[])
    ctx.out([s.label, s.customers, pct(s.share), won(s.revenue), pct(s.revenueShare)].join('\t'));
  const grid = report.grid as { r: number; f: number; count: number; meanMonetary: number | null }[] | undefined;
  if (grid) {
    ctx.out('');
    ctx.out(t('cli.rfm.grid'));
    ctx.out(['R\\F', 1, 2, 3, 4, 5].join('\t'));
    for (let r = 5; r >= 1; r--) {
      const cells = grid
        .filter((g) => g.r === r)
        .map((g) => `${g.count} / ${g.meanMonetary === null ? '-' : won(g.meanMonetary)}`);
      ctx.out([r, ...cells].join('\t'));
    }
  }
  const transitions = report.transitions as { from: SegmentState; to: SegmentState; customers: number }[] | undefined;
  if (transitions) {
    const name = (s: SegmentState): string => (s === 'none' ? t('cli.rfm.none') : RFM_SEGMENT_LABELS[s][lang]);
    ctx.out('');
    ctx.out(t('cli.rfm.moves', { from: String(report.vsDate), to: String(report.asOf) }));
    for (const tr of transitions) ctx.out(`${name(tr.from)} → ${name(tr.to)}\t${tr.customers}`);
  }
}
