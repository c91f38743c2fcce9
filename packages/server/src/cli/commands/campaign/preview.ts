import type { Command } from 'commander';
import { findCampaign } from '../../../campaigns/campaign-store.ts';
import { previewCampaign } from '../../../campaigns/preview-campaign.ts';
import { type CliContext, CliError } from '../../context.ts';
import { describeReason, kstText, parseInstant, settings } from './shared.ts';

export function registerCampaignPreview(campaign: Command, ctx: CliContext): void {
  campaign
    .command('preview <id>')
    .description(ctx.t('cli.campaign.preview'))
    .requiredOption('--customer <id>', ctx.t('cli.campaign.opt.customer'))
    .option('--at <iso>', ctx.t('cli.campaign.opt.decideAt'))
    .option('--policy <file>', ctx.t('cli.campaign.opt.policy'))
    .option('--json', ctx.t('cli.option.json'))
    .action(
      async (id: string, opts: { customer: string; at?: string; policy?: string; json?: boolean }, cmd: Command) => {
        const { policy, couponSecret, lang } = await settings(ctx, cmd, opts.policy);
        const engine = await ctx.warehouse(cmd);
        const stored = await findCampaign(engine, id);
        if (!stored) throw new CliError('NOT_FOUND', `캠페인 없음 / no campaign "${id}"`);
        const p = await previewCampaign(engine, {
          campaign: stored.campaign,
          customerId: opts.customer,
          at: parseInstant(opts.at, '--at', ctx.t),
          policy,
          couponSecret,
        });
        if (!p) throw new CliError('NOT_FOUND', `고객 없음 / no customer "${opts.customer}"`);
        if (opts.json) return ctx.out(JSON.stringify(p));
        ctx.out(`${p.campaignId} → ${p.customerId}  arm=${p.arm}  ${kstText(p.at)}`);
        for (const c of p.channels) {
          ctx.out(`[${c.channel}]`);
          if (c.problem) ctx.out(`  ${describeReason(c.problem.reason, lang)}: ${c.problem.detail}`);
          const d = c.decision;
          if (d?.kind === 'block') ctx.out(`  차단 / blocked: ${describeReason(d.reason, lang)} — ${d.detail}`);
          if (d?.kind === 'defer')
            ctx.out(`  연기 / deferred to ${kstText(d.until)}: ${describeReason(d.reason, lang)}`);
          if (d?.kind === 'send')
            ctx.out(`  발송 가능 / would send${d.notes.length ? ` (${d.notes.join(', ')})` : ''}`);
          const m = d && d.kind !== 'block' ? d.message : c.rendered;
          if (m)
            ctx.out(
              JSON.stringify(m, null, 2)
                .split('\n')
                .map((l) => `  ${l}`)
                .join('\n'),
            );
          for (const i of c.issues) ctx.out(`  ! ${i.path}: ${i.message}`);
        }
      },
    );
}
