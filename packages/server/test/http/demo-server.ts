import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoContext } from '@dalbit/core/demo/demo-context';
import { DemoParamsSchema } from '@dalbit/core/demo/demo-params';
import { ensureFirstOwner } from '../../src/auth/first-owner.ts';
import { loadCouponSecret } from '../../src/campaigns/campaign-settings.ts';
import type { ConnectorDeps } from '../../src/connectors/connector-deps.ts';
import { runDemo } from '../../src/demo/run-demo.ts';
import type { ChannelConfigResult } from '../../src/dispatch/channel-config.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { openWarehouse } from '../../src/engines/open-engine.ts';
import { type RunningServer, startServer } from '../../src/http/start-server.ts';
import { refreshFeatures } from '../../src/segments/refresh-features.ts';
import { loadSiteKeys, type SiteKeys } from '../../src/tracker/site-keys.ts';

export interface DemoServer {
  readonly server: RunningServer;
  readonly engine: Engine;
  /** The fixed clock of the server: the moment the demo export was taken, unless the caller chose another. */
  readonly now: Date;
  readonly logs: string[];
  /** The first owner, created as `dalbit demo` does (its printed login). */
  readonly owner: { readonly email: string; readonly password: string };
  /** The tracker write key and identify secret of the demo site (`<dataDir>/site-keys.json`). */
  readonly siteKeys: SiteKeys;
  /** The brand secret that signs unsubscribe links (`<dataDir>/coupon-secret`). */
  readonly linkSecret: string;
  stop(): Promise<void>;
}

/**
 * A real server on an ephemeral loopback port over a small demo brand imported through the real
 * importer into a temporary data directory (DuckDB file).
 */
export async function startDemoServer(opts: {
  customers: number;
  eventsPerCustomer?: number;
  seed?: number;
  /** Statement budget per request (default: the server's). */
  queryTimeoutMs?: number;
  /** Shop connectors' sealing key and HTTP (the connector routes answer 501 without them). */
  connectors?: ConnectorDeps;
  /** The server's fixed clock (default: the moment the demo export was taken). */
  now?: Date;
  /** Channel credentials for the settings page's status and test sends (default: none). */
  channels?: ChannelConfigResult;
}): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'dalbit-http-'));
  const params = DemoParamsSchema.parse({
    customers: opts.customers,
    seed: opts.seed ?? 11,
    eventsPerCustomer: opts.eventsPerCustomer ?? 4,
  });
  const exportedAt = new Date(createDemoContext(params).exportedAt);
  const now = opts.now ?? exportedAt;
  const engine = await openWarehouse({ dataDir: dir });
  await runDemo(engine, { params, outDir: join(dir, 'demo-files'), now });
  await refreshFeatures(engine, { asOf: exportedAt });
  const owner = await ensureFirstOwner(engine, now);
  if (!owner) throw new Error('a fresh demo warehouse already had users');
  const logs: string[] = [];
  const siteKeys = await loadSiteKeys(dir);
  const linkSecret = await loadCouponSecret(dir, {});
  const server = await startServer({
    engine,
    host: '127.0.0.1',
    port: 0,
    now: () => now,
    log: (l) => logs.push(l),
    siteKeys,
    linkSecret,
    ...(opts.queryTimeoutMs ? { queryTimeoutMs: opts.queryTimeoutMs } : {}),
    ...(opts.connectors ? { connectors: opts.connectors } : {}),
    ...(opts.channels ? { channels: opts.channels } : {}),
  });
  return {
    server,
    engine,
    now,
    logs,
    owner,
    siteKeys,
    linkSecret,
    async stop() {
      await server.close();
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
