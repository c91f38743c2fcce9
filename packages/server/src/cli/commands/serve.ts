import { join } from 'node:path';
import { translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import type { Command } from 'commander';
import { z } from 'zod';
import { authOptionsFromEnv } from '../../auth/auth-options.ts';
import { loadCouponSecret } from '../../campaigns/campaign-settings.ts';
import { connectorDepsFor } from '../../connectors/connector-deps.ts';
import { parseChannelConfig } from '../../dispatch/channel-config.ts';
import type { Engine } from '../../engines/engine.ts';
import { serveUntilStopped } from '../../http/serve-until-stopped.ts';
import { verifyAccessLog } from '../../http/verify-access-log.ts';
import { parseRuntimeFlags, withRuntimeOptions } from '../../runtime/runtime-flags.ts';
import { createServeRuntime } from '../../runtime/serve-runtime.ts';
import { loadSiteKeys } from '../../tracker/site-keys.ts';
import { type CliContext, CliError } from '../context.ts';
import { auditLines } from './audit.ts';

/**
 * The access log is verified before serving: a failure is printed loudly on stderr (every
 * problem) and serving goes on, or with --audit-strict the server does not start (exit 65).
 */
async function checkAccessLogAtStart(
  engine: Engine,
  o: { strict: boolean; lang: Lang; err: (line: string) => void },
): Promise<void> {
  const report = await verifyAccessLog(engine);
  if (report.ok) return;
  for (const line of auditLines(report, o.lang)) o.err(line);
  if (o.strict) throw new CliError('AUDIT_FAILED', translate(o.lang, 'audit.serveRefused'));
  o.err(translate(o.lang, 'audit.serveWarning'));
}

export const ServeFlags = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(8787),
  host: z.string().min(1).default('127.0.0.1'),
});

/** `--port` / `--host` for commands that start the server. */
export function withServeOptions(c: Command, t: CliContext['t']): Command {
  return c.option('--port <n>', t('cli.serve.opt.port')).option('--host <host>', t('cli.serve.opt.host'));
}

export function parseServeFlags(raw: Record<string, unknown>): z.infer<typeof ServeFlags> {
  const r = ServeFlags.safeParse({ port: raw.port, host: raw.host });
  if (!r.success)
    throw new CliError('BAD_FLAG', r.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n'));
  return r.data;
}

export function registerServe(program: Command, ctx: CliContext): void {
  withRuntimeOptions(
    withServeOptions(
      program
        .command('serve')
        .description(ctx.t('cli.group.serve'))
        .option('--audit-strict', ctx.t('cli.serve.opt.auditStrict')),
      ctx.t,
    ),
    ctx.t,
  ).action(async (raw: Record<string, unknown>, cmd: Command) => {
    const { host, port } = parseServeFlags(raw);
    const rf = parseRuntimeFlags(raw);
    if (!rf.ok) throw new CliError('BAD_FLAG', rf.issues.join('\n'));
    const config = ctx.config(cmd);
    const engine = await ctx.warehouse(cmd);
    await checkAccessLogAtStart(engine, { strict: raw.auditStrict === true, lang: config.lang, err: ctx.err });
    const connectors = await connectorDepsFor(config.dataDir, ctx.env);
    const runtime = await createServeRuntime({
      connectors,
      engine,
      dataDir: config.dataDir,
      env: ctx.env,
      lang: config.lang,
      log: ctx.err,
      flags: rf.flags,
    });
    await serveUntilStopped(engine, {
      host,
      port,
      lang: config.lang,
      out: ctx.out,
      err: ctx.err,
      auth: authOptionsFromEnv(config.security),
      siteKeys: await loadSiteKeys(config.dataDir),
      linkSecret: await loadCouponSecret(config.dataDir, ctx.env),
      mounts: runtime.mounts,
      connectors,
      background: runtime,
      uploadDir: join(config.dataDir, 'uploads'),
      channels: parseChannelConfig(ctx.env),
    });
  });
}
