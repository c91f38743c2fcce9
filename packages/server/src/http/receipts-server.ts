import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createReceiptsApp, type ReceiptsAppDeps } from './receipts-app.ts';

export interface RunningReceipts {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `createReceiptsApp` on `host:port` (0 = any free port); `close` waits for requests in flight. */
export function startReceiptsServer(deps: ReceiptsAppDeps & { host: string; port: number }): Promise<RunningReceipts> {
  const app = createReceiptsApp(deps);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: deps.host, port: deps.port }, (info: AddressInfo) => {
      resolve({
        url: `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}
