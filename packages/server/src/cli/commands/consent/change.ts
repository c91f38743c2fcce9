import type { ConsentChannel, ConsentEvent } from '@dalbit/core/compliance/consent-state';
import type { Command } from 'commander';
import { z } from 'zod';
import { recordConsentChange } from '../../../consent/record-consent.ts';
import { type CliContext, CliError } from '../../context.ts';

const Channel = z.enum(['sms', 'kakao', 'email', 'push']);
const Purpose = z.enum(['ad', 'night_ad', 'info']);

interface ChangeOpts {
  channel: string;
  purpose: string;
  source: string;
  proof?: string;
  at?: string;
  json?: boolean;
}

/** `all` or one value of the enum; anything else is a bad flag naming the choices. */
function oneOrAll<T extends string>(ctx: CliContext, e: z.ZodEnum<{ [K in T]: K }>, flag: string, v: string): T[] {
  if (v === 'all') return [...e.options] as T[];
  const r = e.safeParse(v);
  if (r.success) return [r.data as T];
  throw new CliError('BAD_FLAG', ctx.t('cli.error.choice', { flag, choices: [...e.options, 'all'].join(' | ') }));
}

function parseChange(
  ctx: CliContext,
  opts: ChangeOpts,
): { channels: ConsentChannel[]; purposes: ConsentEvent['purpose'][]; at: Date } {
  const channels = oneOrAll(ctx, Channel, '--channel', opts.channel);
  const purposes = oneOrAll(ctx, Purpose, '--purpose', opts.purpose);
  const at = opts.at ? new Date(opts.at) : new Date();
  if (Number.isNaN(at.getTime()))
    throw new CliError('BAD_FLAG', ctx.t('cli.error.notDateTime', { flag: '--at', value: String(opts.at) }));
  return { channels, purposes, at };
}

/** `consent grant|withdraw <customer>`: appends one event per channel and purpose. */
export function registerConsentChange(consent: Command, ctx: CliContext, name: 'grant' | 'withdraw'): void {
  consent
    .command(`${name} <customer>`)
    .description(ctx.t(name === 'grant' ? 'cli.consent.grant' : 'cli.consent.withdraw'))
    .requiredOption('--channel <channel>', ctx.t('cli.consent.opt.channel'))
    .requiredOption('--purpose <purpose>', ctx.t('cli.consent.opt.purpose'))
    .option('--source <source>', ctx.t('cli.consent.opt.source'), 'cli')
    .option('--proof <text>', ctx.t('cli.consent.opt.proof'))
    .option('--at <iso>', ctx.t('cli.consent.opt.at'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (input: string, opts: ChangeOpts, cmd: Command) => {
      if (name === 'grant' && (opts.proof ?? '').trim() === '')
        throw new CliError('BAD_FLAG', ctx.t('cli.consent.proofRequired'));
      const { channels, purposes, at } = parseChange(ctx, opts);
      const engine = await ctx.warehouse(cmd);
      const { customerId: customer, added } = await recordConsentChange(engine, {
        customer: input,
        granted: name === 'grant',
        channels,
        purposes,
        at,
        source: opts.source,
        proof: opts.proof,
      });
      ctx.out(
        opts.json
          ? JSON.stringify({ customer, added, action: name })
          : ctx.t(`cli.consent.appended.${name}`, { customer, count: added }),
      );
    });
}
