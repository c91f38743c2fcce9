import { toKstDay } from '@dalbit/core/time/kst';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDbEngine } from '../../src/engines/duckdb/engine.ts';
import { sql } from '../../src/engines/engine.ts';
import { refreshWarehouse } from '../../src/jobs/refresh-warehouse.ts';
import { authHeaders } from '../support/auth.ts';
import { type DemoServer, startDemoServer } from './demo-server.ts';

// Issue 12 item 6: one expensive request (or the refresh) must not freeze the API. Every check here
// is about ordering (what finished first) and bounds, never wall-clock figures.

let demo: DemoServer;
let headers: Record<string, string>;

/** `n` "viewed product P<i> and did not add it to the cart within a day" sequences. */
function sequenceItems(n: number): unknown[] {
  return Array.from({ length: n }, (_, i) => ({
    kind: 'sequence',
    did: { type: 'product_view', product: `P${i % 50}`, window: { kind: 'last_days', days: 3650 } },
    thenNot: { source: 'event', type: 'add_to_cart', product: `P${(i * 7) % 50}` },
    withinHours: 24 + i,
    sameProduct: i % 2 === 0,
  }));
}

/** An OR of `n` sequences: flat, or nested in ORs of 200 (each array within the shape's limit). */
function sequences(n: number, nested = false): unknown {
  const items = sequenceItems(n);
  if (!nested) return { version: 1, root: { kind: 'or', items } };
  const groups = [];
  for (let i = 0; i < n; i += 200) groups.push({ kind: 'or', items: items.slice(i, i + 200) });
  return { version: 1, root: { kind: 'or', items: groups } };
}

const pool = () => (demo.engine as DuckDbEngine).poolState();

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(cond()).toBe(true);
}

/** Runs `requests` and returns their labels in the order they completed. */
async function finishOrder(requests: Record<string, Promise<unknown>>): Promise<string[]> {
  const order: string[] = [];
  await Promise.all(Object.entries(requests).map(([k, p]) => p.then(() => order.push(k))));
  return order;
}

const post = (path: string, body: unknown, signal?: AbortSignal) =>
  fetch(`${demo.server.url}${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });

beforeAll(async () => {
  // Seed 1: a sample whose BG/NBD fit is usable (on seed 11's 300 customers the MLE runs off to
  // a + b ≈ 1e124 and the refresh rightly refuses CLV with DEGENERATE_FIT), so every step must swap.
  demo = await startDemoServer({ customers: 300, eventsPerCustomer: 4, seed: 1, queryTimeoutMs: 4000 });
  headers = await authHeaders(demo.engine, 'analyst');
  // Plant enough behaviour (300 customers × 4,000 events) that sequence conditions are expensive.
  await demo.engine.query(
    sql(
      `INSERT INTO events (event_id, customer_id, type, occurred_at, product_id, source)
       SELECT 'plant-' || c.customer_id || '-' || r.range, c.customer_id,
              CASE WHEN r.range % 3 = 0 THEN 'add_to_cart' ELSE 'product_view' END,
              $1::TIMESTAMP - to_minutes(r.range * 37), 'P' || (r.range % 50), 'test'
       FROM customers c CROSS JOIN range(4000) r`,
      [demo.now],
      ['timestamp'],
    ),
  );
}, 300_000);

afterAll(async () => {
  await demo?.stop();
});

describe('no global lock: the API answers during expensive work', () => {
  it('refuses the 600-sequence OR definition (~103 KB) with a Korean 400 naming the limit', async () => {
    expect(JSON.stringify(sequences(600)).length).toBeGreaterThan(100_000);
    headers = await authHeaders(demo.engine, 'marketer');
    const attempts = [
      ['/api/segments/count', sequences(600)],
      ['/api/segments/count', sequences(600, true)],
      ['/api/segments', sequences(600, true)],
    ] as const;
    for (const [path, definition] of attempts) {
      const res = await post(path, { definition, name: '큰 정의' });
      const body = (await res.json()) as { error: { code: string; issues: { code: string; message: string }[] } };
      expect([path, res.status, body.error.code]).toEqual([path, 400, 'INVALID_SEGMENT']);
      const tooLarge = body.error.issues.find((i) => i.code === 'TOO_LARGE');
      expect(tooLarge?.message).toContain('600개 (최대 200개)');
    }
    const [saved] = await demo.engine.query<{ n: number }>("SELECT count(*) AS n FROM segments WHERE name = '큰 정의'");
    expect(saved?.n).toBe(0);
    headers = await authHeaders(demo.engine, 'analyst');
  });

  it('answers /api/stats while an allowed but expensive count runs, and stops that count at its deadline', async () => {
    const heavy = post('/api/segments/count', { definition: sequences(20) });
    await until(() => pool().readersBusy >= 1);
    const stats = fetch(`${demo.server.url}/api/stats`, { headers });
    const order = await finishOrder({ heavy, stats });
    expect(order).toEqual(['stats', 'heavy']);
    expect((await stats).status).toBe(200);
    const h = await heavy;
    if (h.status !== 200) {
      expect(h.status).toBe(503);
      const body = (await h.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('QUERY_TIMEOUT');
      expect(body.error.message).toContain('4초');
    }
    expect(pool().readersBusy).toBe(0);
  });

  it('stops the query of a request whose client went away', async () => {
    const ac = new AbortController();
    const heavy = post('/api/segments/count', { definition: sequences(20) }, ac.signal).catch((e: Error) => e.name);
    await until(() => pool().readersBusy >= 1);
    ac.abort();
    expect(await heavy).toBe('AbortError');
    // The connection is handed back once DuckDB stops the statement, not when the query would end.
    await until(() => pool().readersBusy === 0);
    const stats = await fetch(`${demo.server.url}/api/stats`, { headers });
    expect(stats.status).toBe(200);
  });

  it('bounds basket rules: a tiny support is refused in Korean with the floor; at the floor the answer is capped', async () => {
    const tiny = await fetch(`${demo.server.url}/api/basket/rules?support=0.00001&confidence=0`, { headers });
    expect(tiny.status).toBe(400);
    const body = (await tiny.json()) as { error: { issues: { path: string[]; message: string }[] } };
    expect(body.error.issues.map((i) => i.message).join(' ')).toContain('최소 0.001');
    const long = await fetch(`${demo.server.url}/api/basket/rules?maxlen=9`, { headers });
    expect(long.status).toBe(400);
    const floor = await fetch(`${demo.server.url}/api/basket/rules?support=0.001&confidence=0&lift=0&limit=5`, {
      headers,
    });
    expect(floor.status).toBe(200);
    const rules = (await floor.json()) as { total: number; rules: unknown[] };
    expect(rules.rules.length).toBeLessThanOrEqual(5);
  });

  it('keeps /api/stats and a live count answering while the refresh rebuilds and swaps the derived tables', async () => {
    const refresh = refreshWarehouse(demo.engine, { asOfDay: toKstDay(demo.now), clock: () => 0 });
    const stats = fetch(`${demo.server.url}/api/stats`, { headers });
    const count = post('/api/segments/count', {
      definition: { version: 1, root: { kind: 'orders', measure: 'count', op: 'gte', value: 1 } },
    });
    const order = await finishOrder({ refresh, stats, count });
    expect(order.indexOf('refresh')).toBe(2);
    expect((await stats).status).toBe(200);
    expect((await count).status).toBe(200);
    const steps = await refresh;
    expect(steps.filter((s) => !s.ok)).toEqual([]);
    // The swapped-in tables are whole: one feature row per customer, no __next / __old left over.
    const [f] = await demo.engine.query<{ f: number; c: number }>(
      'SELECT (SELECT count(*) FROM customer_features) AS f, (SELECT count(*) FROM customers) AS c',
    );
    expect(f?.f).toBe(f?.c);
    const leftovers = await demo.engine.query(
      "SELECT table_name FROM information_schema.tables WHERE table_name LIKE '%\\_\\_next' ESCAPE '\\' OR table_name LIKE '%\\_\\_old' ESCAPE '\\'",
    );
    expect(leftovers).toEqual([]);
  });
});
