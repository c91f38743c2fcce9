import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { applyOptOuts } from '../../../consent/apply-opt-outs.ts';
import { read080List } from '../../../consent/read-080-list.ts';
import { type CliContext, CliError } from '../../context.ts';
import { fileReadError } from '../../file-errors.ts';

export function registerConsentImport080(consent: Command, ctx: CliContext): void {
  consent
    .command('import-080 <file>')
    .description(ctx.t('cli.consent.import080'))
    .option('--source <source>', ctx.t('cli.consent.opt.listSource'), '080-file')
    .option('--json', ctx.t('cli.option.json'))
    .action(async (file: string, opts: { source: string; json?: boolean }, cmd: Command) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw fileReadError(ctx, file, e);
      }
      const now = new Date();
      const { events, issues } = read080List(text, { source: opts.source, defaultAt: now });
      const result = await applyOptOuts(await ctx.warehouse(cmd), events, { now });
      if (opts.json) ctx.out(JSON.stringify({ file, ...result, issues }));
      else {
        ctx.out(ctx.t('cli.consent.imported', { file, numbers: events.length, ...result }));
        for (const i of issues) ctx.err(`${file}:${i.line} ${i.column}: ${i.message}`);
      }
      if (issues.length > 0 && events.length === 0)
        throw new CliError('INVALID_INPUT', ctx.t('cli.consent.noUsableLine', { file }));
    });
}
