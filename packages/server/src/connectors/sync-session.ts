import type { ConnectDeps } from './connect.ts';
import type { Connection } from './connection-store.ts';
import { connectorError } from './connector-error.ts';
import { accessToken } from './connector-tokens.ts';
import { jsonOf, shopFetch } from './shop-fetch.ts';

/** The Admin API version Dalbit was written against (`X-Cafe24-Api-Version`). */
export const CAFE24_API_VERSION = '2025-09-01';

export interface SyncSession {
  readonly connection: () => Connection;
  /** JSON of an authorised call; a 401 renews the token once and retries (a token expired mid-sync). */
  json(path: string, init?: { method?: string; body?: unknown }): Promise<unknown>;
}

/** Calls one shop with a token kept fresh (renewed before expiry, once more on 401). */
export function createSyncSession(deps: ConnectDeps, conn: Connection): SyncSession {
  let current = conn;
  let token: string | undefined;
  const headers = (t: string, json: boolean): Record<string, string> => ({
    authorization: `Bearer ${t}`,
    ...(current.provider === 'cafe24' ? { 'x-cafe24-api-version': CAFE24_API_VERSION } : {}),
    ...(json ? { 'content-type': 'application/json' } : {}),
  });
  return {
    connection: () => current,
    async json(path, init = {}) {
      for (let attempt = 0; attempt < 2; attempt++) {
        if (token === undefined || attempt > 0) {
          const t = await accessToken(deps, current, attempt > 0);
          current = t.conn;
          token = t.token;
        }
        const res = await shopFetch(deps.http, `${current.apiBase}${path}`, {
          method: init.method ?? 'GET',
          headers: headers(token, init.body !== undefined),
          ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        });
        if (res.status === 401 && attempt === 0) {
          await res.arrayBuffer();
          continue;
        }
        if (res.status === 401) throw connectorError('CONNECTOR_AUTH_FAILED', { detail: 'HTTP 401' });
        return jsonOf(res);
      }
      throw connectorError('CONNECTOR_AUTH_FAILED', { detail: 'HTTP 401' });
    },
  };
}
