import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { actorName } from '../auth/principal.ts';

/** The client address: the socket's, or the first `x-forwarded-for` hop behind a trusted proxy. */
export function clientIp(c: Context, trustedProxy: boolean): string | null {
  if (trustedProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 100);
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

/**
 * Who acts, for the access log: the session's or token's user. `x-dalbit-actor` is believed only
 * when a trusted proxy is configured (it authenticates people and says who); never otherwise.
 */
export function actorOf(c: Context, trustedProxy: boolean): string {
  const p = c.get('principal');
  const proxied = trustedProxy ? c.req.header('x-dalbit-actor')?.trim().slice(0, 200) : undefined;
  if (proxied) return p ? `proxy:${proxied} via ${actorName(p)}` : `proxy:${proxied}`;
  return p ? actorName(p) : 'anonymous';
}
