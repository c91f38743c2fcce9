import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Engine } from '../engines/engine.ts';
import {
  type Connection,
  type ConnectionSecrets,
  deleteConnection,
  findConnection,
  listConnections,
  saveConnection,
} from './connection-store.ts';
import { connectorError } from './connector-error.ts';
import { basicAuth, cafe24TokenGrant, naverTokenGrant } from './connector-tokens.ts';
import type { SecretBox } from './secret-box.ts';
import { type ShopHttp, shopFetch } from './shop-fetch.ts';

export interface ConnectDeps {
  readonly engine: Engine;
  readonly box: SecretBox;
  readonly http: ShopHttp;
  readonly now: Date;
}

/** Scopes Dalbit asks a Cafe24 mall for: read-only. */
export const CAFE24_SCOPES = ['mall.read_customer', 'mall.read_order', 'mall.read_product', 'mall.read_category'];
const STATE_MS = 10 * 60_000;
export const DEFAULT_INTERVAL_MINUTES = 10;

const hashState = (s: string): string => createHash('sha256').update(s).digest('hex');

function fresh(
  base: Omit<Connection, 'createdAt' | 'updatedAt' | 'intervalMinutes' | 'lastSyncAt' | 'nextRunAt' | 'lastErrorCode'>,
  prev: Connection | undefined,
  now: Date,
  intervalMinutes: number | undefined,
): Connection {
  return {
    ...base,
    intervalMinutes: intervalMinutes ?? prev?.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES,
    lastSyncAt: prev?.lastSyncAt ?? null,
    nextRunAt: now,
    lastErrorCode: null,
    createdAt: prev?.createdAt ?? now,
    updatedAt: now,
  };
}

/**
 * Starts connecting a Cafe24 mall: stores the app's credentials sealed, a hash of a fresh OAuth
 * `state`, and returns the authorize address the browser goes to.
 */
export async function beginCafe24(
  deps: ConnectDeps,
  input: {
    mallId: string;
    clientId: string;
    clientSecret: string;
    serviceKey?: string | undefined;
    apiBase?: string | undefined;
    redirectUri: string;
    intervalMinutes?: number | undefined;
  },
): Promise<{ connectionId: string; authorizeUrl: string }> {
  const connectionId = `cafe24:${input.mallId}`;
  const prev = await findConnection(deps.engine, connectionId);
  const state = randomBytes(24).toString('base64url');
  const apiBase = (input.apiBase ?? `https://${input.mallId}.cafe24api.com`).replace(/\/+$/, '');
  const secrets: ConnectionSecrets = {
    clientSecret: input.clientSecret,
    ...(input.serviceKey ? { serviceKey: input.serviceKey } : {}),
  };
  const conn = fresh(
    {
      connectionId,
      provider: 'cafe24',
      shopId: input.mallId,
      apiBase,
      clientId: input.clientId,
      status: 'pending',
      secrets: deps.box.seal(secrets),
      accessExpiresAt: null,
      refreshExpiresAt: null,
      stateHash: hashState(state),
      stateExpiresAt: new Date(deps.now.getTime() + STATE_MS),
      redirectUri: input.redirectUri,
    },
    prev,
    deps.now,
    input.intervalMinutes,
  );
  await saveConnection(deps.engine, conn);
  const url = new URL(`${apiBase}/api/v2/oauth/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: input.clientId,
    state,
    redirect_uri: input.redirectUri,
    scope: CAFE24_SCOPES.join(','),
  }).toString();
  return { connectionId, authorizeUrl: url.toString() };
}

/** The OAuth callback: the state must match a pending connection (and not be expired); the code is exchanged. */
export async function completeCafe24(deps: ConnectDeps, input: { state: string; code: string }): Promise<Connection> {
  const want = Buffer.from(hashState(input.state));
  const pending = (await listConnections(deps.engine)).find(
    (c) =>
      c.provider === 'cafe24' &&
      c.stateHash !== null &&
      c.stateHash.length === want.length &&
      timingSafeEqual(Buffer.from(c.stateHash), want),
  );
  if (!pending || pending.stateExpiresAt === null || pending.stateExpiresAt < deps.now)
    throw connectorError('CONNECTOR_STATE_MISMATCH');
  return cafe24TokenGrant(deps, pending, {
    grant_type: 'authorization_code',
    code: input.code,
    redirect_uri: pending.redirectUri ?? '',
  });
}

/** Connects a SmartStore seller: the credentials are checked by getting a token, then stored sealed. */
export async function connectSmartstore(
  deps: ConnectDeps,
  input: { clientId: string; clientSecret: string; apiBase?: string | undefined; intervalMinutes?: number | undefined },
): Promise<Connection> {
  const connectionId = `smartstore:${input.clientId}`;
  const prev = await findConnection(deps.engine, connectionId);
  const conn = fresh(
    {
      connectionId,
      provider: 'smartstore',
      shopId: input.clientId,
      apiBase: (input.apiBase ?? 'https://api.commerce.naver.com').replace(/\/+$/, ''),
      clientId: input.clientId,
      status: 'pending',
      secrets: deps.box.seal({ clientSecret: input.clientSecret }),
      accessExpiresAt: null,
      refreshExpiresAt: null,
      stateHash: null,
      stateExpiresAt: null,
      redirectUri: null,
    },
    prev,
    deps.now,
    input.intervalMinutes,
  );
  const connected = await naverTokenGrant(deps, conn, false);
  await saveConnection(deps.engine, connected);
  return connected;
}

/**
 * Disconnects: Cafe24 tokens are revoked at the shop (best effort: a shop that cannot be reached
 * does not keep the connection alive), then the connection, its cursors and runs are removed.
 * Data already imported stays.
 */
export async function disconnect(deps: ConnectDeps, connectionId: string): Promise<{ revoked: boolean }> {
  const conn = await findConnection(deps.engine, connectionId);
  if (!conn) throw connectorError('CONNECTOR_NOT_FOUND', { id: connectionId });
  let revoked = false;
  if (conn.provider === 'cafe24' && conn.status !== 'pending') {
    const s = deps.box.open<ConnectionSecrets>(conn.secrets);
    for (const token of [s.accessToken, s.refreshToken].filter((t): t is string => !!t)) {
      const res = await shopFetch(deps.http, `${conn.apiBase}/api/v2/oauth/revoke`, {
        method: 'POST',
        headers: {
          authorization: basicAuth(conn.clientId, s.clientSecret),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ token }).toString(),
      }).catch(() => undefined);
      await res?.arrayBuffer();
      revoked = revoked || res?.ok === true;
    }
  }
  await deleteConnection(deps.engine, connectionId);
  return { revoked };
}
