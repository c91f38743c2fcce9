import type { Command } from 'commander';
import { connectorDepsFor } from '../../connectors/connector-deps.ts';
import { ConnectorError, type ConnectorErrorCode } from '../../connectors/connector-error.ts';
import { syncLine } from '../../connectors/sync-lines.ts';
import { syncAll } from '../../connectors/sync-run.ts';
import { type CliContext, CliError } from '../context.ts';

/** `dalbit sync [--since DATE]`: every connected shop, from its cursors (or from DATE). */
export function registerSync(program: Command, ctx: CliContext): void {
  program
    .command('sync')
    .description(ctx.t('cli.group.sync'))
    .option('--since <date>', ctx.t('cli.sync.opt.since'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (opts: { since?: string; json?: boolean }, cmd: Command) => {
      const since = opts.since === undefined ? undefined : new Date(opts.since);
      if (since && Number.isNaN(since.getTime()))
        throw new CliError('BAD_FLAG', ctx.t('connectors.cli.badSince', { value: String(opts.since) }));
      const config = ctx.config(cmd);
      const engine = await ctx.warehouse(cmd);
      const deps = { engine, ...(await connectorDepsFor(config.dataDir, ctx.env)), now: new Date() };
      const results = await syncAll(deps, { trigger: 'cli', since });
      if (opts.json) return ctx.out(JSON.stringify({ results }));
      if (results.length === 0) ctx.out(ctx.t('connectors.sync.none'));
      for (const r of results) (r.error ? ctx.err : ctx.out)(syncLine(ctx.lang, r));
      // The exit code is the first failure's kind (a shop unreachable: 75, refused credentials …).
      const failed = results.filter((r) => r.error);
      const first = failed[0]?.error;
      if (first)
        throw new ConnectorError(
          first.code as ConnectorErrorCode,
          ctx.t('connectors.cli.failed', { n: failed.length, list: failed.map((r) => r.connectionId).join(', ') }),
        );
    });
}
