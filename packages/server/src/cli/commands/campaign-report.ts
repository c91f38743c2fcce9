import { renderCampaignReport } from '@dalbit/core/reports/campaign/render-campaign-report';
import type { Command } from 'commander';
import { z } from 'zod';
import { exportCampaignReport } from '../../reports/campaign/export-campaign-report.ts';
import { loadCampaignReport } from '../../reports/campaign/load-campaign-report.ts';
import { type CliContext, CliError } from '../context.ts';

const options = (t: CliContext['t']) =>
  z
    .object({
      windowDays: z.coerce.number().gt(0).max(366).default(7),
      control: z.string().min(1).optional(),
      level: z.coerce.number().gt(0).lt(1).default(0.95),
      json: z.boolean().optional(),
      format: z.enum(['csv', 'xlsx']).optional(),
      out: z.string().min(1).optional(),
    })
    .refine((o) => (o.format === undefined) === (o.out === undefined), { message: t('cli.campaignReport.formatOut') });

/** Stable JSON: undefined statistics become null. */
const toJsonValue = (_key: string, value: unknown): unknown => (value === undefined ? null : value);

function addReportCommand(parent: Command, name: string, ctx: CliContext): void {
  parent
    .command(name)
    .description(ctx.t('cli.campaignReport.describe'))
    .option('--window-days <n>', ctx.t('cli.campaignReport.opt.windowDays'), '7')
    .option('--control <arm>', ctx.t('cli.campaignReport.opt.control'))
    .option('--level <p>', ctx.t('cli.campaignReport.opt.level'), '0.95')
    .option('--json', ctx.t('cli.option.json'))
    .option('--format <kind>', ctx.t('cli.campaignReport.opt.format'))
    .option('--out <file>', ctx.t('cli.campaignReport.opt.out'))
    .action(async (id: string, raw: Record<string, unknown>, cmd: Command) => {
      const parsed = options(ctx.t).safeParse(raw);
      if (!parsed.success)
        throw new CliError(
          'BAD_FLAG',
          parsed.error.issues
            .map((i) => (i.path.length ? `--${i.path.join('.')}: ${i.message}` : i.message))
            .join('; '),
        );
      const o = parsed.data;
      const { lang } = ctx.config(cmd);
      const engine = await ctx.warehouse(cmd);
      // An unknown campaign (not_found → 66) or empty control arm (invalid_input → 65) is a
      // CampaignReportError; the top-level handler prints it and picks the exit code from its kind.
      const report = await loadCampaignReport(engine, {
        campaignId: id,
        windowDays: o.windowDays,
        level: o.level,
        ...(o.control !== undefined ? { control: o.control } : {}),
      });
      if (o.format !== undefined && o.out !== undefined) {
        const n = exportCampaignReport(report, { format: o.format, out: o.out, lang, now: new Date() });
        ctx.err(ctx.t('cli.campaignReport.written', { file: o.out, rows: n }));
      }
      if (o.json) ctx.out(JSON.stringify(report, toJsonValue, 2));
      else if (o.format === undefined) ctx.out(renderCampaignReport(report, lang));
    });
}

/**
 * `dalbit campaign report ID` when the `campaign` command group is registered before this one
 * (it is, in index.ts); otherwise `dalbit report campaign ID`.
 */
export function registerCampaignReport(program: Command, ctx: CliContext): void {
  const campaign = program.commands.find((c) => c.name() === 'campaign');
  if (campaign) addReportCommand(campaign, 'report <id>', ctx);
  else {
    const report =
      program.commands.find((c) => c.name() === 'report') ??
      program.command('report').description(ctx.t('cli.campaignReport.group'));
    addReportCommand(report, 'campaign <id>', ctx);
  }
}
