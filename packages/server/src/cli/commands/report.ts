import type { AudienceReport } from '@dalbit/core/analytics/report/audience-report';
import { formatReports } from '@dalbit/core/analytics/report/format-report';
import { findInsights } from '@dalbit/core/analytics/report/report-insights';
import { kstDayStart } from '@dalbit/core/time/kst';
import type { Command } from 'commander';
import { z } from 'zod';
import { parseOptions } from '../../analytics/basket/cli-options.ts';
import { buildAudienceReport, loadBaseFacts } from '../../analytics/report/build-audience-report.ts';
import { resolveAudience } from '../../analytics/report/resolve-audience.ts';
import { cliAsOfDay } from '../as-of-flag.ts';
import type { CliContext } from '../context.ts';

const ReportOptions = z.object({
  vs: z.string().min(1).max(200).optional(),
  asOf: z.string().optional(),
  top: z.coerce.number().int().min(1).max(50).optional(),
  json: z.boolean().optional(),
});

export function registerReport(program: Command, ctx: CliContext): void {
  const report = program.command('report').description(ctx.t('cli.group.report'));
  const t = ctx.t;
  const addOptions = (c: Command): Command =>
    c
      .option('--as-of <date>', t('cli.option.asOfDay'))
      .option('--top <n>', t('cli.report.opt.top'))
      .option('--json', t('cli.option.json'));
  addOptions(report.command('base').description(t('cli.report.base'))).action(
    async (raw: Record<string, unknown>, cmd: Command) => {
      await runReport(ctx, cmd, ['base'], parseOptions(ReportOptions, raw, t));
    },
  );
  addOptions(
    report.command('segment <id>').description(t('cli.report.segment')).option('--vs <id>', t('cli.report.opt.vs')),
  ).action(async (id: string, raw: Record<string, unknown>, cmd: Command) => {
    const o = parseOptions(ReportOptions, raw, t);
    await runReport(ctx, cmd, o.vs === undefined ? [id] : [id, o.vs], o);
  });
}

async function runReport(
  ctx: CliContext,
  cmd: Command,
  ids: readonly string[],
  o: z.infer<typeof ReportOptions>,
): Promise<void> {
  const lang = ctx.config(cmd).lang;
  const engine = await ctx.warehouse(cmd);
  const asOf = kstDayStart(await cliAsOfDay(ctx, engine, o.asOf));
  const base = await loadBaseFacts(engine, asOf);
  const reports: AudienceReport[] = [];
  for (const id of ids) {
    {
      const audience = await resolveAudience(engine, id, { asOf, lang });
      reports.push(
        await buildAudienceReport(engine, audience.members, {
          name: audience.name,
          asOf,
          base,
          ...(o.top === undefined ? {} : { top: o.top }),
        }),
      );
    }
  }
  if (o.json)
    ctx.out(JSON.stringify({ reports: reports.map((r) => ({ ...r, insights: findInsights(r, lang) })) }, null, 2));
  else ctx.out(formatReports(reports, lang));
}
