import { readFile } from 'node:fs/promises';
import { parseCampaign } from '@dalbit/core/campaigns/parse-campaign';
import type { Command } from 'commander';
import { type CampaignFlags, campaignFromFlags } from '../../../campaigns/campaign-from-flags.ts';
import { saveCampaignDefinition } from '../../../campaigns/campaign-lifecycle.ts';
import { type CliContext, CliError } from '../../context.ts';

const CHANNELS = 'sms | kakao_brand | kakao_alimtalk | email | push | onsite | webhook';

export function registerCampaignCreate(campaign: Command, ctx: CliContext): void {
  campaign
    .command('create')
    .description(ctx.t('cli.campaign.create'))
    .option('--file <path>', ctx.t('cli.campaign.opt.file'))
    .option('--id <id>', ctx.t('cli.campaign.opt.id'))
    .option('--name <name>', ctx.t('cli.campaign.opt.name'))
    .option('--purpose <ad|info>', ctx.t('cli.campaign.opt.purpose'))
    .option('--channel <channel>', ctx.t('cli.campaign.opt.channel', { channels: CHANNELS }))
    .option('--text <liquid>', ctx.t('cli.campaign.opt.text'))
    .option('--subject <text>', ctx.t('cli.campaign.opt.subject'))
    .option('--sms-from <digits>', ctx.t('cli.campaign.opt.smsFrom'))
    .option('--kakao-sender-key <key>', ctx.t('cli.campaign.opt.kakaoSenderKey'))
    .option('--fallback-sms', ctx.t('cli.campaign.opt.fallbackSms'))
    .option('--segment <id>', ctx.t('cli.campaign.opt.segment'))
    .option('--recipe <name>', ctx.t('cli.campaign.opt.recipe'))
    .option('--at <iso>', ctx.t('cli.campaign.opt.at'))
    .option('--daily <HH:MM>', ctx.t('cli.campaign.opt.daily'))
    .option('--birthday-days-before <n>', ctx.t('cli.campaign.opt.birthday'))
    .option('--signup-days-after <n>', ctx.t('cli.campaign.opt.signup'))
    .option('--cart-hours <h>', ctx.t('cli.campaign.opt.cart'))
    .option('--holdout <percent>', ctx.t('cli.campaign.opt.holdout'))
    .option('--priority <n>', ctx.t('cli.campaign.opt.priority'))
    .option('--coupon <value>', ctx.t('cli.campaign.opt.coupon'))
    .option('--coupon-days <n>', ctx.t('cli.campaign.opt.couponDays'))
    .option('--coupon-budget <n>', ctx.t('cli.campaign.opt.couponBudget'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (opts: CampaignFlags & { file?: string; json?: boolean }, cmd: Command) => {
      let raw: unknown;
      if (opts.file) {
        let text: string;
        try {
          text = await readFile(opts.file, 'utf8');
        } catch (e) {
          throw new CliError(
            'FILE_NOT_FOUND',
            `파일을 읽을 수 없습니다 / cannot read ${opts.file}: ${e instanceof Error ? e.message : String(e)}`,
          );
        }
        try {
          raw = JSON.parse(text);
        } catch (e) {
          throw new CliError(
            'INVALID_INPUT',
            `${opts.file}: JSON 오류 / invalid JSON: ${e instanceof Error ? e.message : String(e)}`,
          );
        }
      } else {
        const built = campaignFromFlags(opts);
        if ('error' in built) throw new CliError('BAD_FLAG', built.error);
        raw = built;
      }
      const parsed = parseCampaign(raw);
      if (!parsed.ok) {
        if (opts.json) ctx.out(JSON.stringify({ ok: false, issues: parsed.issues }));
        else for (const i of parsed.issues) ctx.err(`${opts.file ?? 'flags'}: ${i.path}: ${i.message}`);
        throw new CliError(
          'INVALID_INPUT',
          `캠페인 정의 오류 ${parsed.issues.length}건 — 저장하지 않았습니다 / ${parsed.issues.length} problem(s); nothing saved`,
        );
      }
      const engine = await ctx.warehouse(cmd);
      const saved = await saveCampaignDefinition(engine, raw, { at: new Date(), mode: 'upsert' });
      ctx.out(
        opts.json
          ? JSON.stringify({ ok: true, id: saved.campaign.id, revision: saved.revision })
          : `저장됨 / saved: ${saved.campaign.id} (r${saved.revision})`,
      );
    });
}
