import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { isNhnWebhookAuthentic } from '../channels/nhn/parse-nhn-webhook.ts';
import { SIGNATURE_HEADER, verifyWebhookSignature } from '../channels/webhook/sign-webhook.ts';
import type { AdapterRegistry } from '../dispatch/adapter-registry.ts';
import { ingestReceipts } from '../dispatch/ingest-receipts.ts';
import type { FallbackMode } from '../dispatch/send-claimed.ts';
import type { Engine } from '../engines/engine.ts';
import { RECEIPT_ENVELOPES } from './receipts-envelope.ts';

/** Shared secrets that authenticate report senders (from configuration). */
export interface ReceiptSecrets {
  /** NHN console "webhook signature", sent back as `X-Toast-Webhook-Signature`. */
  readonly nhnWebhookSignature?: string | undefined;
  /** Secrets our webhook partners sign callbacks with (`Dalbit-Signature`); several during rotation. */
  readonly webhookSecrets?: readonly string[] | undefined;
  /** Solapi does not sign reports: register the URL with `?token=<this>` and keep it secret. */
  readonly solapiToken?: string | undefined;
}

export interface ReceiptsAppDeps {
  readonly engine: Engine;
  readonly adapters: AdapterRegistry;
  readonly secrets?: ReceiptSecrets;
  readonly now?: () => Date;
  readonly fallback?: FallbackMode;
  readonly log?: (line: string) => void;
}

type ErrorCode = 'UNKNOWN_PROVIDER' | 'UNAUTHENTICATED' | 'MALFORMED_JSON' | 'MALFORMED_PAYLOAD' | 'INTERNAL';

const sameSecret = (a: string | undefined, b: string): boolean => {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Delivery-report webhooks: `POST /receipts/:provider` (solapi, nhn, webhook). Answers 200 only
 * after the reports are written, so a provider retries whatever we failed to store; malformed
 * bodies get a 400 JSON error, unauthenticated ones 401.
 */
export function createReceiptsApp(deps: ReceiptsAppDeps): Hono {
  const app = new Hono();
  const now = deps.now ?? (() => new Date());
  const fail = (code: ErrorCode, message: string, extra: Record<string, unknown> = {}) => ({
    error: { code, message, ...extra },
  });

  app.post('/receipts/:provider', async (c) => {
    const provider = c.req.param('provider');
    const adapter = Object.values(deps.adapters).find((r) => r?.adapter.provider === provider)?.adapter;
    const envelope = RECEIPT_ENVELOPES[provider];
    if (!adapter || !envelope)
      return c.json(fail('UNKNOWN_PROVIDER', `no delivery reports are taken for '${provider}'`), 404);
    const raw = await c.req.text();
    const s = deps.secrets ?? {};
    // Fail closed: a forged report could mark messages delivered or withdraw consents (080 opt-outs).
    const configured =
      (provider === 'nhn' && s.nhnWebhookSignature) ||
      (provider === 'solapi' && s.solapiToken) ||
      (provider === 'webhook' && s.webhookSecrets && s.webhookSecrets.length > 0);
    if (!configured)
      return c.json(
        fail('UNAUTHENTICATED', `no report secret is configured for '${provider}'; reports are refused until one is`),
        401,
      );
    if (
      provider === 'nhn' &&
      s.nhnWebhookSignature &&
      !isNhnWebhookAuthentic(c.req.header('x-toast-webhook-signature'), s.nhnWebhookSignature)
    )
      return c.json(fail('UNAUTHENTICATED', 'bad X-Toast-Webhook-Signature'), 401);
    if (provider === 'webhook' && s.webhookSecrets && s.webhookSecrets.length > 0) {
      const v = verifyWebhookSignature({
        header: c.req.header(SIGNATURE_HEADER),
        body: raw,
        secrets: s.webhookSecrets,
        now: now(),
      });
      if (!v.ok) return c.json(fail('UNAUTHENTICATED', `signature: ${v.reason}`), 401);
    }
    if (provider === 'solapi' && s.solapiToken && !sameSecret(c.req.query('token'), s.solapiToken))
      return c.json(fail('UNAUTHENTICATED', 'bad or missing token'), 401);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch (e) {
      return c.json(fail('MALFORMED_JSON', e instanceof Error ? e.message : 'body is not JSON'), 400);
    }
    const shape = envelope.safeParse(body);
    if (!shape.success)
      return c.json(
        fail('MALFORMED_PAYLOAD', `not a ${provider} delivery report`, {
          issues: shape.error.issues
            .slice(0, 20)
            .map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
        }),
        400,
      );
    try {
      const events = adapter.parseReceipts(body);
      const r = await ingestReceipts(deps.engine, events, {
        now: now(),
        ...(deps.fallback ? { fallback: deps.fallback } : {}),
      });
      if (r.unmatched > 0) deps.log?.(`receipts/${provider}: ${r.unmatched} report(s) for unknown messages`);
      return c.json({
        ok: true,
        received: r.received,
        applied: r.applied,
        stale: r.stale,
        unmatched: r.unmatched,
        fallbacksQueued: r.fallbacksQueued,
        optOuts: r.optOuts?.received ?? 0,
      });
    } catch (e) {
      deps.log?.(`receipts/${provider}: ${e instanceof Error ? e.message : String(e)}`);
      return c.json(fail('INTERNAL', 'reports not stored; retry later'), 500);
    }
  });
  return app;
}
