import { parseBoundedJson } from '@dalbit/core/json/bounded-json';
import { ownValue } from '@dalbit/core/json/own-value';
import { type Context, Hono } from 'hono';
import { sameSecret } from '../auth/secret-token.ts';
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

type ErrorCode =
  | 'UNKNOWN_PROVIDER'
  | 'UNAUTHENTICATED'
  | 'PAYLOAD_TOO_LARGE'
  | 'MALFORMED_JSON'
  | 'MALFORMED_PAYLOAD'
  | 'INTERNAL';

/** Delivery-report bodies above this are refused (413) while streaming, never buffered whole. */
export const RECEIPT_BODY_LIMIT = 1024 * 1024;

/**
 * The body as text, or undefined once it passes `limit` bytes: a declared Content-Length above
 * the limit is refused before reading, a chunked body is read chunk by chunk and cancelled there.
 */
export async function readCappedText(req: Request, limit: number): Promise<string | undefined> {
  const declared = Number(req.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) return undefined;
  if (!req.body) return '';
  const reader = req.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString('utf8');
}

/**
 * Who may post reports, decided from the URL and headers alone (before any body byte is read).
 * Solapi: the secret token as the last path segment (`/receipts/solapi/<token>`; `?token=` still
 * works); NHN: its webhook signature header; webhook partners: a signature header (checked
 * against the body once read). Fails closed when no secret is configured.
 */
function refusalBeforeBody(provider: string, c: Context, s: ReceiptSecrets): string | undefined {
  const configured =
    (provider === 'nhn' && s.nhnWebhookSignature) ||
    (provider === 'solapi' && s.solapiToken) ||
    (provider === 'webhook' && s.webhookSecrets && s.webhookSecrets.length > 0);
  if (!configured) return `no report secret is configured for '${provider}'; reports are refused until one is`;
  if (
    provider === 'nhn' &&
    !isNhnWebhookAuthentic(c.req.header('x-toast-webhook-signature'), s.nhnWebhookSignature ?? '')
  )
    return 'bad X-Toast-Webhook-Signature';
  const token = c.req.param('token') ?? c.req.query('token');
  if (provider === 'solapi' && (token === undefined || !sameSecret(token, s.solapiToken ?? '')))
    return 'bad or missing token';
  if (provider === 'webhook' && !c.req.header(SIGNATURE_HEADER)) return `missing ${SIGNATURE_HEADER}`;
  return undefined;
}

/**
 * Delivery-report webhooks: `POST /receipts/:provider[/:token]` (solapi, nhn, webhook). The sender
 * is authenticated before the body is read, bodies are capped at 1 MB, and the answer is 200 only
 * after the reports are written, so a provider retries whatever we failed to store. Tokens never
 * appear in the log. Reports that match no message we sent are ignored and counted.
 */
export function createReceiptsApp(deps: ReceiptsAppDeps): Hono {
  const app = new Hono();
  const now = deps.now ?? (() => new Date());
  const fail = (code: ErrorCode, message: string, extra: Record<string, unknown> = {}) => ({
    error: { code, message, ...extra },
  });

  const handle = async (c: Context) => {
    const provider = c.req.param('provider') ?? '';
    const adapter = Object.values(deps.adapters).find((r) => r?.adapter.provider === provider)?.adapter;
    const envelope = ownValue(RECEIPT_ENVELOPES, provider);
    if (!adapter || !envelope)
      return c.json(fail('UNKNOWN_PROVIDER', `no delivery reports are taken for '${provider.slice(0, 40)}'`), 404);
    const s = deps.secrets ?? {};
    // Fail closed: a forged report could mark messages delivered or withdraw consents (080 opt-outs).
    const refused = refusalBeforeBody(provider, c, s);
    if (refused !== undefined) return c.json(fail('UNAUTHENTICATED', refused), 401);
    const raw = await readCappedText(c.req.raw, RECEIPT_BODY_LIMIT);
    if (raw === undefined)
      return c.json(fail('PAYLOAD_TOO_LARGE', `a delivery report body is at most ${RECEIPT_BODY_LIMIT} bytes`), 413);
    if (provider === 'webhook') {
      const v = verifyWebhookSignature({
        header: c.req.header(SIGNATURE_HEADER),
        body: raw,
        secrets: s.webhookSecrets ?? [],
        now: now(),
      });
      if (!v.ok) return c.json(fail('UNAUTHENTICATED', `signature: ${v.reason}`), 401);
    }
    const parsed = parseBoundedJson(raw);
    if (!parsed.ok) return c.json(fail('MALFORMED_JSON', parsed.message), 400);
    const body = parsed.value;
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
      if (r.optOutsIgnored > 0)
        deps.log?.(`receipts/${provider}: ${r.optOutsIgnored} opt-out(s) match no message we sent; ignored`);
      return c.json({
        ok: true,
        received: r.received,
        applied: r.applied,
        stale: r.stale,
        unmatched: r.unmatched,
        fallbacksQueued: r.fallbacksQueued,
        optOuts: r.optOuts?.received ?? 0,
        optOutsIgnored: r.optOutsIgnored,
      });
    } catch (e) {
      deps.log?.(`receipts/${provider}: ${e instanceof Error ? e.message : String(e)}`);
      return c.json(fail('INTERNAL', 'reports not stored; retry later'), 500);
    }
  };
  app.post('/receipts/:provider', handle);
  app.post('/receipts/:provider/:token', handle);
  return app;
}
