import { LIFECYCLE_ACTIONS } from '@dalbit/core/campaigns/lifecycle';
import type { Command } from 'commander';
import { changeCampaignStatus } from '../../../campaigns/campaign-lifecycle.ts';
import type { CliContext } from '../../context.ts';
import { ACTION_KO, settings } from './shared.ts';

export function registerCampaignLifecycle(campaign: Command, ctx: CliContext): void {
  for (const action of LIFECYCLE_ACTIONS)
    campaign
      .command(`${action} <id>`)
      .description(ctx.t('cli.campaign.lifecycle', { action: ACTION_KO[action], name: action }))
      .option('--json', ctx.t('cli.option.json'))
      .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
        const { policy } = await settings(ctx, cmd, undefined);
        const engine = await ctx.warehouse(cmd);
        const r = await changeCampaignStatus(engine, id, action, { at: new Date(), policy });
        ctx.out(
          opts.json
            ? JSON.stringify({
                id,
                from: r.from,
                status: r.campaign.status,
                revision: r.revision,
                cancelled: r.cancelled,
              })
            : `${id}: ${r.from} → ${r.campaign.status} (r${r.revision}${r.cancelled ? `, 대기 메시지 ${r.cancelled}건 취소 / ${r.cancelled} pending cancelled` : ''})`,
        );
      });
}
