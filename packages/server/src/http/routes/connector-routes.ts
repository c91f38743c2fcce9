import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import {
  beginCafe24,
  type ConnectDeps,
  completeCafe24,
  connectSmartstore,
  disconnect,
} from '../../connectors/connect.ts';
import { type ConnectionSecrets, listConnections } from '../../connectors/connection-store.ts';
import { connectionViews } from '../../connectors/connection-view.ts';
import { connectorError } from '../../connectors/connector-error.ts';
import { CAFE24_WEBHOOK_HEADER } from '../../connectors/local-shops/local-cafe24.ts';
import { syncConnection } from '../../connectors/sync-run.ts';
import { outsideQueryScope } from '../../engines/query-scope.ts';
import type { ApiDeps } from '../api-deps.ts';
import { ApiError } from '../api-error.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const Id = z.object({ id: z.string().min(3).max(200) });
const ShopText = z.string().trim().min(1).max(200);
const Interval = z.number().int().min(1).max(1440).optional();
/** Webhook bodies are small JSON; anything larger is refused before parsing. */
const WEBHOOK_MAX_BYTES = 64 * 1024;

/** Shop connections (decision 0016): connect, sync now, disconnect, and the signed Cafe24 webhook. */
export function connectorRoutes(deps: ApiDeps): AnyRoute[] {
  const ctx = (): ConnectDeps => {
    if (!deps.connectors) throw new ApiError('NOT_AVAILABLE', '쇼핑몰 연결 기능이 이 서버에 설정되지 않았습니다');
    return { engine: deps.engine, box: deps.connectors.box, http: deps.connectors.http, now: deps.now() };
  };
  return [...connectRoutes(deps, ctx), ...operateRoutes(deps, ctx)];
}

/** Listing and connecting (Cafe24 OAuth start and callback, SmartStore keys). */
function connectRoutes(deps: ApiDeps, ctx: () => ConnectDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/connectors',
      tag: 'connectors',
      access: 'read',
      summary: 'Shop connections: status, last and next sync, rows per resource, last error (never a secret)',
      responses: { 200: { description: 'connections', schema: z.object({ connections: z.array(z.unknown()) }) } },
      handle: async ({ c }) => sendJson(c, { connections: await connectionViews(deps.engine) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/connectors/cafe24',
      tag: 'connectors',
      access: 'settings.write',
      summary:
        'Starts connecting a Cafe24 mall: answers the authorize address the browser goes to (OAuth state kept hashed)',
      body: z.object({
        mallId: z
          .string()
          .trim()
          .regex(/^[a-z0-9][a-z0-9_-]{1,49}$/i),
        clientId: ShopText,
        clientSecret: ShopText,
        serviceKey: z.string().trim().max(200).optional(),
        apiBase: z.url().max(300).optional(),
        intervalMinutes: Interval,
      }),
      responses: {
        200: {
          description: 'where to send the browser',
          schema: z.object({ connectionId: z.string(), authorizeUrl: z.string() }),
        },
      },
      handle: async ({ body, c }) => {
        const redirectUri = `${new URL(c.req.url).origin}/api/connectors/cafe24/callback`;
        return sendJson(c, await beginCafe24(ctx(), { ...body, redirectUri }));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/connectors/cafe24/callback',
      tag: 'connectors',
      access: 'settings.write',
      summary:
        "Cafe24's OAuth redirect: checks the state, exchanges the code, then sends the browser back to the connections page",
      query: z.object({
        code: z.string().max(500).optional(),
        state: z.string().max(500).optional(),
        error: z.string().max(200).optional(),
      }),
      responses: { 302: { description: 'back to /connections with ?connected= or ?error=' } },
      handle: async ({ query, c }) => {
        try {
          if (!query.code || !query.state) throw connectorError('CONNECTOR_STATE_MISMATCH');
          const conn = await completeCafe24(ctx(), { code: query.code, state: query.state });
          return c.redirect(`/#/connections?connected=${encodeURIComponent(conn.connectionId)}`, 302);
        } catch (e) {
          const code =
            e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : 'CONNECTOR_AUTH_FAILED';
          return c.redirect(`/#/connections?error=${encodeURIComponent(code)}`, 302);
        }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/connectors/smartstore',
      tag: 'connectors',
      access: 'settings.write',
      summary:
        'Connects a SmartStore seller: the credentials are checked by getting a token (bcrypt-signed), then stored sealed',
      body: z.object({
        clientId: ShopText,
        clientSecret: ShopText,
        apiBase: z.url().max(300).optional(),
        intervalMinutes: Interval,
      }),
      responses: { 200: { description: 'connected', schema: z.object({ connectionId: z.string() }) } },
      handle: async ({ body, c }) => {
        const conn = await connectSmartstore(ctx(), body);
        return sendJson(c, { connectionId: conn.connectionId });
      },
    }),
  ];
}

/** Sync now, disconnect, and the webhook. */
function operateRoutes(deps: ApiDeps, ctx: () => ConnectDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/connectors/{id}/sync',
      tag: 'connectors',
      access: 'data.import',
      summary: 'Syncs one connection now, from its cursors; answers rows per resource and the error, if any',
      params: Id,
      responses: {
        200: {
          description: 'the run',
          schema: z.object({ status: z.string(), rows: z.record(z.string(), z.number()) }),
        },
      },
      handle: async ({ params, c }) => sendJson(c, await syncConnection(ctx(), params.id, { trigger: 'manual' })),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/connectors/{id}',
      tag: 'connectors',
      access: 'settings.write',
      summary: 'Disconnects: revokes the tokens at the shop, forgets credentials and cursors (imported data stays)',
      params: Id,
      responses: { 200: { description: 'disconnected', schema: z.object({ revoked: z.boolean() }) } },
      handle: async ({ params, c }) => sendJson(c, await disconnect(ctx(), params.id)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/connectors/cafe24/webhook',
      tag: 'connectors',
      access: 'public',
      summary: `Cafe24 webhook (order and member events): ${CAFE24_WEBHOOK_HEADER} = base64 HMAC-SHA256(service key, raw body); at most 64 KB; starts a sync of that mall`,
      responses: { 202: { description: 'accepted: a sync of the mall runs' }, 401: { description: 'bad signature' } },
      handle: async ({ c }) => {
        const raw = await c.req.text();
        if (Buffer.byteLength(raw) > WEBHOOK_MAX_BYTES)
          throw new ApiError('PAYLOAD_TOO_LARGE', 'webhook body over 64 KB');
        const mallId = webhookMall(raw);
        const d = ctx();
        const conn = (await listConnections(d.engine)).find((x) => x.provider === 'cafe24' && x.shopId === mallId);
        const key = conn ? d.box.open<ConnectionSecrets>(conn.secrets).serviceKey : undefined;
        if (!conn || !key || !signatureOk(key, raw, c.req.header(CAFE24_WEBHOOK_HEADER) ?? ''))
          throw connectorError('CONNECTOR_BAD_SIGNATURE');
        // The periodic sync is the safety net; this only brings the next one forward. It outlives
        // the request, so it runs without the request's deadline (a slow sync is not cut at 30 s).
        void outsideQueryScope(() => syncConnection(d, conn.connectionId, { trigger: 'webhook' })).catch((e: unknown) =>
          deps.log(`[connectors] webhook sync: ${String(e)}`),
        );
        return sendJson(c, { accepted: true }, 202);
      },
    }),
  ];
}

function webhookMall(raw: string): string | undefined {
  try {
    const body = JSON.parse(raw) as { resource?: { mall_id?: unknown } };
    return typeof body.resource?.mall_id === 'string' ? body.resource.mall_id : undefined;
  } catch {
    return undefined;
  }
}

function signatureOk(key: string, raw: string, given: string): boolean {
  const want = Buffer.from(createHmac('sha256', key).update(raw).digest('base64'));
  const got = Buffer.from(given);
  return want.length === got.length && timingSafeEqual(want, got);
}
