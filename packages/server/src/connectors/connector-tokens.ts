import { parseTimestamp } from '@dalbit/core/ingest/normalise/date';
import { z } from 'zod';
import type { Engine } from '../engines/engine.ts';
import { type Connection, type ConnectionSecrets, saveConnection } from './connection-store.ts';
import { connectorError } from './connector-error.ts';
import { naverClientSecretSign } from './naver-sign.ts';
import type { SecretBox } from './secret-box.ts';
import { type ShopHttp, shopFetch, shopMessage } from './shop-fetch.ts';

/** Renew this long before expiry, so no call runs on a token about to lapse. */
export const RENEW_BEFORE_MS = 5 * 60_000;

const Cafe24Token = z.object({
  access_token: z.string().min(1),
  expires_at: z.string(),
  refresh_token: z.string().min(1),
  refresh_token_expires_at: z.string(),
});
const NaverToken = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });

/** Cafe24 writes token instants as KST wall-clock time. */
function cafe24Instant(s: string): Date {
  const r = parseTimestamp(s);
  if (!r?.ok) throw connectorError('CONNECTOR_BAD_PAYLOAD', { detail: `expires_at: ${s}` });
  return r.value;
}

export const basicAuth = (id: string, secret: string): string =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/** POST form to Cafe24's token endpoint with Basic client authentication; the new tokens stored. */
export async function cafe24TokenGrant(
  deps: { engine: Engine; box: SecretBox; http: ShopHttp; now: Date },
  conn: Connection,
  form: Record<string, string>,
): Promise<Connection> {
  const secrets = deps.box.open<ConnectionSecrets>(conn.secrets);
  const res = await shopFetch(deps.http, `${conn.apiBase}/api/v2/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: basicAuth(conn.clientId, secrets.clientSecret),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(form).toString(),
  });
  const text = await res.text();
  if (!res.ok) throw connectorError('CONNECTOR_AUTH_FAILED', { detail: shopMessage(text) || `HTTP ${res.status}` });
  const t = Cafe24Token.safeParse(JSON.parse(text));
  if (!t.success) throw connectorError('CONNECTOR_BAD_PAYLOAD', { detail: 'token' });
  const next: Connection = {
    ...conn,
    status: 'connected',
    secrets: deps.box.seal({ ...secrets, accessToken: t.data.access_token, refreshToken: t.data.refresh_token }),
    accessExpiresAt: cafe24Instant(t.data.expires_at),
    refreshExpiresAt: cafe24Instant(t.data.refresh_token_expires_at),
    stateHash: null,
    stateExpiresAt: null,
    lastErrorCode: null,
    updatedAt: deps.now,
  };
  await saveConnection(deps.engine, next);
  return next;
}

/** A Naver Commerce token by client credentials and the bcrypt-signed timestamp; stored sealed. */
export async function naverTokenGrant(
  deps: { engine: Engine; box: SecretBox; http: ShopHttp; now: Date },
  conn: Connection,
  save = true,
): Promise<Connection> {
  const secrets = deps.box.open<ConnectionSecrets>(conn.secrets);
  const timestamp = deps.now.getTime();
  const body = new URLSearchParams({
    client_id: conn.clientId,
    timestamp: String(timestamp),
    grant_type: 'client_credentials',
    client_secret_sign: naverClientSecretSign(conn.clientId, secrets.clientSecret, timestamp),
    type: 'SELF',
  });
  const res = await shopFetch(deps.http, `${conn.apiBase}/external/v1/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  const text = await res.text();
  if (!res.ok) throw connectorError('CONNECTOR_AUTH_FAILED', { detail: shopMessage(text) || `HTTP ${res.status}` });
  const t = NaverToken.safeParse(JSON.parse(text));
  if (!t.success) throw connectorError('CONNECTOR_BAD_PAYLOAD', { detail: 'token' });
  const next: Connection = {
    ...conn,
    status: 'connected',
    secrets: deps.box.seal({ ...secrets, accessToken: t.data.access_token }),
    accessExpiresAt: new Date(timestamp + t.data.expires_in * 1000),
    lastErrorCode: null,
    updatedAt: deps.now,
  };
  if (save) await saveConnection(deps.engine, next);
  return next;
}

/**
 * A usable access token: the stored one while it has more than RENEW_BEFORE_MS left, else a
 * renewed one (Cafe24 refresh grant; a new Naver client-credentials token). `force` renews anyway
 * (a 401 mid-sync: the shop expired it early).
 */
export async function accessToken(
  deps: { engine: Engine; box: SecretBox; http: ShopHttp; now: Date },
  conn: Connection,
  force = false,
): Promise<{ token: string; conn: Connection }> {
  if (conn.status === 'pending' || conn.status === 'disconnected')
    throw connectorError('CONNECTOR_NOT_CONNECTED', { id: conn.connectionId });
  const fresh = conn.accessExpiresAt !== null && conn.accessExpiresAt.getTime() - deps.now.getTime() > RENEW_BEFORE_MS;
  let current = conn;
  if (force || !fresh) {
    if (conn.provider === 'cafe24') {
      const refresh = deps.box.open<ConnectionSecrets>(conn.secrets).refreshToken;
      if (!refresh) throw connectorError('CONNECTOR_AUTH_FAILED', { detail: 'no refresh token' });
      current = await cafe24TokenGrant(deps, conn, { grant_type: 'refresh_token', refresh_token: refresh });
    } else current = await naverTokenGrant(deps, conn);
  }
  const token = deps.box.open<ConnectionSecrets>(current.secrets).accessToken;
  if (!token) throw connectorError('CONNECTOR_NOT_CONNECTED', { id: conn.connectionId });
  return { token, conn: current };
}
