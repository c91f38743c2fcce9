import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

export function registerInit(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('create the warehouse in the data directory (safe to re-run)')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { dataDir, engine } = ctx.config(cmd);
      await ctx.warehouse(cmd);
      ctx.out(opts.json ? JSON.stringify({ dataDir, engine, ok: true }) : `warehouse ready: ${dataDir} (${engine})`);
    });
}
