import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../src/auth/permissions.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { apiRoutes, createApp } from '../../src/http/create-app.ts';
import { seedUser } from '../support/auth.ts';

let engine: Engine;
let clock = new Date('2026-12-01T00:00:00Z');
let app: ReturnType<typeof createApp>;
const BASE = 'http://127.0.0.1:8787';

beforeAll(async () => {
  engine = await openMemoryWarehouse('duckdb');
  app = createApp({
    engine,
    now: () => clock,
    log: () => {},
    auth: {
      session: { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 },
      secureCookies: false,
      trustedProxy: false,
      allowedHosts: [],
    },
  });
});
afterAll(async () => {
  await engine?.close();
});

const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
const request = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  app.fetch(
    new Request(`${BASE}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        origin: BASE,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    }),
  );
const cookieOf = (res: Response): string => (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

describe('accounts and sessions', () => {
  it('logs in with an HttpOnly SameSite=Strict cookie, answers /me, and logs out', async () => {
    const u = await seedUser(engine, { role: 'marketer', email: 'Kim@Brand.kr', password: 'correct horse battery' });
    expect((await request('/api/auth/me')).status).toBe(401);
    const bad = await request('/api/auth/login', { body: { email: u.email, password: 'wrong password!' } });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/비밀번호/);

    const res = await request('/api/auth/login', { body: { email: 'KIM@brand.kr', password: u.password } });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^dalbit_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);
    expect(await res.json()).toEqual({
      user: { id: u.id, email: 'kim@brand.kr', name: expect.any(String), role: 'marketer' },
    });
    const cookie = cookieOf(res);
    // Only the hash of the token is stored.
    const [stored] = await engine.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(cookie).not.toContain(stored?.token_hash ?? '?');

    const me = await request('/api/auth/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { role: string }; permissions: string[] }).permissions).toEqual([
      ...ROLE_PERMISSIONS.marketer,
    ]);
    expect((await request('/api/auth/logout', { method: 'POST', headers: { cookie } })).status).toBe(200);
    expect((await request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('ends a session after 30 idle minutes and 12 hours after login, whatever the use', async () => {
    const u = await seedUser(engine, { role: 'analyst' });
    const login = async () =>
      cookieOf(await request('/api/auth/login', { body: { email: u.email, password: u.password } }));
    const idle = await login();
    advance(29 * 60_000);
    expect((await request('/api/auth/me', { headers: { cookie: idle } })).status).toBe(200);
    advance(29 * 60_000); // 58 minutes after login, but only 29 idle: still alive
    expect((await request('/api/auth/me', { headers: { cookie: idle } })).status).toBe(200);
    advance(31 * 60_000);
    const expired = await request('/api/auth/me', { headers: { cookie: idle } });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');

    const busy = await login();
    for (let h = 0; h < 12 * 4 - 1; h++) {
      advance(15 * 60_000);
      expect((await request('/api/auth/me', { headers: { cookie: busy } })).status).toBe(200);
    }
    advance(15 * 60_000);
    expect((await request('/api/auth/me', { headers: { cookie: busy } })).status).toBe(401);
  });

  it('limits failed logins per account and per address with a Korean 429', async () => {
    const u = await seedUser(engine, { role: 'analyst' });
    for (let i = 0; i < 5; i++)
      expect(
        (await request('/api/auth/login', { body: { email: u.email, password: `wrong-${i}-password` } })).status,
      ).toBe(401);
    const blocked = await request('/api/auth/login', { body: { email: u.email, password: u.password } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await blocked.json()) as { error: { message: string } }).error.message).toMatch(
      /로그인 시도가 너무 많습니다/,
    );
    advance(16 * 60_000);
    expect((await request('/api/auth/login', { body: { email: u.email, password: u.password } })).status).toBe(200);
  });

  it('refuses a disabled user and ends their sessions', async () => {
    const owner = await seedUser(engine, { role: 'owner' });
    const ownerCookie = cookieOf(
      await request('/api/auth/login', { body: { email: owner.email, password: owner.password } }),
    );
    const u = await seedUser(engine, { role: 'marketer' });
    const cookie = cookieOf(await request('/api/auth/login', { body: { email: u.email, password: u.password } }));
    const denied = await request(`/api/users/${u.id}/disable`, { method: 'POST', body: {}, headers: { cookie } });
    expect(denied.status).toBe(403);
    const disabled = await request(`/api/users/${u.id}/disable`, { body: {}, headers: { cookie: ownerCookie } });
    expect(disabled.status).toBe(200);
    expect((await request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
    expect((await request('/api/auth/login', { body: { email: u.email, password: u.password } })).status).toBe(401);
  });
});

describe('every route declares its access', () => {
  it('answers 401 to anonymous callers on every non-public route', async () => {
    const routes = apiRoutes({ engine, now: () => clock, log: () => {} });
    expect(
      routes
        .filter((r) => r.access === 'public')
        .map((r) => r.path)
        .sort(),
    ).toEqual([
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      // Signed by the shop (base64 HMAC-SHA256 with the app's service key; sync.test.ts).
      '/api/connectors/cafe24/webhook',
      // Tracker paths: public to sessions, gated by the site's write key (push-tokens.test.ts) or
      // the HMAC-signed identify (tracker-trust.test.ts).
      '/api/events',
      '/api/identify',
      '/api/onsite/pending',
      '/api/push/tokens',
      '/api/push/tokens/remove',
    ]);
    for (const r of routes.filter((x) => x.access !== 'public')) {
      const path = r.path.replace(/\{\w+\}/g, 'x');
      const res = await request(path, r.method === 'get' ? {} : { method: r.method.toUpperCase(), body: {} });
      expect(res.status, `${r.method} ${r.path}`).toBe(401);
    }
  });
});
