import type { Command } from 'commander';
import { readConsentView } from '../../../consent/record-consent.ts';
import type { CliContext } from '../../context.ts';

export function registerConsentShow(consent: Command, ctx: CliContext): void {
  consent
    .command('show <customer>')
    .description(ctx.t('cli.consent.show'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (input: string, opts: { json?: boolean }, cmd: Command) => {
      const view = await readConsentView(await ctx.warehouse(cmd), input);
      const { customerId: customer, events } = view;
      const state = new Map(view.state.map(({ key, ...f }) => [key, f]));
      if (opts.json) {
        const byKey = Object.fromEntries([...state].map(([k, v]) => [k, { ...v, at: v.at.toISOString() }]));
        ctx.out(JSON.stringify({ customer, state: byKey, events }));
        return;
      }
      if (events.length === 0) ctx.out(ctx.t('cli.consent.none', { customer }));
      const granted = ctx.t('cli.consent.granted');
      const withdrawn = ctx.t('cli.consent.withdrawn');
      const width = Math.max(granted.length, withdrawn.length);
      for (const [key, f] of [...state].sort())
        ctx.out(
          `${key.padEnd(16)} ${(f.granted ? granted : withdrawn).padEnd(width)} ${f.at.toISOString()}  ${f.source}`,
        );
      if (events.length > 0) ctx.out(ctx.t('cli.consent.events', { count: events.length }));
      for (const e of events)
        ctx.out(
          `${e.at.toISOString()}  ${e.channel}:${e.purpose}  ${e.granted ? 'grant' : 'withdraw'}  ${e.source}  ${e.proof ?? ''}`,
        );
    });
}
