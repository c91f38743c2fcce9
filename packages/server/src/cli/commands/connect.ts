import type { Command } from 'commander';
import { beginCafe24, connectSmartstore } from '../../connectors/connect.ts';
import { connectorDepsFor } from '../../connectors/connector-deps.ts';
import { type CliContext, CliError } from '../context.ts';

/** Secrets come from the environment, never from flags (shell history, process lists). */
function secretFromEnv(ctx: CliContext, name: string): string {
  const v = ctx.env[name];
  if (!v) throw new CliError('BAD_ENV', ctx.t('connectors.cli.secretEnv', { name }));
  return v;
}

/** The same rule as the dashboard's form (POST /api/connectors/cafe24). */
const MALL_ID = /^[a-z0-9][a-z0-9_-]{1,49}$/i;

/**
 * `dalbit connect cafe24 --mall-id … --client-id …` prints the consent address (the running
 * `dalbit serve` receives the callback); `dalbit connect smartstore --client-id …` checks the keys
 * by getting a token and stores them sealed.
 */
export function registerConnect(program: Command, ctx: CliContext): void {
  const connect = program.command('connect').description(ctx.t('cli.group.connect'));
  connect
    .command('cafe24')
    .description(ctx.t('cli.connect.cafe24'))
    .requiredOption('--mall-id <id>', ctx.t('cli.connect.opt.mallId'))
    .requiredOption('--client-id <id>', ctx.t('cli.connect.opt.cafe24ClientId'))
    .option('--server <url>', ctx.t('cli.connect.opt.server'), 'http://127.0.0.1:8787')
    .option('--api-base <url>', ctx.t('cli.connect.opt.cafe24ApiBase'))
    .action(async (o: { mallId: string; clientId: string; server: string; apiBase?: string }, cmd: Command) => {
      if (!MALL_ID.test(o.mallId))
        throw new CliError('BAD_FLAG', ctx.t('connectors.cli.badMallId', { value: o.mallId }));
      const clientSecret = secretFromEnv(ctx, 'DALBIT_CAFE24_CLIENT_SECRET');
      const config = ctx.config(cmd);
      const engine = await ctx.warehouse(cmd);
      const deps = { engine, ...(await connectorDepsFor(config.dataDir, ctx.env)), now: new Date() };
      const r = await beginCafe24(deps, {
        mallId: o.mallId,
        clientId: o.clientId,
        clientSecret,
        serviceKey: ctx.env.DALBIT_CAFE24_SERVICE_KEY,
        apiBase: o.apiBase,
        redirectUri: `${o.server.replace(/\/+$/, '')}/api/connectors/cafe24/callback`,
      });
      ctx.out(ctx.t('connectors.connect.open', { url: r.authorizeUrl }));
    });
  connect
    .command('smartstore')
    .description(ctx.t('cli.connect.smartstore'))
    .requiredOption('--client-id <id>', ctx.t('cli.connect.opt.smartstoreClientId'))
    .option('--api-base <url>', ctx.t('cli.connect.opt.smartstoreApiBase'))
    .action(async (o: { clientId: string; apiBase?: string }, cmd: Command) => {
      const clientSecret = secretFromEnv(ctx, 'DALBIT_SMARTSTORE_CLIENT_SECRET');
      const config = ctx.config(cmd);
      const engine = await ctx.warehouse(cmd);
      const deps = { engine, ...(await connectorDepsFor(config.dataDir, ctx.env)), now: new Date() };
      const conn = await connectSmartstore(deps, {
        clientId: o.clientId,
        clientSecret,
        apiBase: o.apiBase,
      });
      ctx.out(ctx.t('connectors.connect.done', { id: conn.connectionId }));
    });
}
