import { hostname } from 'node:os';
import type { Command } from 'commander';
import { z } from 'zod';
import { loadEffectivePolicy } from '../../campaigns/load-effective-policy.ts';
import { type BuiltRegistry, buildAdapterRegistry } from '../../dispatch/build-registry.ts';
import { parseChannelConfig } from '../../dispatch/channel-config.ts';
import { countByStatus } from '../../dispatch/claim-messages.ts';
import { createDispatcher, type DispatchSummary } from '../../dispatch/dispatcher.ts';
import { runDispatcher } from '../../dispatch/run-dispatcher.ts';
import type { Engine } from '../../engines/engine.ts';
import { type RunningReceipts, startReceiptsServer } from '../../http/receipts-server.ts';
import { type CliContext, CliError } from '../context.ts';

const flagsSchema = (t: CliContext['t']) => {
  const Duration = z
    .string()
    .regex(/^\d+(ms|s|m)?$/, t('cli.dispatcher.duration'))
    .transform((v) => {
      const n = Number.parseInt(v, 10);
      return v.endsWith('ms') ? n : v.endsWith('m') ? n * 60_000 : n * 1000;
    });
  return z.object({
    once: z.boolean().default(false),
    interval: Duration.default(1000),
    port: z.coerce.number().int().min(0).max(65_535).default(8788),
    host: z.string().min(1).default('127.0.0.1'),
    receipts: z.boolean().default(true),
    batchSize: z.coerce.number().int().min(1).max(10_000).optional(),
    lockMs: z.coerce.number().int().min(1000).default(120_000),
    workerId: z.string().min(1).optional(),
    json: z.boolean().default(false),
  });
};
type Flags = z.infer<ReturnType<typeof flagsSchema>>;

/** What a pass or a whole run did, one line; `emit` prints it or its JSON object (--json). */
interface Run {
  readonly engine: Engine;
  readonly registry: BuiltRegistry;
  readonly base: Parameters<typeof createDispatcher>[1];
  readonly flags: Flags;
  readonly emit: (obj: Record<string, unknown>, text: string) => void;
  readonly line: (s: DispatchSummary) => string;
}

export function registerDispatcher(program: Command, ctx: CliContext): void {
  program
    .command('dispatcher')
    .description(ctx.t('cli.group.dispatcher'))
    .option('--once', ctx.t('cli.dispatcher.opt.once'))
    .option('--interval <duration>', ctx.t('cli.dispatcher.opt.interval'))
    .option('--port <n>', ctx.t('cli.dispatcher.opt.port'))
    .option('--host <host>', ctx.t('cli.dispatcher.opt.host'))
    .option('--no-receipts', ctx.t('cli.dispatcher.opt.noReceipts'))
    .option('--batch-size <n>', ctx.t('cli.dispatcher.opt.batchSize'))
    .option('--lock-ms <n>', ctx.t('cli.dispatcher.opt.lockMs'))
    .option('--worker-id <id>', ctx.t('cli.dispatcher.opt.workerId'))
    .option('--json', ctx.t('cli.dispatcher.opt.json'))
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      const run = await prepare(ctx, cmd, raw);
      try {
        if (run.flags.once) {
          const s = await createDispatcher(run.engine, run.base).pass();
          run.emit({ event: 'pass', ...s, statuses: await countByStatus(run.engine) }, run.line(s));
        } else await runUntilStopped(ctx, run);
      } finally {
        run.registry.close();
      }
    });
}

async function prepare(ctx: CliContext, cmd: Command, raw: Record<string, unknown>): Promise<Run> {
  const f = flagsSchema(ctx.t).safeParse(raw);
  if (!f.success)
    throw new CliError('BAD_FLAG', f.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n'));
  const flags = f.data;
  const cfg = parseChannelConfig(ctx.env);
  if (!cfg.ok) throw new CliError('BAD_ENV', cfg.issues.map((i) => `${i.key}: ${i.message}`).join('\n'));
  const engine = await ctx.warehouse(cmd);
  const { policy } = await loadEffectivePolicy(engine, { dataDir: ctx.config(cmd).dataDir });
  const registry = buildAdapterRegistry(cfg.config, engine);
  const base = {
    adapters: registry.adapters,
    now: () => new Date(),
    workerId: flags.workerId ?? `${hostname()}:${process.pid}`,
    lockMs: flags.lockMs,
    policy,
    log: ctx.err,
    ...(flags.batchSize ? { batchSize: flags.batchSize } : {}),
  };
  return {
    engine,
    registry,
    base,
    flags,
    emit: (obj, text) => ctx.out(flags.json ? JSON.stringify(obj) : text),
    line: (s) => ctx.t('cli.dispatcher.pass', { ...s }),
  };
}

/** Passes until SIGTERM/SIGINT, with the delivery-report server unless --no-receipts. */
async function runUntilStopped(ctx: CliContext, run: Run): Promise<void> {
  const { engine, registry, base, flags, emit, line } = run;
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  let receipts: RunningReceipts | undefined;
  if (flags.receipts)
    receipts = await startReceiptsServer({
      engine,
      adapters: registry.adapters,
      secrets: registry.secrets,
      now: base.now,
      log: ctx.err,
      host: flags.host,
      port: flags.port,
    });
  const url = receipts ? `${receipts.url}/receipts/:provider` : null;
  const channels = Object.entries(registry.summary)
    .map(([c, p]) => `${c}=${p}`)
    .join(', ');
  emit(
    { event: 'started', workerId: base.workerId, channels: registry.summary, receipts: url },
    ctx.t('cli.dispatcher.started', {
      workerId: base.workerId,
      channels,
      receipts: url ? ctx.t('cli.dispatcher.receipts', { url }) : '',
    }),
  );
  const total = await runDispatcher(engine, {
    ...base,
    signal: stop.signal,
    intervalMs: flags.interval,
    onPass: (s) => emit({ event: 'pass', ...s }, line(s)),
  });
  process.off('SIGTERM', onSignal);
  process.off('SIGINT', onSignal);
  await receipts?.close();
  emit({ event: 'stopped', ...total }, ctx.t('cli.dispatcher.stopped', { line: line(total) }));
}
