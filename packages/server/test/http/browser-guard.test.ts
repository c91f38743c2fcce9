import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowedHost } from '../../src/http/browser-guard.ts';
import { authHeaders } from '../support/auth.ts';
import { type DemoServer, startDemoServer } from './demo-server.ts';

let demo: DemoServer;
let owner: { authorization: string };
let customerId: string;

beforeAll(async () => {
  demo = await startDemoServer({ customers: 120 });
  owner = await authHeaders(demo.engine, 'owner');
  const [c] = await demo.engine.query<{ customer_id: string }>(
    'SELECT customer_id FROM customers WHERE phone IS NOT NULL ORDER BY customer_id LIMIT 1',
  );
  if (!c) throw new Error('demo has no customer with a phone');
  customerId = c.customer_id;
});
afterAll(async () => {
  await demo?.stop();
});

/** A raw HTTP/1.1 request, so the Host header is exactly what a rebound DNS name would send. */
function raw(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(demo.server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path, method: opts.method ?? 'GET', headers: opts.headers ?? {} },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          body += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const count = async (sql: string): Promise<number> =>
  Number((await demo.engine.query<{ n: bigint | number }>(sql))[0]?.n ?? 0);
const errorOf = (body: string) => (JSON.parse(body) as { error: { code: string; message: string } }).error;

describe('Host allow-list (DNS rebinding)', () => {
  it('refuses Host: attacker.example with 421 in Korean, even with a valid token; loopback names pass', async () => {
    const before = await count('SELECT count(*) AS n FROM access_log');
    const evil = await raw(`/api/customers/${customerId}/unmask`, {
      method: 'POST',
      headers: { host: 'attacker.example', ...owner, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: '리바인딩 공격' }),
    });
    expect(evil.status).toBe(421);
    expect(errorOf(evil.body)).toMatchObject({ code: 'HOST_NOT_ALLOWED' });
    expect(errorOf(evil.body).message).toMatch(/허용되지 않은 호스트/);
    expect(await count('SELECT count(*) AS n FROM access_log')).toBe(before);
    expect((await raw('/', { headers: { host: 'attacker.example' } })).status).toBe(421);
    expect(
      (await raw('/api/stats', { headers: { host: `attacker.example:${new URL(demo.server.url).port}` } })).status,
    ).toBe(421);

    const port = new URL(demo.server.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`])
      expect((await raw('/api/stats', { headers: { host, ...owner } })).status, host).toBe(200);
  });

  it('accepts configured names (with or without the port) and nothing that merely ends with them', () => {
    expect(isAllowedHost('crm.brand.kr', ['crm.brand.kr'])).toBe(true);
    expect(isAllowedHost('CRM.brand.kr:443', ['crm.brand.kr'])).toBe(true);
    expect(isAllowedHost('crm.brand.kr:8443', ['crm.brand.kr:443'])).toBe(false);
    expect(isAllowedHost('evil-crm.brand.kr', ['crm.brand.kr'])).toBe(false);
    expect(isAllowedHost('localhost.attacker.example', [])).toBe(false);
    expect(isAllowedHost('[::1]:8787', [])).toBe(true);
    expect(isAllowedHost(undefined, [])).toBe(false);
  });
});

describe('state-changing requests from browsers', () => {
  const segments = () => count("SELECT count(*) AS n FROM segments WHERE name LIKE 'guard-%'");
  const body = (name: string) =>
    JSON.stringify({
      name,
      definition: { version: 1, root: { kind: 'orders', measure: 'count', op: 'gte', value: 1 } },
    });

  it('refuses text/plain and form bodies with 415, and another origin with 403 CROSS_SITE; nothing is saved', async () => {
    const origin = demo.server.url;
    const plain = await raw('/api/segments', {
      method: 'POST',
      headers: { ...owner, origin, 'content-type': 'text/plain' },
      body: body('guard-plain'),
    });
    expect(plain.status).toBe(415);
    expect(errorOf(plain.body)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(errorOf(plain.body).message).toMatch(/application\/json/);
    const form = await raw('/api/segments', {
      method: 'POST',
      headers: { ...owner, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=guard-form',
    });
    expect(form.status).toBe(415);

    // A session cookie (not a bearer script) from a page on another port of the same machine.
    const cookie = await loginCookie();
    for (const headers of [
      { origin: 'http://127.0.0.1:9' },
      { origin: 'null' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site', origin },
    ]) {
      const res = await raw('/api/segments', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: body('guard-cross'),
      });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(errorOf(res.body)).toMatchObject({ code: 'CROSS_SITE' });
      expect(errorOf(res.body).message).toMatch(/다른 사이트/);
    }
    // A bearer token sent along with the session cookie does not lift the origin rule.
    const both = await raw('/api/segments', {
      method: 'POST',
      headers: { cookie, ...owner, origin: 'http://127.0.0.1:9', 'content-type': 'application/json' },
      body: body('guard-both'),
    });
    expect(both.status).toBe(403);
    expect(await segments()).toBe(0);

    // The dashboard itself: same origin, JSON → saved.
    const ok = await raw('/api/segments', {
      method: 'POST',
      headers: { cookie, origin, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json; charset=utf-8' },
      body: body('guard-dashboard'),
    });
    expect(ok.status, ok.body).toBe(201);
    expect(await segments()).toBe(1);
  });

  it('does not unmask on GET, whatever the query says, and writes no access-log entry', async () => {
    const before = await count('SELECT count(*) AS n FROM access_log');
    const res = await raw(`/api/customers/${customerId}?unmask=true&reason=x`, { headers: owner });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ masked: true });
    expect(await count('SELECT count(*) AS n FROM access_log')).toBe(before);
  });
});

async function loginCookie(): Promise<string> {
  const res = await raw('/api/auth/login', {
    method: 'POST',
    headers: { origin: demo.server.url, 'content-type': 'application/json' },
    body: JSON.stringify(demo.owner),
  });
  expect(res.status, res.body).toBe(200);
  const set = res.headers['set-cookie'];
  return ((Array.isArray(set) ? set[0] : set) ?? '').split(';')[0] ?? '';
}

describe('headers and methods', () => {
  it('sends security headers on every answer and no-store on API JSON; CORS only on tracker paths', async () => {
    for (const path of ['/', '/api/stats', '/openapi.json', '/api/nope']) {
      const res = await raw(path, { headers: owner });
      expect(res.headers['content-security-policy'], path).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['content-security-policy'], path).toMatch(/script-src 'self'(;|$)/);
      expect(res.headers['content-security-policy'], path).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['referrer-policy'], path).toBe('no-referrer');
      expect(res.headers['access-control-allow-origin'], path).toBeUndefined();
    }
    expect((await raw('/api/stats', { headers: owner })).headers['cache-control']).toBe('no-store');
    const preflight = await raw('/api/segments', {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const tracker = await raw('/api/events', {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(tracker.headers['access-control-allow-origin']).toBe('*');
  });

  it('answers a wrong method on an existing path with 405 and Allow; an unknown path stays 404', async () => {
    const del = await raw('/api/segments', { method: 'DELETE', headers: owner });
    expect(del.status).toBe(405);
    expect(del.headers.allow).toBe('GET, HEAD, POST');
    expect(errorOf(del.body)).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
    expect(errorOf(del.body).message).toMatch(/DELETE/);
    const get = await raw(`/api/customers/${customerId}/unmask`, { headers: owner });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect((await raw('/api/no-such-thing', { headers: owner })).status).toBe(404);
  });
});
