import type { Command } from 'commander';
import { readCampaignStatus } from '../../../campaigns/campaign-status.ts';
import { findCampaign } from '../../../campaigns/campaign-store.ts';
import { type CliContext, CliError } from '../../context.ts';
import { describeReason } from './shared.ts';

export function registerCampaignStatus(campaign: Command, ctx: CliContext): void {
  campaign
    .command('status <id>')
    .description(ctx.t('cli.campaign.status'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      const engine = await ctx.warehouse(cmd);
      if (!(await findCampaign(engine, id))) throw new CliError('NOT_FOUND', ctx.t('cli.campaign.notFound', { id }));
      const s = await readCampaignStatus(engine, id);
      if (opts.json) return ctx.out(JSON.stringify(s));
      const lang = ctx.config(cmd).lang;
      ctx.out(ctx.t('cli.campaign.statusMessages'));
      for (const m of s.messages) ctx.out(`  ${m.status}  ${describeReason(m.reason, lang) || '-'}  ${m.count}`);
      ctx.out(ctx.t('cli.campaign.statusExposures'));
      for (const e of s.exposures) ctx.out(`  ${e.arm}  ${e.count}  ${e.withMessage}`);
      const { issued, redeemed, validRedemptions: valid } = s.coupons;
      ctx.out(ctx.t('cli.campaign.statusCoupons', { issued, redeemed, valid }));
    });
}
