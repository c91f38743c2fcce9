import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { verifyWebhookSignature } from '../../../src/channels/webhook/sign-webhook.ts';
import { type BuiltRegistry, buildAdapterRegistry } from '../../../src/dispatch/build-registry.ts';
import { parseChannelConfig } from '../../../src/dispatch/channel-config.ts';
import { type DispatchSummary, dispatchOnce, emptySummary } from '../../../src/dispatch/dispatcher.ts';
import type { Engine } from '../../../src/engines/engine.ts';
import { createReceiptsApp } from '../../../src/http/receipts-app.ts';
import { type LoopbackServer, readBody, sendJson, startLoopbackServer } from '../../support/http-server.ts';
import { startSmtpSink } from '../../support/smtp-sink.ts';
import { type SolapiGateway, startSolapiGateway } from '../../support/solapi-gateway.ts';
import { PF_ID, POLICY, SMS_FROM } from './demo-brand.ts';

export const SOLAPI_KEY = 'NCS-E2E-KEY';
export const SOLAPI_SECRET = 'e2e-solapi-secret';
export const REPORT_TOKEN = 'e2e-report-token';
export const WEBHOOK_SECRET = 'whsec_e2e_partner';

/** One POST the partner endpoint received, with the verdict on its Dalbit-Signature. */
export interface ReceivedHook {
  readonly key: string | undefined;
  readonly body: { id: string; type: string; purpose: string; data: unknown };
  readonly signed: boolean;
}

export interface LocalChannels {
  readonly smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  readonly solapi: SolapiGateway;
  /** A partner endpoint that verifies each webhook's signature (401 when it does not match). */
  readonly webhook: LoopbackServer & { readonly hooks: ReceivedHook[] };
  readonly receiptsUrl: string;
  readonly registry: BuiltRegistry;
  /** The environment the registry was built from (what `dalbit dispatcher` would read). */
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

async function serveOnLoopback(app: {
  fetch: (r: Request) => Response | Promise<Response>;
}): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => new Promise<void>((r) => server.close(() => r())) }),
    );
  });
}

/** A partner's webhook endpoint on loopback that checks the HMAC signature as a receiver must. */
export async function startWebhookReceiver(): Promise<LocalChannels['webhook']> {
  const hooks: ReceivedHook[] = [];
  const server = await startLoopbackServer(async (req, res) => {
    const raw = await readBody(req);
    const verdict = verifyWebhookSignature({
      header: req.headers['dalbit-signature'] as string | undefined,
      body: raw,
      secrets: [WEBHOOK_SECRET],
      now: new Date(),
    });
    hooks.push({
      key: req.headers['idempotency-key'] as string | undefined,
      body: JSON.parse(raw),
      signed: verdict.ok,
    });
    sendJson(res, verdict.ok ? 200 : 401, {});
  });
  return { ...server, hooks };
}

/**
 * A real SMTP server, a local Solapi gateway and a partner webhook endpoint on loopback, our receipts app for the gateway's
 * delivery reports, and the adapter registry built from environment variables the way the
 * `dalbit dispatcher` entry point builds it.
 */
export async function startLocalChannels(
  engine: Engine,
  opts: { now: () => Date; outcomes?: Readonly<Record<string, string>>; optedOut?: readonly string[] },
): Promise<LocalChannels> {
  const smtp = await startSmtpSink();
  const adapters = {};
  const late: { registry?: BuiltRegistry } = {};
  const receipts = await serveOnLoopback(
    createReceiptsApp({
      engine,
      get adapters() {
        return late.registry?.adapters ?? adapters;
      },
      get secrets() {
        return late.registry?.secrets ?? {};
      },
      now: opts.now,
    }),
  );
  const solapi = await startSolapiGateway({
    apiKey: SOLAPI_KEY,
    apiSecret: SOLAPI_SECRET,
    senderNumbers: [SMS_FROM],
    pfIds: [PF_ID],
    templates: {},
    receiptUrl: `${receipts.url}/receipts/solapi?token=${REPORT_TOKEN}`,
    ...(opts.outcomes ? { outcomes: opts.outcomes } : {}),
    ...(opts.optedOut ? { optedOut: opts.optedOut } : {}),
  });
  const webhook = await startWebhookReceiver();
  const env = {
    DALBIT_WEBHOOK_URL: `${webhook.url}/dalbit`,
    DALBIT_WEBHOOK_SECRET: WEBHOOK_SECRET,
    DALBIT_SOLAPI_API_KEY: SOLAPI_KEY,
    DALBIT_SOLAPI_API_SECRET: SOLAPI_SECRET,
    DALBIT_SOLAPI_BASE_URL: solapi.url,
    DALBIT_SOLAPI_REPORT_TOKEN: REPORT_TOKEN,
    DALBIT_SMTP_HOST: '127.0.0.1',
    DALBIT_SMTP_PORT: String(smtp.port),
    DALBIT_RATE_SMTP: '2000',
    DALBIT_RATE_SOLAPI: '5000',
  };
  const parsed = parseChannelConfig(env);
  if (!parsed.ok) throw new Error(`channel config: ${JSON.stringify(parsed.issues)}`);
  const registry = buildAdapterRegistry(parsed.config, engine);
  late.registry = registry;
  return {
    smtp,
    solapi,
    webhook,
    receiptsUrl: receipts.url,
    registry,
    env,
    async close() {
      registry.close();
      await solapi.close();
      await webhook.close();
      await receipts.close();
      await smtp.close();
    },
  };
}

/**
 * Runs dispatcher passes until nothing is due, then waits until the gateway has posted every
 * delivery report (and our receipts app has answered them).
 */
export async function dispatchUntilIdle(engine: Engine, ch: LocalChannels, now: () => Date): Promise<DispatchSummary> {
  const total = emptySummary();
  for (let pass = 0; pass < 100; pass++) {
    const s = await dispatchOnce(engine, {
      adapters: ch.registry.adapters,
      now,
      workerId: 'e2e',
      policy: POLICY,
    });
    for (const k of Object.keys(total) as (keyof DispatchSummary)[]) total[k] += s[k];
    if (s.claimed === 0) break;
  }
  await ch.solapi.settle();
  return total;
}

/** A clock that starts at `start` and runs at real speed (timestamps stay ordered). */
export function clockFrom(start: Date): () => Date {
  const t0 = Date.now();
  return () => new Date(start.getTime() + (Date.now() - t0));
}
