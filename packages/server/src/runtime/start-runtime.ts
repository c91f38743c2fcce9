import type { CompliancePolicy } from '@dalbit/core/compliance/policy';
import { translator } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import type { Hono } from 'hono';
import type { ConnectorDeps } from '../connectors/connector-deps.ts';
import { createConnectorsPass } from '../connectors/connectors-pass.ts';
import { buildAdapterRegistry } from '../dispatch/build-registry.ts';
import type { ChannelConfig } from '../dispatch/channel-config.ts';
import type { Engine } from '../engines/engine.ts';
import { createReceiptsApp } from '../http/receipts-app.ts';
import { createDailyRefreshPass } from './daily-refresh-pass.ts';
import { createDispatcherPass } from './dispatcher-pass.ts';
import { createReconfirmationPass } from './reconfirmation-pass.ts';
import { type LoopName, type LoopTotals, type PassEvent, type PassResult, runLoop } from './run-loop.ts';
import type { RuntimeClock } from './runtime-clock.ts';
import { createSchedulerPass } from './scheduler-pass.ts';

export interface RuntimeOptions {
  readonly engine: Engine;
  readonly clock: RuntimeClock;
  readonly log: (line: string) => void;
  readonly lang: Lang;
  readonly policy: CompliancePolicy;
  /** Re-reads the policy before each scheduler pass (warehouse settings); `policy` when absent. */
  readonly loadPolicy?: (() => Promise<CompliancePolicy>) | undefined;
  /** Campaign scheduler every `intervalMs` (off when undefined). */
  readonly scheduler?: { readonly intervalMs: number; readonly couponSecret: string } | undefined;
  /** Outbox dispatcher with adapters from `channels`; idle passes wait `intervalMs` (off when undefined). */
  readonly dispatcher?:
    | {
        readonly intervalMs: number;
        readonly channels: ChannelConfig;
        readonly workerId: string;
        readonly lockMs?: number;
      }
    | undefined;
  /** Daily refresh at `minuteOfDay` KST, checked every `checkMs` (off when undefined). */
  readonly dailyRefresh?: { readonly minuteOfDay: number; readonly checkMs: number } | undefined;
  /** Shop connections synced when due, checked every `checkMs` (off when undefined). */
  readonly connectors?: { readonly checkMs: number; readonly deps: ConnectorDeps } | undefined;
  /** Two-year consent re-confirmation notices planned daily at `minuteOfDay` KST, checked every `checkMs` (off when undefined). */
  readonly reconfirmation?:
    | { readonly minuteOfDay: number; readonly checkMs: number; readonly secret?: string | undefined }
    | undefined;
  readonly onPass?: ((e: PassEvent) => void) | undefined;
}

export interface EmbeddedRuntime {
  /** Apps to mount on the HTTP server (the delivery-report routes when the dispatcher is on). */
  readonly mounts: readonly { readonly path: string; readonly app: Hono }[];
  /** Starts the loops (each runs its first pass at once). */
  start(): void;
  /** Stops the loops after their passes in flight, and releases the adapters. */
  stop(): Promise<Partial<Record<LoopName, LoopTotals>>>;
}

/**
 * The scheduler, dispatcher and daily refresh of `dalbit serve`, sharing one engine with the HTTP
 * server, so a single process owns the DuckDB file (no lock: the engine's writer queue orders writes).
 * @example
 * const rt = createRuntime({ engine, clock: SYSTEM_CLOCK, log: console.error, lang: 'ko', policy,
 *   scheduler: { intervalMs: 60_000, couponSecret } });
 * const server = await startServer({ engine, mounts: rt.mounts, … }); rt.start();
 */
export function createRuntime(o: RuntimeOptions): EmbeddedRuntime {
  const t = translator(o.lang);
  const stop = new AbortController();
  const now = () => o.clock.now();
  const loops: { name: LoopName; intervalMs: number; pass: () => Promise<PassResult> }[] = [];
  const mounts: { path: string; app: Hono }[] = [];
  let closeAdapters = (): void => undefined;

  if (o.scheduler)
    loops.push({
      name: 'scheduler',
      intervalMs: o.scheduler.intervalMs,
      pass: createSchedulerPass({
        engine: o.engine,
        now,
        policy: o.policy,
        loadPolicy: o.loadPolicy,
        couponSecret: o.scheduler.couponSecret,
        lang: o.lang,
      }),
    });
  if (o.dispatcher) {
    const registry = buildAdapterRegistry(o.dispatcher.channels, o.engine);
    closeAdapters = () => registry.close();
    const providers = Object.entries(registry.summary).filter(([c]) => c !== 'onsite');
    o.log(
      providers.length === 0
        ? t('runtime.dispatcherNoChannel')
        : t('runtime.dispatcherChannels', { providers: providers.map(([c, p]) => `${c}=${p}`).join(', ') }),
    );
    mounts.push({
      path: '/',
      app: createReceiptsApp({
        engine: o.engine,
        adapters: registry.adapters,
        secrets: registry.secrets,
        now,
        log: o.log,
      }),
    });
    loops.push({
      name: 'dispatcher',
      intervalMs: o.dispatcher.intervalMs,
      pass: createDispatcherPass(o.engine, {
        adapters: registry.adapters,
        now,
        workerId: o.dispatcher.workerId,
        policy: o.policy,
        signal: stop.signal,
        log: o.log,
        lang: o.lang,
        ...(o.dispatcher.lockMs ? { lockMs: o.dispatcher.lockMs } : {}),
      }),
    });
  }
  if (o.dailyRefresh)
    loops.push({
      name: 'daily-refresh',
      intervalMs: o.dailyRefresh.checkMs,
      pass: createDailyRefreshPass({ engine: o.engine, now, minuteOfDay: o.dailyRefresh.minuteOfDay, lang: o.lang }),
    });

  if (o.reconfirmation)
    loops.push({
      name: 'reconfirmation',
      intervalMs: o.reconfirmation.checkMs,
      pass: createReconfirmationPass({
        engine: o.engine,
        now,
        loadPolicy: o.loadPolicy ?? (async () => o.policy),
        minuteOfDay: o.reconfirmation.minuteOfDay,
        secret: o.reconfirmation.secret,
        lang: o.lang,
      }),
    });
  if (o.connectors)
    loops.push({
      name: 'connectors',
      intervalMs: o.connectors.checkMs,
      pass: createConnectorsPass({ engine: o.engine, now, lang: o.lang, ...o.connectors.deps }),
    });

  let running: Promise<[LoopName, LoopTotals]>[] = [];
  return {
    mounts,
    start() {
      if (running.length > 0 || stop.signal.aborted) return;
      running = loops.map(
        async (l): Promise<[LoopName, LoopTotals]> => [
          l.name,
          await runLoop({ ...l, clock: o.clock, signal: stop.signal, log: o.log, onPass: o.onPass }),
        ],
      );
    },
    async stop() {
      stop.abort();
      const totals = Object.fromEntries(await Promise.all(running));
      closeAdapters();
      return totals;
    },
  };
}
