import type { GuardReason } from '@dalbit/core/compliance/reason-code';
import type { Command } from 'commander';
import { findCampaign } from '../../../campaigns/campaign-store.ts';
import type { CampaignBlockReason } from '../../../campaigns/decision.ts';
import { runScheduler } from '../../../campaigns/run-scheduler.ts';
import { type CliContext, CliError } from '../../context.ts';
import { describeReason, parseInstant, settings } from './shared.ts';

export function registerCampaignRun(campaign: Command, ctx: CliContext): void {
  campaign
    .command('run <id>')
    .description(ctx.t('cli.campaign.run'))
    .option('--now <iso>', ctx.t('cli.campaign.opt.now'))
    .option('--policy <file>', ctx.t('cli.campaign.opt.policy'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (id: string, opts: { now?: string; policy?: string; json?: boolean }, cmd: Command) => {
      const { policy, couponSecret, lang } = await settings(ctx, cmd, opts.policy);
      const engine = await ctx.warehouse(cmd);
      const stored = await findCampaign(engine, id);
      if (!stored) throw new CliError('NOT_FOUND', `캠페인 없음 / no campaign "${id}"`);
      if (stored.campaign.status !== 'active')
        throw new CliError('CONFLICT', `캠페인이 활성 상태가 아닙니다 / campaign is ${stored.campaign.status}`);
      const s = await runScheduler(engine, {
        now: parseInstant(opts.now, '--now', ctx.t),
        campaignIds: [id],
        policy,
        couponSecret,
      });
      const skip = s.skipped.find((k) => k.campaignId === id);
      if (skip)
        throw new CliError(
          'INVALID_INPUT',
          `대상 고객(audience)을 정할 수 없습니다 — 저장·발송하지 않았습니다 / invalid audience: ${skip.reason}`,
        );
      if (opts.json) return ctx.out(JSON.stringify(s));
      ctx.out(
        `대상 / touches ${s.touches}: 대기열 queued ${s.queued}, 연기 deferred ${s.deferred}, 차단 blocked ${s.blocked}, 대조군 holdout ${s.holdout}`,
      );
      for (const [reason, n] of Object.entries(s.blockedBy))
        ctx.out(`  ${describeReason(reason as GuardReason | CampaignBlockReason, lang)}: ${n}`);
    });
}
