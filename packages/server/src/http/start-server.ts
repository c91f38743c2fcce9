import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type AuthOptions, DEFAULT_AUTH_OPTIONS } from '../auth/auth-options.ts';
import { DEFAULT_TRACKER_FILE, DEFAULT_WEB_ROOT } from '../repo-paths.ts';
import { warmFitWorker } from '../workers/run-fit.ts';
import { type AppOptions, createApp } from './create-app.ts';

/** The address the server listens on is a Host it answers to (unless it listens on every interface). */
function withBoundHost(auth: AuthOptions, host: string): AuthOptions {
  const wildcard = host === '0.0.0.0' || host === '::' || host === '';
  const name = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return wildcard ? auth : { ...auth, allowedHosts: [...auth.allowedHosts, name.toLowerCase()] };
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Starts the API + dashboard on `host:port` (port 0 = any free port).
 * @example const s = await startServer({ engine, now: () => new Date(), log: console.error, host: '127.0.0.1', port: 0 })
 */
export async function startServer(
  opts: Omit<AppOptions, 'webRoot' | 'trackerFile'> & {
    host: string;
    port: number;
    webRoot?: string;
    trackerFile?: string;
  },
): Promise<RunningServer> {
  const app = createApp({
    ...opts,
    auth: withBoundHost(opts.auth ?? DEFAULT_AUTH_OPTIONS, opts.host),
    webRoot: opts.webRoot ?? DEFAULT_WEB_ROOT,
    trackerFile: opts.trackerFile ?? DEFAULT_TRACKER_FILE,
  });
  warmFitWorker(); // model fits run there; loaded before the first request needs it
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: opts.host, port: opts.port }, (info: AddressInfo) => {
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            if ('closeAllConnections' in server && typeof server.closeAllConnections === 'function')
              server.closeAllConnections();
            server.close((e) => (e ? fail(e) : done()));
          }),
      });
    });
    server.once('error', reject);
  });
}
