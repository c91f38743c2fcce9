import type { Command } from 'commander';
import { ensureFirstOwner } from '../../auth/first-owner.ts';
import type { CliContext } from '../context.ts';
import { loginLine } from './users.ts';

export function registerInit(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description(ctx.t('cli.group.init'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { dataDir, engine, lang } = ctx.config(cmd);
      const login = await ensureFirstOwner(await ctx.warehouse(cmd, { create: true }), new Date());
      if (opts.json) return ctx.out(JSON.stringify({ dataDir, engine, ok: true, login }));
      ctx.out(ctx.t('cli.init.ready', { dataDir, engine }));
      ctx.out(loginLine(login, lang));
    });
}
