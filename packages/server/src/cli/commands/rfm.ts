import { buildRfmGrid } from '@dalbit/core/analytics/rfm/rfm-grid';
import { computeRfmMetrics } from '@dalbit/core/analytics/rfm/rfm-metrics';
import { type RfmScore, scoreRfm } from '@dalbit/core/analytics/rfm/score-rfm';
import { summarizeSegments } from '@dalbit/core/analytics/rfm/segment-summary';
import { countTransitions, type SegmentState } from '@dalbit/core/analytics/rfm/segment-transitions';
import { RFM_SEGMENT_LABELS } from '@dalbit/core/analytics/rfm/segments';
import { neutralizeFormula, quoteCsvField } from '@dalbit/core/export/csv';
import { kstDayToIso } from '@dalbit/core/time/kst';
import type { Command } from 'commander';
import { z } from 'zod';
import { parseAsOfDay, parseOptions } from '../../analytics/basket/cli-options.ts';
import { formatFileIssue } from '../../analytics/basket/read-transactions-file.ts';
import { readInvoicesFile } from '../../analytics/rfm/read-invoices-file.ts';
import { computeWarehouseRfm, storeRfmScores } from '../../analytics/rfm/warehouse-rfm.ts';
import { cliAsOfDay } from '../as-of-flag.ts';
import { type CliContext, CliError } from '../context.ts';

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
    .option(
      '--invoices <file>',
      'CSV with InvoiceNo,InvoiceDate,CustomerID,TotalPrice (file mode: per-customer scores)',
    )
    .option(
      '--as-of <date>',
      'analysis date YYYY-MM-DD (KST); purchases before it count (default: today; warehouse: the day after the data ends when that is earlier)',
    )
    .option('--window-days <n>', 'only purchases of the last N days before --as-of')
    .option('--format <format>', 'file mode csv|json (default csv); warehouse table|json (default table)')
    .option('--json', 'same as --format json')
    .option('--grid', 'warehouse: also print the R × F grid with mean monetary')
    .option('--vs-date <date>', 'warehouse: also count segment transitions from this earlier date')
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      const o = parseOptions(RfmOptions, raw);
      const lang = ctx.lang;
      if (o.invoices !== undefined) {
        const window = {
          asOfDay: parseAsOfDay(o.asOf),
          ...(o.windowDays === undefined ? {} : { windowDays: o.windowDays }),
        };
        const file = await readInvoicesFile(o.invoices);
        if (file.issues.length > 0) {
          throw new CliError(
            'INVALID_INPUT',
            `잘못된 입력 / invalid input (${file.issues.length}):\n${file.issues.slice(0, 20).map(formatFileIssue).join('\n')}`,
          );
        }
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
        const fromDay = parseAsOfDay(o.vsDate, '--vs-date');
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

function printReport(ctx: CliContext, report: Record<string, unknown>, lang: 'ko' | 'en'): void {
  const ko = lang === 'ko';
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const won = (x: number): string => Math.round(x).toLocaleString('en-US');
  ctx.out(
    ko
      ? `RFM 기준일 ${String(report.asOf)} · 고객 ${String(report.customers)}명`
      : `RFM as of ${String(report.asOf)} · ${String(report.customers)} customers`,
  );
  ctx.out(
    ko ? '세그먼트\t고객 수\t비중\t매출(원)\t매출 비중' : 'segment\tcustomers\tshare\trevenue (KRW)\trevenue share',
  );
  for (const s of report.segments as Summary[])
    ctx.out([s.label, s.customers, pct(s.share), won(s.revenue), pct(s.revenueShare)].join('\t'));
  const grid = report.grid as { r: number; f: number; count: number; meanMonetary: number | null }[] | undefined;
  if (grid) {
    ctx.out('');
    ctx.out(ko ? 'R × F (고객 수 / 평균 구매액)' : 'R × F (customers / mean monetary)');
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
    const name = (s: SegmentState): string => (s === 'none' ? (ko ? '(없음)' : '(none)') : RFM_SEGMENT_LABELS[s][lang]);
    ctx.out('');
    ctx.out(
      ko
        ? `세그먼트 이동 ${String(report.vsDate)} → ${String(report.asOf)}`
        : `segment moves ${String(report.vsDate)} → ${String(report.asOf)}`,
    );
    for (const t of transitions) ctx.out(`${name(t.from)} → ${name(t.to)}\t${t.customers}`);
  }
}
