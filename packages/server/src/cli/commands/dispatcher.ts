import { hostname } from 'node:os';
import type { Command } from 'commander';
import { z } from 'zod';
import { loadEffectivePolicy } from '../../campaigns/load-effective-policy.ts';
import { buildAdapterRegistry } from '../../dispatch/build-registry.ts';
import { parseChannelConfig } from '../../dispatch/channel-config.ts';
import { countByStatus } from '../../dispatch/claim-messages.ts';
import { createDispatcher, type DispatchSummary } from '../../dispatch/dispatcher.ts';
import { runDispatcher } from '../../dispatch/run-dispatcher.ts';
import { type RunningReceipts, startReceiptsServer } from '../../http/receipts-server.ts';
import { type CliContext, CliError } from '../context.ts';

const Duration = z
  .string()
  .regex(/^\d+(ms|s|m)?$/, 'use 500ms, 1s or 2m')
  .transform((v) => {
    const n = Number.parseInt(v, 10);
    return v.endsWith('ms') ? n : v.endsWith('m') ? n * 60_000 : n * 1000;
  });

const Flags = z.object({
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

function line(s: DispatchSummary, ko: boolean): string {
  return ko
    ? `발송 ${s.claimed}건: 접수 ${s.accepted} (중복 확인 ${s.duplicates}) · 재시도 ${s.retried} · 실패 ${s.failed} · 확인 필요 ${s.inDoubt} · 취소 ${s.cancelled} · 대체발송 대기 ${s.fallbacksQueued}`
    : `sent ${s.claimed}: accepted ${s.accepted} (already had ${s.duplicates}) · retry ${s.retried} · failed ${s.failed} · in doubt ${s.inDoubt} · cancelled ${s.cancelled} · fallbacks queued ${s.fallbacksQueued}`;
}

export function registerDispatcher(program: Command, ctx: CliContext): void {
  program
    .command('dispatcher')
    .description(ctx.t('cli.group.dispatcher'))
    .option('--once', 'one pass over everything due, then exit')
    .option('--interval <duration>', 'pause when idle (기본 1s)')
    .option('--port <n>', 'delivery-report webhook port (기본 8788; 0 = any free port)')
    .option('--host <host>', 'listen address (기본 127.0.0.1)')
    .option('--no-receipts', 'do not start the delivery-report server')
    .option('--batch-size <n>', 'messages per claim (capped by each provider)')
    .option('--lock-ms <n>', 'claim lock duration in ms (기본 120000)')
    .option('--worker-id <id>', 'name of this worker in locks (기본 host:pid)')
    .option('--json', 'one JSON object per line')
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      const f = Flags.safeParse(raw);
      if (!f.success)
        throw new CliError('BAD_FLAG', f.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n'));
      const flags = f.data;
      const cfg = parseChannelConfig(ctx.env);
      if (!cfg.ok) throw new CliError('BAD_ENV', cfg.issues.map((i) => `${i.key}: ${i.message}`).join('\n'));
      const ko = ctx.config(cmd).lang === 'ko';
      const engine = await ctx.warehouse(cmd);
      const { policy } = await loadEffectivePolicy(engine, { dataDir: ctx.config(cmd).dataDir });
      if (engine.dialect.name !== 'duckdb')
        throw new CliError(
          'UNSUPPORTED_ENGINE',
          ko ? '발송기는 DuckDB 엔진에서만 동작합니다' : 'the dispatcher needs the DuckDB engine',
        );
      const registry = buildAdapterRegistry(cfg.config, engine);
      const emit = (obj: Record<string, unknown>, text: string) => ctx.out(flags.json ? JSON.stringify(obj) : text);
      const now = () => new Date();
      const workerId = flags.workerId ?? `${hostname()}:${process.pid}`;
      const base = {
        adapters: registry.adapters,
        now,
        workerId,
        lockMs: flags.lockMs,
        policy,
        log: ctx.err,
        ...(flags.batchSize ? { batchSize: flags.batchSize } : {}),
      };
      const channels = Object.entries(registry.summary)
        .map(([c, p]) => `${c}=${p}`)
        .join(', ');
      try {
        if (flags.once) {
          const s = await createDispatcher(engine, base).pass();
          emit({ event: 'pass', ...s, statuses: await countByStatus(engine) }, line(s, ko));
          return;
        }
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
            now,
            log: ctx.err,
            host: flags.host,
            port: flags.port,
          });
        emit(
          {
            event: 'started',
            workerId,
            channels: registry.summary,
            receipts: receipts ? `${receipts.url}/receipts/:provider` : null,
          },
          ko
            ? `발송기 시작 (${workerId}): ${channels}${receipts ? ` · 수신 결과 ${receipts.url}/receipts/:provider` : ''} (종료: Ctrl+C)`
            : `dispatcher started (${workerId}): ${channels}${receipts ? ` · receipts ${receipts.url}/receipts/:provider` : ''} (stop: Ctrl+C)`,
        );
        const total = await runDispatcher(engine, {
          ...base,
          signal: stop.signal,
          intervalMs: flags.interval,
          onPass: (s) => emit({ event: 'pass', ...s }, line(s, ko)),
        });
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
        await receipts?.close();
        emit(
          { event: 'stopped', ...total },
          ko ? `발송기 종료 · 합계 ${line(total, ko)}` : `dispatcher stopped · total ${line(total, ko)}`,
        );
      } finally {
        registry.close();
      }
    });
}
