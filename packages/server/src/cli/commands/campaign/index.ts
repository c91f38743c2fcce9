import type { Command } from 'commander';
import type { CliContext } from '../../context.ts';
import { registerCampaignCreate } from './create.ts';
import { registerCampaignLifecycle } from './lifecycle.ts';
import { registerCampaignList } from './list.ts';
import { registerCampaignPreview } from './preview.ts';
import { registerCampaignRun } from './run.ts';
import { registerCampaignSimulate } from './simulate.ts';
import { registerCampaignStatus } from './status.ts';

/** `dalbit campaign …`: one file per subcommand (`campaign report` is registered by campaign-report.ts). */
export function registerCampaign(program: Command, ctx: CliContext): void {
  const campaign = program.command('campaign').description(ctx.t('cli.group.campaign'));
  for (const register of [
    registerCampaignCreate,
    registerCampaignList,
    registerCampaignPreview,
    registerCampaignSimulate,
    registerCampaignRun,
    registerCampaignStatus,
    registerCampaignLifecycle,
  ])
    register(campaign, ctx);
}
