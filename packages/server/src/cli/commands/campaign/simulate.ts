import type { Command } from 'commander';
import { findCampaign } from '../../../campaigns/campaign-store.ts';
import { simulateCampaign } from '../../../campaigns/simulate-campaign.ts';
import { type CliContext, CliError } from '../../context.ts';
import { decisionLine, describeReason, settings } from './shared.ts';

export function registerCampaignSimulate(campaign: Command, ctx: CliContext): void {
  campaign
    .command('simulate <id>')
    .description(ctx.t('cli.campaign.simulate'))
    .requiredOption('--from <date>', ctx.t('cli.campaign.opt.day'))
    .requiredOption('--to <date>', ctx.t('cli.campaign.opt.day'))
    .option('--policy <file>', ctx.t('cli.campaign.opt.policy'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (id: string, opts: { from: string; to: string; policy?: string; json?: boolean }, cmd: Command) => {
      for (const [flag, v] of [
        ['--from', opts.from],
        ['--to', opts.to],
      ] as const)
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v))
          throw new CliError('BAD_FLAG', `${flag}: YYYY-MM-DD 형식이어야 합니다 / expected YYYY-MM-DD: ${v}`);
      if (opts.from > opts.to) throw new CliError('BAD_FLAG', '--from 이 --to 보다 늦습니다 / --from is after --to');
      const { policy, couponSecret, lang } = await settings(ctx, cmd, opts.policy);
      const engine = await ctx.warehouse(cmd);
      if (!(await findCampaign(engine, id))) throw new CliError('NOT_FOUND', `캠페인 없음 / no campaign "${id}"`);
      const sim = await simulateCampaign(engine, {
        campaignId: id,
        from: opts.from,
        to: opts.to,
        policy,
        couponSecret,
      });
      if (opts.json) return ctx.out(JSON.stringify(sim));
      for (const day of sim.days) {
        if (day.decisions.length === 0) continue;
        ctx.out(day.date);
        for (const d of day.decisions) ctx.out(decisionLine(d, lang));
      }
      const t = sim.totals;
      ctx.out(
        `합계 / total: ${t.touches}  발송 ${t.queued}  연기 ${t.deferred}  차단 ${t.blocked}  대조군 ${t.holdout}`,
      );
      for (const [reason, n] of Object.entries(t.blockedBy)) ctx.out(`  ${describeReason(reason, lang)}: ${n}`);
    });
}
