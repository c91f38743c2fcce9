import { readFileSync } from 'node:fs';
import type { ConsentChannel, ConsentEvent } from '@dalbit/core/compliance/consent-state';
import type { Command } from 'commander';
import { z } from 'zod';
import { applyOptOuts } from '../../consent/apply-opt-outs.ts';
import { read080List } from '../../consent/read-080-list.ts';
import { readConsentView, recordConsentChange } from '../../consent/record-consent.ts';
import { type CliContext, CliError } from '../context.ts';

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

function parseChange(opts: ChangeOpts): { channels: ConsentChannel[]; purposes: ConsentEvent['purpose'][]; at: Date } {
  const channels = opts.channel === 'all' ? Channel.options : [Channel.safeParse(opts.channel)];
  const purposes = opts.purpose === 'all' ? Purpose.options : [Purpose.safeParse(opts.purpose)];
  const ch = channels.map((c) => (typeof c === 'string' ? c : c.success ? c.data : undefined));
  const pu = purposes.map((p) => (typeof p === 'string' ? p : p.success ? p.data : undefined));
  if (ch.includes(undefined))
    throw new CliError(
      'BAD_FLAG',
      `--channel 은 sms | kakao | email | push | all 중 하나입니다 / --channel: sms | kakao | email | push | all (got ${opts.channel})`,
    );
  if (pu.includes(undefined))
    throw new CliError(
      'BAD_FLAG',
      `--purpose 는 ad | night_ad | info | all 중 하나입니다 / --purpose: ad | night_ad | info | all (got ${opts.purpose})`,
    );
  const at = opts.at ? new Date(opts.at) : new Date();
  if (Number.isNaN(at.getTime()))
    throw new CliError('BAD_FLAG', `--at: 날짜/시간 형식 오류 / not a date/time: ${opts.at}`);
  return {
    channels: ch.filter((c): c is ConsentChannel => c !== undefined),
    purposes: pu.filter((p): p is ConsentEvent['purpose'] => p !== undefined),
    at,
  };
}

/**
 * `dalbit consent show|grant|withdraw|import-080`: consent is append-only with proof; nothing is
 * ever updated or deleted.
 */
export function registerConsent(program: Command, ctx: CliContext): void {
  const consent = program.command('consent').description(ctx.t('cli.group.consent'));

  consent
    .command('show <customer>')
    .description('consent history and current state of one customer')
    .option('--json', 'machine-readable output')
    .action(async (input: string, opts: { json?: boolean }, cmd: Command) => {
      const engine = await ctx.warehouse(cmd);
      const view = await readConsentView(engine, input);
      const { customerId: customer, events } = view;
      const state = new Map(view.state.map(({ key, ...f }) => [key, f]));
      if (opts.json) {
        ctx.out(
          JSON.stringify({
            customer,
            state: Object.fromEntries([...state].map(([k, v]) => [k, { ...v, at: v.at.toISOString() }])),
            events,
          }),
        );
        return;
      }
      if (events.length === 0) ctx.out(`${customer}: 동의 기록 없음 / no consent on record`);
      for (const [key, f] of [...state].sort())
        ctx.out(
          `${key.padEnd(16)} ${f.granted ? '동의 granted  ' : '거부 withdrawn'} ${f.at.toISOString()}  ${f.source}`,
        );
      if (events.length > 0) ctx.out(`-- ${events.length} events --`);
      for (const e of events)
        ctx.out(
          `${e.at.toISOString()}  ${e.channel}:${e.purpose}  ${e.granted ? 'grant' : 'withdraw'}  ${e.source}  ${e.proof ?? ''}`,
        );
    });

  const change = (name: 'grant' | 'withdraw') =>
    consent
      .command(`${name} <customer>`)
      .description(
        name === 'grant' ? 'record a consent (proof required)' : 'record a withdrawal (takes effect at once)',
      )
      .requiredOption('--channel <channel>', 'sms | kakao | email | push | all')
      .requiredOption('--purpose <purpose>', 'ad | night_ad | info | all')
      .option('--source <source>', 'where it came from', 'cli')
      .option('--proof <text>', 'what the customer agreed to, and how (form text, call log id …)')
      .option('--at <iso>', 'when it happened (default now)')
      .option('--json', 'machine-readable output')
      .action(async (input: string, opts: ChangeOpts, cmd: Command) => {
        if (name === 'grant' && (opts.proof ?? '').trim() === '')
          throw new CliError(
            'BAD_FLAG',
            '동의를 기록하려면 --proof 가 필요합니다 (정보통신망법 §50: 동의는 입증할 수 있어야 합니다) / --proof is required for a grant',
          );
        const { channels, purposes, at } = parseChange(opts);
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
            : `${customer}: ${name === 'grant' ? '동의' : '철회'} ${added}건 기록 / ${added} ${name === 'grant' ? 'grant' : 'withdrawal'} event(s) appended`,
        );
      });
  change('grant');
  change('withdraw');

  consent
    .command('import-080 <file>')
    .description('apply an 080 opt-out list (one number a line, optional date) as withdrawals')
    .option('--source <source>', 'list origin', '080-file')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { source: string; json?: boolean }, cmd: Command) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new CliError(
          'FILE_UNREADABLE',
          `파일을 읽을 수 없습니다 / cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e))}`,
        );
      }
      const now = new Date();
      const { events, issues } = read080List(text, { source: opts.source, defaultAt: now });
      const engine = await ctx.warehouse(cmd);
      const result = await applyOptOuts(engine, events, { now });
      if (opts.json) ctx.out(JSON.stringify({ file, ...result, issues }));
      else {
        ctx.out(
          `${file}: 번호 ${events.length}개, 철회 ${result.withdrawals}건 기록, ${result.duplicates}건 이미 반영, ${result.unmatched}건 고객과 매칭 안 됨 (수신거부 목록에는 보관) / ${events.length} numbers, ${result.withdrawals} withdrawals appended, ${result.duplicates} already applied, ${result.unmatched} not matched to a customer (kept on the opt-out list)`,
        );
        for (const i of issues) ctx.err(`${file}:${i.line} ${i.column}: ${i.message}`);
      }
      if (issues.length > 0 && events.length === 0)
        throw new CliError('INVALID_INPUT', `${file}: 쓸 수 있는 줄이 없습니다 / no usable line`);
    });
}
