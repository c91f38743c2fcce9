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
      if (!(await findCampaign(engine, id))) throw new CliError('NOT_FOUND', `캠페인 없음 / no campaign "${id}"`);
      const s = await readCampaignStatus(engine, id);
      if (opts.json) return ctx.out(JSON.stringify(s));
      const lang = ctx.config(cmd).lang;
      ctx.out(lang === 'ko' ? '메시지 (상태, 사유, 건수)' : 'messages (status, reason, count)');
      for (const m of s.messages) ctx.out(`  ${m.status}  ${describeReason(m.reason, lang) || '-'}  ${m.count}`);
      ctx.out(lang === 'ko' ? '노출 (그룹, 대상, 메시지)' : 'exposures (arm, targeted, with message)');
      for (const e of s.exposures) ctx.out(`  ${e.arm}  ${e.count}  ${e.withMessage}`);
      ctx.out(
        `쿠폰 / coupons: issued ${s.coupons.issued}, redeemed ${s.coupons.redeemed} (valid ${s.coupons.validRedemptions})`,
      );
    });
}
