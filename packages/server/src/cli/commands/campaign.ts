import { readFile } from 'node:fs/promises';
import { LIFECYCLE_ACTIONS } from '@dalbit/core/campaigns/lifecycle';
import { parseCampaign } from '@dalbit/core/campaigns/parse-campaign';
import type { GuardReason } from '@dalbit/core/compliance/reason-code';
import { toKst } from '@dalbit/core/time/kst';
import type { Command } from 'commander';
import { type CampaignFlags, campaignFromFlags } from '../../campaigns/campaign-from-flags.ts';
import { changeCampaignStatus, saveCampaignDefinition } from '../../campaigns/campaign-lifecycle.ts';
import { loadCouponSecret } from '../../campaigns/campaign-settings.ts';
import { readCampaignStatus } from '../../campaigns/campaign-status.ts';
import { findCampaign, listCampaigns } from '../../campaigns/campaign-store.ts';
import type { CampaignBlockReason, TouchDecision } from '../../campaigns/decision.ts';
import { loadEffectivePolicy } from '../../campaigns/load-effective-policy.ts';
import { previewCampaign } from '../../campaigns/preview-campaign.ts';
import { reasonText } from '../../campaigns/reason-text.ts';
import { runScheduler } from '../../campaigns/run-scheduler.ts';
import { simulateCampaign } from '../../campaigns/simulate-campaign.ts';
import { type CliContext, CliError } from '../context.ts';

type Lang = 'ko' | 'en';

/** A reason code in the reader's language (guard reasons and campaign reasons). */
export function describeReason(code: string | null | undefined, lang: Lang): string {
  if (!code) return '';
  const text = reasonText(code, lang);
  return text ? `${code} (${text})` : code;
}

const kstText = (d: Date): string => {
  const k = toKst(d);
  return `${k.dateKey} ${String(Math.floor(k.minuteOfDay / 60)).padStart(2, '0')}:${String(k.minuteOfDay % 60).padStart(2, '0')} KST`;
};

function parseInstant(value: string | undefined, flag: string): Date {
  if (value === undefined) return new Date();
  const d = new Date(value);
  if (Number.isNaN(d.getTime()))
    throw new CliError('BAD_FLAG', `${flag}: 날짜/시간 형식 오류 / not an ISO date-time: ${value}`);
  return d;
}

function decisionLine(d: TouchDecision, lang: Lang): string {
  const what = d.outcome === 'holdout' ? (lang === 'ko' ? '대조군(미발송)' : 'holdout (not sent)') : d.outcome;
  const text = d.message && 'text' in d.message ? ` | ${d.message.text.replaceAll('\n', ' / ')}` : '';
  return `  ${kstText(d.dueAt)}  ${d.customerId}  ${d.channel}  ${d.arm}  ${what}${d.reason ? `  ${describeReason(d.reason, lang)}` : ''}${text}`;
}

const ACTION_KO = { launch: '시작', pause: '일시정지', resume: '재개', stop: '종료', archive: '보관' } as const;

async function settings(ctx: CliContext, cmd: Command, policyFile: string | undefined) {
  const config = ctx.config(cmd);
  const engine = await ctx.warehouse(cmd);
  const { policy } = await loadEffectivePolicy(engine, { dataDir: config.dataDir, file: policyFile });
  const couponSecret = await loadCouponSecret(config.dataDir, ctx.env);
  return { policy, couponSecret, lang: config.lang };
}

export function registerCampaign(program: Command, ctx: CliContext): void {
  const campaign = program.command('campaign').description(ctx.t('cli.group.campaign'));

  campaign
    .command('create')
    .description('캠페인 생성 (JSON 파일 또는 옵션) / create or revise a campaign from a JSON file or flags')
    .option('--file <path>', 'campaign JSON')
    .option('--id <id>')
    .option('--name <name>')
    .option('--purpose <ad|info>')
    .option('--channel <channel>', 'sms | kakao_brand | kakao_alimtalk | email | push | onsite | webhook')
    .option('--text <liquid>', 'message template, e.g. "{{ name }}님 …"')
    .option('--subject <text>', 'email subject / push title / AlimTalk template code')
    .option('--sms-from <digits>')
    .option('--kakao-sender-key <key>')
    .option('--fallback-sms', 'Kakao → SMS fallback')
    .option('--segment <id>', 'stored segment as audience')
    .option('--recipe <name>', 'segment recipe as audience')
    .option('--at <iso>', 'one-off broadcast')
    .option('--daily <HH:MM>', 'every day at (KST)')
    .option('--birthday-days-before <n>')
    .option('--signup-days-after <n>')
    .option('--cart-hours <h>', 'cart abandonment: hours after add_to_cart, exit on purchase')
    .option('--holdout <percent>')
    .option('--priority <n>')
    .option('--coupon <value>', '5000 (KRW) or 10%')
    .option('--coupon-days <n>')
    .option('--coupon-budget <n>')
    .option('--json', 'machine-readable output')
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

  campaign
    .command('list')
    .description('캠페인 목록 / list campaigns')
    .option('--json')
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

  campaign
    .command('preview <id>')
    .description(
      '고객 한 명에게 보일 메시지와 발송 판단 / rendered message per channel and the guard decision for one customer',
    )
    .requiredOption('--customer <id>')
    .option('--at <iso>', 'decide as of (default now)')
    .option('--policy <file>')
    .option('--json')
    .action(
      async (id: string, opts: { customer: string; at?: string; policy?: string; json?: boolean }, cmd: Command) => {
        const { policy, couponSecret, lang } = await settings(ctx, cmd, opts.policy);
        const engine = await ctx.warehouse(cmd);
        const stored = await findCampaign(engine, id);
        if (!stored) throw new CliError('NOT_FOUND', `캠페인 없음 / no campaign "${id}"`);
        const p = await previewCampaign(engine, {
          campaign: stored.campaign,
          customerId: opts.customer,
          at: parseInstant(opts.at, '--at'),
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

  campaign
    .command('simulate <id>')
    .description('과거 기간 재현 (발송하지 않음) / replay a past period on real data without sending')
    .requiredOption('--from <date>', 'YYYY-MM-DD (KST)')
    .requiredOption('--to <date>', 'YYYY-MM-DD (KST)')
    .option('--policy <file>')
    .option('--json')
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

  campaign
    .command('run <id>')
    .description('이 캠페인의 스케줄러 1회 실행 / run the scheduler once for this campaign')
    .option('--now <iso>', 'as of (default now)')
    .option('--policy <file>')
    .option('--json')
    .action(async (id: string, opts: { now?: string; policy?: string; json?: boolean }, cmd: Command) => {
      const { policy, couponSecret, lang } = await settings(ctx, cmd, opts.policy);
      const engine = await ctx.warehouse(cmd);
      const stored = await findCampaign(engine, id);
      if (!stored) throw new CliError('NOT_FOUND', `캠페인 없음 / no campaign "${id}"`);
      if (stored.campaign.status !== 'active')
        throw new CliError('CONFLICT', `캠페인이 활성 상태가 아닙니다 / campaign is ${stored.campaign.status}`);
      const s = await runScheduler(engine, {
        now: parseInstant(opts.now, '--now'),
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

  campaign
    .command('status <id>')
    .description('상태·사유별 건수, 그룹별 노출 / counts by status and reason, exposures by arm')
    .option('--json')
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

  for (const action of LIFECYCLE_ACTIONS)
    campaign
      .command(`${action} <id>`)
      .description(`캠페인 ${ACTION_KO[action]} / ${action} (same rules as POST /api/campaigns/{id}/${action})`)
      .option('--json')
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
