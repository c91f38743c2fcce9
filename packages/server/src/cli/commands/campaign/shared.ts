import { translate } from '@dalbit/core/i18n/catalog';
import { toKst } from '@dalbit/core/time/kst';
import type { Command } from 'commander';
import { loadCouponSecret } from '../../../campaigns/campaign-settings.ts';
import type { TouchDecision } from '../../../campaigns/decision.ts';
import { loadEffectivePolicy } from '../../../campaigns/load-effective-policy.ts';
import { reasonText } from '../../../campaigns/reason-text.ts';
import { type CliContext, CliError } from '../../context.ts';

type Lang = 'ko' | 'en';

/** A reason code in the reader's language (guard reasons and campaign reasons). */
export function describeReason(code: string | null | undefined, lang: Lang): string {
  if (!code) return '';
  const text = reasonText(code, lang);
  return text ? `${code} (${text})` : code;
}

export const kstText = (d: Date): string => {
  const k = toKst(d);
  return `${k.dateKey} ${String(Math.floor(k.minuteOfDay / 60)).padStart(2, '0')}:${String(k.minuteOfDay % 60).padStart(2, '0')} KST`;
};

export function parseInstant(value: string | undefined, flag: string, t: CliContext['t']): Date {
  if (value === undefined) return new Date();
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new CliError('BAD_FLAG', t('cli.error.notDateTime', { flag, value }));
  return d;
}

export function decisionLine(d: TouchDecision, lang: Lang): string {
  const what = d.outcome === 'holdout' ? translate(lang, 'cli.campaign.holdout') : d.outcome;
  const text = d.message && 'text' in d.message ? ` | ${d.message.text.replaceAll('\n', ' / ')}` : '';
  return `  ${kstText(d.dueAt)}  ${d.customerId}  ${d.channel}  ${d.arm}  ${what}${d.reason ? `  ${describeReason(d.reason, lang)}` : ''}${text}`;
}

export const ACTION_KO = { launch: '시작', pause: '일시정지', resume: '재개', stop: '종료', archive: '보관' } as const;

export async function settings(ctx: CliContext, cmd: Command, policyFile: string | undefined) {
  const config = ctx.config(cmd);
  const engine = await ctx.warehouse(cmd);
  const { policy } = await loadEffectivePolicy(engine, { dataDir: config.dataDir, file: policyFile });
  const couponSecret = await loadCouponSecret(config.dataDir, ctx.env);
  return { policy, couponSecret, lang: config.lang };
}
