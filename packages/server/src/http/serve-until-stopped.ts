import { translator } from '@dalbit/core/i18n/catalog';
import type { AuthOptions } from '../auth/auth-options.ts';
import type { Engine } from '../engines/engine.ts';
import { refreshFeatures } from '../segments/refresh-features.ts';
import type { SiteKeys } from '../tracker/site-keys.ts';
import type { AppOptions } from './create-app.ts';
import { isDashboardStale } from './ensure-dashboard.ts';
import { type RunningServer, startServer } from './start-server.ts';

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly lang: 'ko' | 'en';
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Resolves when the server should stop (default: SIGINT or SIGTERM). */
  readonly until?: Promise<void>;
  readonly onStarted?: (s: RunningServer) => void;
  /** Extra apps (the embedded runtime's receipts routes). */
  readonly mounts?: AppOptions['mounts'];
  /** Sessions, proxy trust and allowed hosts (from DALBIT_* variables). */
  readonly auth?: AuthOptions;
  /** The tracker write key and identify secret (`<dataDir>/site-keys.json`). */
  readonly siteKeys?: SiteKeys;
  /** The brand secret that signs unsubscribe links (`/u/<token>`). */
  readonly linkSecret?: string;
  /** Shop connectors' sealing key and HTTP (decision 0016). */
  readonly connectors?: AppOptions['connectors'];
  /** Import uploads (decision 0017): `<dataDir>/uploads`. */
  readonly uploadDir?: string;
  /** Channel credentials from the environment (settings page status and test sends). */
  readonly channels?: AppOptions['channels'];
  /** The API's clock (default: the system clock). */
  readonly now?: () => Date;
  /** Background work started once the server listens and stopped (awaited) before it closes. */
  readonly background?: { start(): void; stop(): Promise<unknown> };
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * Brings segment features up to date, serves the API and dashboard, and returns once stopped.
 * Used by `dalbit serve` and `dalbit demo`.
 */
export async function serveUntilStopped(engine: Engine, opts: ServeOptions): Promise<void> {
  const t = translator(opts.lang);
  const refreshed = await refreshFeatures(engine, { asOf: new Date() });
  opts.err(
    t('runtime.featuresRefreshed', { customers: refreshed.customers.toLocaleString('en-US'), ms: refreshed.tookMs }),
  );
  // The dashboard is built at install (`npm install` runs prepare) or by `npm run build`, never
  // here; without a build the API still serves and the root page says how to build it.
  if (isDashboardStale()) opts.err(t('runtime.dashboardStale'));
  const server = await startServer({
    engine,
    host: opts.host,
    port: opts.port,
    now: opts.now ?? (() => new Date()),
    log: opts.err,
    ...(opts.auth ? { auth: opts.auth } : {}),
    ...(opts.siteKeys ? { siteKeys: opts.siteKeys } : {}),
    ...(opts.linkSecret ? { linkSecret: opts.linkSecret } : {}),
    ...(opts.mounts ? { mounts: opts.mounts } : {}),
    ...(opts.connectors ? { connectors: opts.connectors } : {}),
    ...(opts.uploadDir ? { uploadDir: opts.uploadDir } : {}),
    ...(opts.channels ? { channels: opts.channels } : {}),
  });
  opts.out(t('runtime.serving', { url: server.url }));
  opts.background?.start();
  opts.onStarted?.(server);
  await (opts.until ?? signalled());
  await opts.background?.stop();
  await server.close();
  opts.err(t('runtime.stopped'));
}
