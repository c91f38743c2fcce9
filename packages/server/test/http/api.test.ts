import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../../src/channels/webhook/sign-webhook.ts';
import { sql } from '../../src/engines/engine.ts';
import { openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { startServer } from '../../src/http/start-server.ts';
import { authHeaders } from '../support/auth.ts';
import { type DemoServer, startDemoServer } from './demo-server.ts';

let demo: DemoServer;
let owner: { authorization: string };
beforeAll(async () => {
  demo = await startDemoServer({ customers: 1200 });
  owner = await authHeaders(demo.engine, 'owner');
});
afterAll(async () => {
  await demo?.stop();
});

type Json = Record<string, unknown>;
/** Calls the API as the owner (bearer token) unless `init.headers` says otherwise. */
async function call(path: string, init: RequestInit = {}): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${demo.server.url}${path}`, { ...init, headers: { ...owner, ...(init.headers ?? {}) } });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
}
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const one = async (text: string, params: unknown[] = []): Promise<number> =>
  Number(
    (
      await demo.engine.query<{ n: number }>(
        sql(
          text,
          params,
          params.map(() => 'string' as const),
        ),
      )
    )[0]?.n ?? 0,
  );
type ErrorBody = { error: { code: string; message: string; issues: { path: (string | number)[]; message: string }[] } };

describe('HTTP API over a demo warehouse (real server on loopback)', () => {
  it('GET /api/stats reports the warehouse counts and net revenue per channel', async () => {
    const { status, body } = await call('/api/stats');
    expect(status).toBe(200);
    expect(body.customers).toBe(await one('SELECT count(*) AS n FROM customers'));
    expect(body.orders).toBe(await one('SELECT count(*) AS n FROM orders'));
    const byChannel = body.revenueByChannel as { channel: string; orders: number; revenue: number }[];
    expect(byChannel.length).toBeGreaterThanOrEqual(4);
    // Net revenue (docs/metrics.md): Σ line_amount over kept lines (paid or exchanged); an order is a
    // sale when one of its lines is kept. Cancelled and returned lines never count.
    const kept = "status IN ('paid', 'exchanged')";
    for (const r of byChannel) {
      expect(r.revenue).toBe(
        await one(`SELECT sum(line_amount) AS n FROM order_items WHERE ${kept} AND channel = $1`, [r.channel]),
      );
      expect(r.orders).toBe(
        await one(`SELECT count(DISTINCT order_id) AS n FROM order_items WHERE ${kept} AND channel = $1`, [r.channel]),
      );
    }
    // Every channel with a kept line is listed.
    expect(byChannel.length).toBe(await one(`SELECT count(DISTINCT channel) AS n FROM order_items WHERE ${kept}`));
  });

  it('answers bad input with 400 and machine-readable issues', async () => {
    const q = await call('/api/customers?limit=abc');
    expect(q.status).toBe(400);
    const e = q.body as unknown as ErrorBody;
    expect(e.error.code).toBe('VALIDATION_FAILED');
    expect(e.error.issues[0]?.path).toEqual(['query', 'limit']);

    const bad = await post('/api/segments/count', '{"definition": ');
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as ErrorBody).error.code).toBe('BAD_JSON');

    const unknown = await post('/api/segments/count', {
      definition: { version: 1, root: { kind: 'orders', measure: 'cnt', op: 'gte', value: 3 } },
    });
    expect(unknown.status).toBe(400);
    const u = unknown.body as unknown as ErrorBody;
    expect(u.error.code).toBe('INVALID_SEGMENT');
    expect(u.error.issues[0]?.path).toEqual(['body', 'definition', 'root', 'measure']);

    const missing = await call('/api/nope');
    expect(missing.status).toBe(404);
    expect((missing.body as unknown as ErrorBody).error.code).toBe('NOT_FOUND');
  });

  it('counts a segment definition live, equal to an independent SQL count', async () => {
    const women = await post('/api/segments/count', {
      definition: { version: 1, root: { kind: 'profile', field: 'gender', op: 'eq', value: 'F' } },
    });
    expect(women.status).toBe(200);
    expect(women.body.count).toBe(await one("SELECT count(*) AS n FROM customers WHERE gender = 'F'"));
    expect(women.body.count).toBeGreaterThan(100);
    const explained = await post('/api/segments/explain', {
      definition: { version: 1, root: { kind: 'profile', field: 'gender', op: 'eq', value: 'F' } },
    });
    expect(explained.body.ko).toMatch(/여성/);
    expect(explained.body.en).toMatch(/female/);
  });

  it('lists recipes with Korean and English descriptions and saves a segment from one', async () => {
    const { body } = await call('/api/recipes');
    const recipes = body.recipes as {
      name: string;
      title: { ko: string; en: string };
      description: { ko: string };
      definition: unknown;
    }[];
    expect(recipes.length).toBeGreaterThanOrEqual(18);
    const recipe = recipes.find((r) => r.definition !== null);
    expect(recipe?.description.ko.length).toBeGreaterThan(5);
    const created = await post('/api/segments', {
      name: recipe?.title.ko,
      recipe: recipe?.name,
      definition: recipe?.definition,
    });
    expect(created.status).toBe(201);
    const id = (created.body.segment as { segmentId: string }).segmentId;
    const list = await call('/api/segments');
    expect((list.body.segments as { segmentId: string }[]).map((s) => s.segmentId)).toContain(id);
    const detail = await call(`/api/segments/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.count).toBe(created.body.count);
    expect((detail.body.explain as { ko: string }).ko.length).toBeGreaterThan(3);
    expect((await call('/api/segments/seg-missing')).status).toBe(404);

    const report = await call(`/api/reports/segment/${id}?vs=base`);
    expect(report.status).toBe(200);
    expect((report.body.report as { size: number }).size).toBe(created.body.count);
    expect((report.body.vs as { size: number }).size).toBe(await one('SELECT count(*) AS n FROM customers'));
    expect((await call('/api/reports/segment/seg-missing')).status).toBe(404);
    const campaigns = await call('/api/campaigns');
    expect(campaigns.status).toBe(200);
    expect(campaigns.body.campaigns).toEqual([]);
    expect((await call('/api/campaigns/none/report')).status).toBe(404);
  });

  it('masks personal data by default; unmasking needs a reason and is written to the access log', async () => {
    const [c] = await demo.engine.query<{ customer_id: string; phone: string; name: string }>(
      'SELECT customer_id, phone, name FROM customers WHERE phone IS NOT NULL AND name IS NOT NULL AND length(name) = 3 ORDER BY customer_id LIMIT 1',
    );
    if (!c) throw new Error('fixture has no customer with a phone');
    const local = `0${c.phone.slice(3)}`;
    const search = await call(`/api/customers?q=${encodeURIComponent(local)}`);
    const hit = (search.body.customers as { customerId: string; phone: string; name: string }[])[0];
    expect(hit?.customerId).toBe(c.customer_id);
    expect(hit?.phone).toBe(`${local.slice(0, 3)}-****-${local.slice(-4)}`);
    expect(hit?.name).toBe(`${c.name[0]}*${c.name[2]}`);

    const masked = await call(`/api/customers/${c.customer_id}`);
    expect(masked.body.masked).toBe(true);
    expect(JSON.stringify(masked.body)).not.toContain(c.phone);
    expect(JSON.stringify(masked.body)).not.toContain(c.name);

    // The GET never unmasks, whatever the query says.
    const sneaky = await call(`/api/customers/${c.customer_id}?unmask=true&reason=${encodeURIComponent('사유')}`);
    expect(sneaky.body.masked).toBe(true);
    expect(JSON.stringify(sneaky.body)).not.toContain(c.phone);

    const privacy = await authHeaders(demo.engine, 'privacy');
    const before = await one('SELECT count(*) AS n FROM access_log');
    const noReason = await post(`/api/customers/${c.customer_id}/unmask`, { reason: ' ' }, privacy);
    expect(noReason.status).toBe(400);
    expect((noReason.body as unknown as ErrorBody).error.code).toBe('REASON_REQUIRED');
    expect((noReason.body as unknown as ErrorBody).error.message).toMatch(/사유/);
    const marketer = await post(
      `/api/customers/${c.customer_id}/unmask`,
      { reason: '배송 문의 응대' },
      await authHeaders(demo.engine, 'marketer'),
    );
    expect(marketer.status).toBe(403);
    expect((marketer.body as unknown as ErrorBody).error.code).toBe('FORBIDDEN');
    const anonymous = await fetch(`${demo.server.url}/api/customers/${c.customer_id}/unmask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: '배송 문의 응대' }),
    });
    expect(anonymous.status).toBe(401);
    expect(await one('SELECT count(*) AS n FROM access_log')).toBe(before);

    // The actor comes from the token, never from x-dalbit-actor (no trusted proxy configured).
    const open = await post(
      `/api/customers/${c.customer_id}/unmask`,
      { reason: '배송 문의 응대' },
      { ...privacy, 'x-dalbit-actor': 'cs-kim' },
    );
    expect(open.status).toBe(200);
    expect(open.body.masked).toBe(false);
    expect((open.body.profile as { phone: string }).phone).toBe(c.phone);
    await post(`/api/customers/${c.customer_id}/unmask`, { reason: '환불 확인' }, privacy);
    const log = await demo.engine.query<{
      actor: string;
      action: string;
      subject: string;
      reason: string;
      origin: string;
      prev_hash: string;
      hash: string;
    }>('SELECT * FROM access_log');
    expect(log.length).toBe(before + 2);
    // The server clock is fixed, so both entries share a timestamp: the hash chain orders them.
    const first = log.find((l) => l.reason === '배송 문의 응대');
    const second = log.find((l) => l.prev_hash === first?.hash);
    expect(first?.actor).toMatch(/^token:privacy-.*@test\.dalbit$/);
    expect(first).toMatchObject({
      action: 'customer.view_unmasked',
      subject: c.customer_id,
      reason: '배송 문의 응대',
      origin: '127.0.0.1',
    });
    expect(second?.reason).toBe('환불 확인');
    expect(second?.prev_hash).toBe(first?.hash);
  });

  it('ingests tracker events idempotently by event_id and attributes the visitor once the shop identifies them (signed)', async () => {
    const [c] = await demo.engine.query<{ customer_id: string; phone: string }>(
      'SELECT customer_id, phone FROM customers WHERE phone IS NOT NULL ORDER BY customer_id DESC LIMIT 1',
    );
    if (!c) throw new Error('fixture has no customer with a phone');
    const anon = 'anon-http-test-1';
    const batch = {
      events: [
        {
          event_id: 'evt-http-1',
          type: 'page_view',
          occurred_at: '2026-11-15T01:00:00Z',
          anonymous_id: anon,
          properties: { path: '/' },
        },
        {
          event_id: 'evt-http-2',
          type: 'product_view',
          occurred_at: '2026-11-15T01:01:00Z',
          anonymous_id: anon,
          product_id: 'P0000001',
        },
        {
          event_id: 'evt-http-3',
          type: 'signup',
          occurred_at: '2026-11-15T01:02:00Z',
          anonymous_id: anon,
          phone: c.phone,
        },
      ],
    };
    const key = `/api/events?key=${demo.siteKeys.writeKey}`;
    const first = await post(key, batch);
    expect(first.status).toBe(202);
    expect(first.body.accepted).toBe(3);
    const again = await post(key, batch);
    expect(again.status).toBe(202);
    expect(await one("SELECT count(*) AS n FROM events WHERE event_id LIKE 'evt-http-%'")).toBe(3);
    // The tracker's phone is an unverified claim: nothing is attributed until the shop identifies the visitor.
    expect(await one("SELECT count(*) AS n FROM events WHERE event_id LIKE 'evt-http-%' AND customer_id IS NULL")).toBe(
      3,
    );
    const signedBody = JSON.stringify({ events: [{ anonymous_id: anon, phone: c.phone }] });
    const signed = await call('/api/identify', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'dalbit-signature': signWebhook({ secret: demo.siteKeys.secretKey, body: signedBody, at: demo.now }),
      },
      body: signedBody,
    });
    expect(signed.status).toBe(202);
    expect(
      await one("SELECT count(*) AS n FROM events WHERE event_id LIKE 'evt-http-%' AND customer_id = $1", [
        c.customer_id,
      ]),
    ).toBe(3);
    expect(
      await one("SELECT count(*) AS n FROM identities WHERE kind = 'anon' AND value = $1 AND customer_id = $2", [
        anon,
        c.customer_id,
      ]),
    ).toBe(1);
  });

  it('rejects a batch with bad events as a whole, with per-item issues', async () => {
    const before = await one('SELECT count(*) AS n FROM events');
    const r = await post(`/api/events?key=${demo.siteKeys.writeKey}`, {
      events: [
        { event_id: 'evt-ok', type: 'page_view', anonymous_id: 'a1' },
        { event_id: 'evt-bad', type: 'Page View!', occurred_at: 'yesterday', anonymous_id: 'a1' },
      ],
    });
    expect(r.status).toBe(400);
    const paths = (r.body as unknown as ErrorBody).error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['body.events.1.type', 'body.events.1.occurred_at']));
    expect(paths.some((p) => p.startsWith('body.events.0'))).toBe(false);
    expect(await one('SELECT count(*) AS n FROM events')).toBe(before);
  });

  it('serves RFM segments over the paid customers and basket rules with product names', async () => {
    const rfm = await call('/api/rfm?asOf=2026-11-16');
    expect(rfm.status).toBe(200);
    const paidCustomers = await one(
      "SELECT count(DISTINCT customer_id) AS n FROM orders WHERE status = 'paid' AND ordered_at < TIMESTAMP '2026-11-15 15:00:00'",
    );
    expect(rfm.body.customers).toBe(paidCustomers);
    const segs = rfm.body.segments as { customers: number; label: { ko: string } }[];
    expect(segs).toHaveLength(11);
    expect(segs.reduce((s, x) => s + x.customers, 0)).toBe(paidCustomers);
    expect((rfm.body.grid as unknown[]).length).toBe(25);
    expect((await call('/api/rfm?asOf=2026-02-30')).status).toBe(400);

    const rules = await call('/api/basket/rules?support=0.005&confidence=0.05&limit=5');
    expect(rules.status).toBe(200);
    const list = rules.body.rules as { lift: number; rhs: { id: string; name: string } }[];
    expect(list.length).toBeGreaterThan(0);
    for (let i = 1; i < list.length; i++) expect(list[i - 1]?.lift).toBeGreaterThanOrEqual(list[i]?.lift ?? 0);
    const [named] = await demo.engine.query<{ name: string }>(
      sql('SELECT name FROM products WHERE product_id = $1', [list[0]?.rhs.id], ['string']),
    );
    expect(list[0]?.rhs.name).toBe(named?.name);
    // which run wrote the related products audiences use: the demo's refresh, with its customers
    const stored = rules.body.stored as { computedBy: string; customers: number; rows: number } | null;
    if ((await one('SELECT count(*) AS n FROM related_product_runs')) === 0) expect(stored).toBeNull();
    else {
      expect(stored?.computedBy).toBe('refresh');
      expect(stored?.customers).toBe(await one('SELECT count(DISTINCT customer_id) AS n FROM related_products'));
      expect(stored?.rows).toBe(await one('SELECT count(*) AS n FROM related_products'));
    }
  });

  it('ranks customers by expected one-year value (BG/NBD + Gamma-Gamma), names masked', async () => {
    const { status, body } = await call('/api/clv/top?limit=5');
    expect(status).toBe(200);
    const top = body.top as { customerId: string; name: string | null; pAlive: number; clv1y: number }[];
    expect(top).toHaveLength(5);
    for (let i = 1; i < top.length; i++) expect(top[i - 1]?.clv1y).toBeGreaterThanOrEqual(top[i]?.clv1y ?? 0);
    for (const t of top) {
      expect(t.pAlive).toBeGreaterThan(0);
      expect(t.pAlive).toBeLessThanOrEqual(1);
      if (t.name !== null) expect(t.name).toContain('*');
    }
  });

  it('documents every route in /openapi.json, and every $ref resolves', async () => {
    const { body } = await call('/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    const paths = body.paths as Record<string, Record<string, unknown>>;
    for (const [path, method] of [
      ['/api/stats', 'get'],
      ['/api/customers', 'get'],
      ['/api/customers/{id}', 'get'],
      ['/api/customers/{id}/unmask', 'post'],
      ['/api/auth/login', 'post'],
      ['/api/auth/logout', 'post'],
      ['/api/auth/me', 'get'],
      ['/api/users', 'get'],
      ['/api/segments/count', 'post'],
      ['/api/segments/explain', 'post'],
      ['/api/recipes', 'get'],
      ['/api/segments', 'get'],
      ['/api/segments', 'post'],
      ['/api/segments/{id}', 'get'],
      ['/api/rfm', 'get'],
      ['/api/basket/rules', 'get'],
      ['/api/clv/top', 'get'],
      ['/api/reports/base', 'get'],
      ['/api/reports/segment/{id}', 'get'],
      ['/api/campaigns', 'get'],
      ['/api/campaigns/{id}/report', 'get'],
      ['/api/events', 'post'],
      ['/api/identify', 'post'],
    ] as const) {
      expect(paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    const schemas = (body.components as { schemas: Record<string, unknown> }).schemas;
    const refs = JSON.stringify(body).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) {
      const name = ref.slice(8, -1).replace('#/components/schemas/', '');
      expect(schemas[name], ref).toBeDefined();
    }
  });
});

describe('HTTP API errors', () => {
  it('hides an unexpected failure behind a logged 500', async () => {
    const engine = await openMemoryWarehouse('duckdb');
    const logs: string[] = [];
    const server = await startServer({
      engine,
      host: '127.0.0.1',
      port: 0,
      now: () => new Date(),
      log: (l) => logs.push(l),
    });
    await engine.exec('DROP TABLE merges');
    try {
      const res = await fetch(`${server.url}/api/stats`, { headers: await authHeaders(engine, 'analyst') });
      expect(res.status).toBe(500);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe('INTERNAL');
      expect(body.error.message).not.toMatch(/merges/);
      expect(logs.join('\n')).toMatch(/merges/);
    } finally {
      await server.close();
      await engine.close();
    }
  });
});
