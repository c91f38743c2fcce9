import type { Context } from 'hono';

/** JSON response that also carries bigint (as number) and never caches personal data. */
export function sendJson(c: Context, value: unknown, status: 200 | 201 | 202 = 200): Response {
  const body = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
  return c.body(body, status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
}
