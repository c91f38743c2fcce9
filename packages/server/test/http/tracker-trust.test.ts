import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../../src/channels/webhook/sign-webhook.ts';
import { sql } from '../../src/engines/engine.ts';
import { type RunningServer, startServer } from '../../src/http/start-server.ts';
import { type DemoServer, startDemoServer } from './demo-server.ts';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer({ customers: 400, eventsPerCustomer: 1 });
});
afterAll(async () => {
  await demo?.stop();
});

type Json = Record<string, unknown>;
type ErrorBody = { error: { code: string; message: string; issues: { path: (string | number)[] }[] } };

/** A cross-site tracker request: text/plain, no cookie, no session — exactly what any web page can send. */
/** `key: null` sends none. */
async function track(body: string, key: string | null = demo.siteKeys.writeKey, base = demo.server.url) {
  const url = `${base}/api/events${key === null ? '' : `?key=${encodeURIComponent(key)}`}`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
    body,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as Json };
}

async function identify(body: unknown, opts: { secret?: string; at?: Date; header?: string | null } = {}) {
  const text = JSON.stringify(body);
  const signature =
    opts.header === null
      ? undefined
      : (opts.header ??
        signWebhook({ secret: opts.secret ?? demo.siteKeys.secretKey, body: text, at: opts.at ?? demo.now }));
  const res = await fetch(`${demo.server.url}/api/identify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'dalbit-signature': signature } : {}) },
    body: text,
  });
  return { status: res.status, body: (await res.json()) as Json };
}

const count = async (text: string, params: string[] = []): Promise<number> =>
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

/** Everything identity resolution or consent could change. */
const snapshot = async () => ({
  customers: await count('SELECT count(*) AS n FROM customers'),
  merges: await count('SELECT count(*) AS n FROM merges'),
  identities: await count('SELECT count(*) AS n FROM identities'),
  consents: await count('SELECT count(*) AS n FROM consents'),
  records: await count('SELECT count(*) AS n FROM person_records'),
});

async function twoCustomersWithPhones(): Promise<{ customer_id: string; phone: string }[]> {
  const rows = await demo.engine.query<{ customer_id: string; phone: string }>(
    'SELECT customer_id, phone FROM customers WHERE phone IS NOT NULL ORDER BY customer_id LIMIT 2',
  );
  if (rows.length < 2) throw new Error('fixture has fewer than two customers with a phone');
  return rows;
}

describe('tracker write key: appends events and anonymous ids only', () => {
  it('two identify events with one anonymous id and two customers’ phones merge nothing; an unknown phone creates no one', async () => {
    const [a, b] = await twoCustomersWithPhones();
    const before = await snapshot();
    const anon = 'anon-attacker-1';
    const r = await track(
      JSON.stringify({
        events: [
          { event_id: 'atk-1', type: 'identify', anonymous_id: anon, phone: a?.phone },
          { event_id: 'atk-2', type: 'identify', anonymous_id: anon, phone: b?.phone },
          { event_id: 'atk-3', type: 'identify', anonymous_id: anon, phone: '010-9876-5432', member_id: 'ghost' },
          { event_id: 'atk-4', type: 'signup', phone: '010-9876-5433' },
        ],
      }),
    );
    expect(r.status).toBe(202);
    expect(r.body).toEqual({ accepted: 4, claims: 5 });
    expect(await snapshot()).toEqual(before);
    expect(
      await count('SELECT count(DISTINCT customer_id) AS n FROM customers WHERE customer_id IN ($1, $2)', [
        a?.customer_id ?? '',
        b?.customer_id ?? '',
      ]),
    ).toBe(2);
    expect(await count("SELECT count(*) AS n FROM identities WHERE kind = 'anon' AND value = $1", [anon])).toBe(0);
    expect(await count("SELECT count(*) AS n FROM events WHERE event_id LIKE 'atk-%' AND customer_id IS NULL")).toBe(4);
    const claims = await demo.engine.query<{ event_id: string; kind: string; value: string; site: string }>(
      "SELECT event_id, kind, value, site FROM identity_claims WHERE event_id LIKE 'atk-%' ORDER BY event_id, kind",
    );
    expect(claims).toEqual([
      { event_id: 'atk-1', kind: 'phone', value: a?.phone, site: 'default' },
      { event_id: 'atk-2', kind: 'phone', value: b?.phone, site: 'default' },
      { event_id: 'atk-3', kind: 'member', value: 'cafe24:ghost', site: 'default' },
      { event_id: 'atk-3', kind: 'phone', value: '+821098765432', site: 'default' },
      { event_id: 'atk-4', kind: 'phone', value: '+821098765433', site: 'default' },
    ]);
    // Re-sending replaces (exactly once), claims included.
    expect(
      (
        await track(
          JSON.stringify({ events: [{ event_id: 'atk-1', type: 'identify', anonymous_id: anon, phone: a?.phone }] }),
        )
      ).status,
    ).toBe(202);
    expect(await count("SELECT count(*) AS n FROM identity_claims WHERE event_id = 'atk-1'")).toBe(1);
    expect(await count("SELECT count(*) AS n FROM events WHERE event_id = 'atk-1'")).toBe(1);
  });

  it('refuses a missing or wrong write key with 401 and a Korean message, storing nothing', async () => {
    const body = JSON.stringify({ events: [{ event_id: 'nokey-1', type: 'page_view', anonymous_id: 'x' }] });
    const missing = await track(body, null);
    expect(missing.status).toBe(401);
    expect((missing.body as ErrorBody).error.code).toBe('WRITE_KEY_REQUIRED');
    expect((missing.body as ErrorBody).error.message).toContain('쓰기 키');
    const wrong = await track(body, `${demo.siteKeys.writeKey}x`);
    expect(wrong.status).toBe(401);
    expect((wrong.body as ErrorBody).error.code).toBe('BAD_WRITE_KEY');
    expect(await count("SELECT count(*) AS n FROM events WHERE event_id = 'nokey-1'")).toBe(0);
  });

  it('bounds batches (413 above 500 events) and nesting (400 for 200,000-deep properties), and keeps answering', async () => {
    const many = Array.from({ length: 501 }, (_, i) => ({
      event_id: `big-${i}`,
      type: 'page_view',
      anonymous_id: 'b',
    }));
    const big = await track(JSON.stringify({ events: many }));
    expect(big.status).toBe(413);
    expect((big.body as ErrorBody).error.code).toBe('TOO_MANY_EVENTS');
    expect((big.body as ErrorBody).error.message).toContain('500');

    const deep = `{"events":[{"event_id":"deep-1","type":"page_view","anonymous_id":"d","properties":{"p":${'['.repeat(200_000)}${']'.repeat(200_000)}}}]}`;
    const r = await track(deep);
    expect(r.status).toBe(400);
    expect((r.body as ErrorBody).error.code).toBe('JSON_TOO_DEEP');
    expect((r.body as ErrorBody).error.message).toContain('64');
    expect(await count("SELECT count(*) AS n FROM events WHERE event_id LIKE 'big-%' OR event_id = 'deep-1'")).toBe(0);

    const ok = await track(JSON.stringify({ events: [{ event_id: 'after-1', type: 'page_view', anonymous_id: 'd' }] }));
    expect(ok.status).toBe(202);
  });
});

describe('rate limits on the write key', () => {
  let strict: RunningServer | undefined;
  afterAll(async () => {
    await strict?.close();
  });

  async function serverWith(limits: { perIpPerMinute?: number; perKeyPerMinute?: number }): Promise<RunningServer> {
    await strict?.close();
    strict = await startServer({
      engine: demo.engine,
      host: '127.0.0.1',
      port: 0,
      now: () => demo.now,
      log: () => {},
      siteKeys: demo.siteKeys,
      trackerLimits: limits,
    });
    return strict;
  }

  for (const [name, limits] of [
    ['client address', { perIpPerMinute: 2 }],
    ['write key', { perKeyPerMinute: 2 }],
  ] as const) {
    it(`answers 429 with Retry-After and a Korean message past the per-${name} limit`, async () => {
      const s = await serverWith(limits);
      const body = (i: number) =>
        JSON.stringify({ events: [{ event_id: `rl-${name}-${i}`, type: 'page_view', anonymous_id: 'r' }] });
      const results = [];
      for (let i = 0; i < 3; i++) results.push(await track(body(i), demo.siteKeys.writeKey, s.url));
      expect(results.map((r) => r.status)).toEqual([202, 202, 429]);
      const last = results[2] as Awaited<ReturnType<typeof track>>;
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((last.body as ErrorBody).error.code).toBe('RATE_LIMITED');
      expect((last.body as ErrorBody).error.message).toContain('초 뒤에');
    });
  }
});

describe('bounded write queue', () => {
  it('refuses a batch with 503 INGEST_BUSY and Retry-After while the queue is full, storing none of it', async () => {
    // Queue bound of one event: while one group is written and one batch waits, the rest are refused.
    const s = await startServer({
      engine: demo.engine,
      host: '127.0.0.1',
      port: 0,
      now: () => demo.now,
      log: () => {},
      siteKeys: demo.siteKeys,
      trackerLimits: { maxQueuedEvents: 1, perIpPerMinute: 1e6, perKeyPerMinute: 1e6 },
    });
    try {
      const body = (i: number) =>
        JSON.stringify({
          events: [0, 1].map((j) => ({ event_id: `busy-${i}-${j}`, type: 'page_view', anonymous_id: `busy-${i}` })),
        });
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => track(body(i), demo.siteKeys.writeKey, s.url)),
      );
      const accepted = results.filter((r) => r.status === 202);
      const refused = results.filter((r) => r.status === 503);
      expect(accepted.length + refused.length).toBe(12);
      expect(accepted.length).toBeGreaterThan(0);
      expect(refused.length).toBeGreaterThan(0);
      const first = refused[0] as Awaited<ReturnType<typeof track>>;
      expect(first.headers.get('retry-after')).toBe('1');
      expect((first.body as ErrorBody).error.code).toBe('INGEST_BUSY');
      expect((first.body as ErrorBody).error.message).toContain('대기열이 가득 찼습니다');
      // Exactly the accepted batches are stored, both events of each; a refused batch left nothing.
      expect(await count("SELECT count(*) AS n FROM events WHERE event_id LIKE 'busy-%'")).toBe(2 * accepted.length);
    } finally {
      await s.close();
    }
  });
});

describe('signed identify from the shop server', () => {
  it('refuses unsigned, wrongly signed and stale calls with 401, storing nothing', async () => {
    const [a] = await twoCustomersWithPhones();
    const body = { events: [{ anonymous_id: 'anon-sig-1', phone: a?.phone }] };
    const before = await snapshot();
    const unsigned = await identify(body, { header: null });
    expect(unsigned.status).toBe(401);
    expect((unsigned.body as ErrorBody).error.code).toBe('SIGNATURE_REQUIRED');
    const forged = await identify(body, { secret: 'dsk_not-the-secret' });
    expect(forged.status).toBe(401);
    expect((forged.body as ErrorBody).error.code).toBe('BAD_SIGNATURE');
    const stale = await identify(body, { at: new Date(demo.now.getTime() - 3600_000) });
    expect(stale.status).toBe(401);
    expect((stale.body as ErrorBody).error.code).toBe('STALE_SIGNATURE');
    // The write key is public: it cannot sign.
    const withWriteKey = await identify(body, { secret: demo.siteKeys.writeKey });
    expect(withWriteKey.status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it('links the visitor as an import would: earlier tracker events follow, and a bridging identity merges', async () => {
    const [a, b] = await twoCustomersWithPhones();
    const anon = 'anon-shop-1';
    const tracked = await track(
      JSON.stringify({
        events: [{ event_id: 'shop-1', type: 'product_view', anonymous_id: anon, product_id: 'P0000001' }],
      }),
    );
    expect(tracked.status).toBe(202);
    const linked = await identify({ events: [{ anonymous_id: anon, phone: a?.phone }] });
    expect(linked.status).toBe(202);
    expect(linked.body).toMatchObject({ accepted: 1, identified: 1, customersCreated: 0, customersMerged: 0 });
    expect(
      await count("SELECT count(*) AS n FROM events WHERE event_id = 'shop-1' AND customer_id = $1", [
        a?.customer_id ?? '',
      ]),
    ).toBe(1);
    // Re-sent: the same derived event id, nothing duplicated.
    expect((await identify({ events: [{ anonymous_id: anon, phone: a?.phone }] })).status).toBe(202);
    expect(await count("SELECT count(*) AS n FROM events WHERE type = 'identify' AND anonymous_id = $1", [anon])).toBe(
      1,
    );

    // The shop vouches that one member holds both numbers: merged exactly as an import would.
    const before = await count('SELECT count(*) AS n FROM customers');
    const merged = await identify({
      events: [
        { member_id: 'shop-m-1', phone: a?.phone },
        { member_id: 'shop-m-1', phone: b?.phone, event_id: 'm1-b' },
      ],
    });
    expect(merged.status).toBe(202);
    expect(merged.body).toMatchObject({ customersMerged: 1, customersCreated: 0 });
    expect(await count('SELECT count(*) AS n FROM customers')).toBe(before - 1);
  });

  it('rejects an identity without member_id or phone with per-item issues', async () => {
    const r = await identify({ events: [{ anonymous_id: 'only-anon' }] });
    expect(r.status).toBe(400);
    expect((r.body as ErrorBody).error.issues[0]?.path).toEqual(['body', 'events', 0]);
  });
});
