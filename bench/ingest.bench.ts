// `npm run bench -- ingest`: event ingest over HTTP on loopback, the way the tracker sends it —
// batches of 20 events (19 page/product views + 1 identify carrying a phone and a member id) POSTed
// to /api/events with the site's write key, by a bounded load generator (DALBIT_BENCH_INGEST_CLIENTS
// concurrent clients, default 8; DALBIT_BENCH_INGEST_BATCHES batches, default 2,000). File-backed
// DuckDB warehouse, like the product. Reports accepted events/s, batch latency p50/p95/p99, then
// checks by count that nothing was lost or doubled (a tenth of the batches is sent twice: re-sending
// the same event ids replaces, never duplicates).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWarehouse } from '../packages/server/src/engines/open-engine.ts';
import { startServer } from '../packages/server/src/http/start-server.ts';
import { newSiteKeys } from '../packages/server/src/tracker/site-keys.ts';

const BATCH = 20;

const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 10) / 10;
};

/** One tracker-like batch: a visitor browsing, then identifying (phone + member id) once. */
export function trackerBatch(n: number, at: Date): { events: Record<string, unknown>[] } {
  const anon = `anon-${n}`;
  const events: Record<string, unknown>[] = [];
  for (let i = 0; i < BATCH - 1; i++)
    events.push({
      event_id: `b${n}-e${i}`,
      type: i % 4 === 0 ? 'page_view' : 'product_view',
      occurred_at: new Date(at.getTime() - (BATCH - i) * 1000).toISOString(),
      anonymous_id: anon,
      ...(i % 4 === 0 ? {} : { product_id: `P${(n * 7 + i) % 500}` }),
      properties: { path: `/product/${i}`, referrer: 'https://search.naver.com/' },
      utm_source: 'naver',
    });
  events.push({
    event_id: `b${n}-identify`,
    type: 'identify',
    occurred_at: at.toISOString(),
    anonymous_id: anon,
    phone: `010-${String(1000 + (n % 9000)).padStart(4, '0')}-${String(n % 10000).padStart(4, '0')}`,
    member_id: `m${n}`,
  });
  return { events };
}

export async function run(): Promise<Record<string, unknown>> {
  const clients = Number(process.env.DALBIT_BENCH_INGEST_CLIENTS ?? '8');
  const batches = Number(process.env.DALBIT_BENCH_INGEST_BATCHES ?? '2000');
  const dir = mkdtempSync(join(tmpdir(), 'dalbit-bench-ingest-'));
  const engine = await openWarehouse({ dataDir: dir });
  const keys = newSiteKeys('bench');
  const now = new Date();
  const server = await startServer({
    engine,
    host: '127.0.0.1',
    port: 0,
    now: () => now,
    log: (l) => process.stderr.write(`${l}\n`),
    siteKeys: keys,
    // The per-key and per-address limits (20,000 requests/min, 300/min) would cap a loopback
    // generator at 5 batches/s: this bench measures the write path, so the limits are lifted.
    trackerLimits: { perKeyPerMinute: 1e9, perIpPerMinute: 1e9 },
  });
  const url = `${server.url}/api/events?key=${encodeURIComponent(keys.writeKey)}`;
  const send = async (n: number): Promise<number> => {
    const t = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(trackerBatch(n, now)),
    });
    const body = (await res.json()) as { accepted?: number };
    if (res.status !== 202 || body.accepted !== BATCH)
      throw new Error(`batch ${n}: ${res.status} ${JSON.stringify(body)}`);
    return performance.now() - t;
  };
  try {
    // Warm-up (connections, prepared layouts), not counted.
    for (let i = 0; i < 20; i++) await send(batches + i);
    const plan = Array.from({ length: batches }, (_, i) => i);
    const resent = plan.filter((i) => i % 10 === 0); // sent twice: replaced, never doubled
    const queue = [...plan, ...resent];
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let n = queue.shift(); n !== undefined; n = queue.shift()) latencies.push(await send(n));
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const [stored] = await engine.query<{ n: number; claims: number }>(
      "SELECT (SELECT count(*) FROM events WHERE event_id LIKE 'b%') AS n, (SELECT count(*) FROM identity_claims) AS claims",
    );
    const expected = (batches + 20) * BATCH;
    return {
      engine: 'duckdb (file)',
      clients,
      batches: latencies.length,
      events_per_batch: BATCH,
      accepted_events_per_s: Math.round((latencies.length * BATCH) / seconds),
      batches_per_s: Math.round(latencies.length / seconds),
      batch_ms: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), p99: percentile(latencies, 0.99) },
      stored_events: Number(stored?.n ?? 0),
      expected_events: expected,
      nothing_lost_or_doubled: Number(stored?.n ?? 0) === expected,
      identity_claims: Number(stored?.claims ?? 0),
      target: '>= 20,000 events/s batched, p95 <= 100 ms per 20-event batch (issue 13)',
    };
  } finally {
    await server.close();
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
