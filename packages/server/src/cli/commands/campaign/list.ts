import type { Command } from 'commander';
import { listCampaigns } from '../../../campaigns/campaign-store.ts';
import type { CliContext } from '../../context.ts';

export function registerCampaignList(campaign: Command, ctx: CliContext): void {
  campaign
    .command('list')
    .description(ctx.t('cli.campaign.list'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const rows = await listCampaigns(await ctx.warehouse(cmd));
      if (opts.json)
        return ctx.out(
          JSON.stringify(
            rows.map((r) => ({
              id: r.campaign.id,
              name: r.campaign.name,
              status: r.campaign.status,
              revision: r.revision,
              trigger: r.campaign.trigger.kind,
              channel: r.campaign.channel,
              purpose: r.campaign.purpose,
            })),
          ),
        );
      if (rows.length === 0) return ctx.out('캠페인 없음 / no campaigns');
      for (const r of rows)
        ctx.out(
          `${r.campaign.id}  r${r.revision}  ${r.campaign.status}  ${r.campaign.purpose}  ${r.campaign.channel}  ${r.campaign.trigger.kind}  ${r.campaign.name}`,
        );
    });
}
