// `npm run bench -- ingest`: event ingest over HTTP on loopback, the way the tracker sends it —
// batches of 20 events (19 page/product views + 1 identify carrying a phone and a member id) POSTed
// to /api/events with the site's write key, by a bounded load generator in its own process
// (bench/ingest-load.ts), once per concurrency in DALBIT_BENCH_INGEST_CLIENTS (default "8,64"),
// DALBIT_BENCH_INGEST_BATCHES batches each (default 2,000). File-backed DuckDB warehouse, like the
// product, holding DALBIT_BENCH_INGEST_PREFILL events beforehand (default 0). Reports accepted
// events/s, batch latency p50/p95/p99, the server process's CPU seconds (user + sys, DuckDB's
// threads included, the generator's not), then checks by count that nothing was lost or doubled (a
// tenth of the batches is sent twice: re-sending the same event ids replaces, never duplicates).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../packages/server/src/engines/engine.ts';
import { openWarehouse } from '../packages/server/src/engines/open-engine.ts';
import { startServer } from '../packages/server/src/http/start-server.ts';
import { newSiteKeys } from '../packages/server/src/tracker/site-keys.ts';
import { BATCH, trackerBatch } from './tracker-batch.ts';

const here = dirname(fileURLToPath(import.meta.url));

const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 10) / 10;
};

interface Load {
  latencies: number[];
  seconds: number;
  refused: number;
  connectionsDropped: number;
}

/** Runs the generator process for one phase and returns what it measured. */
function generate(job: Record<string, unknown>): Promise<Load> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'ingest-load.ts')], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Load) : reject(new Error(`load ${code}`))));
    child.stdin.end(JSON.stringify(job));
  });
}

/** Events written straight to the table before the run, so deletes by event id meet a real table. */
async function prefill(engine: Engine, count: number, at: Date): Promise<void> {
  const cols = ['event_id', 'anonymous_id', 'type', 'occurred_at', 'source'];
  for (let from = 0; from < count; from += 100_000) {
    const rows: unknown[][] = [];
    for (let i = from; i < Math.min(count, from + 100_000); i++)
      rows.push([
        `old-${i}`,
        `anon-old-${i % 50_000}`,
        'page_view',
        new Date(at.getTime() - (count - i) * 1000),
        'events',
      ]);
    await engine.insert('events', cols, rows);
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const concurrencies = (process.env.DALBIT_BENCH_INGEST_CLIENTS ?? '8,64').split(',').map(Number);
  const batches = Number(process.env.DALBIT_BENCH_INGEST_BATCHES ?? '2000');
  const prefilled = Number(process.env.DALBIT_BENCH_INGEST_PREFILL ?? '0');
  const dir = mkdtempSync(join(tmpdir(), 'dalbit-bench-ingest-'));
  const engine = await openWarehouse({ dataDir: dir });
  const keys = newSiteKeys('bench');
  const now = new Date();
  await prefill(engine, prefilled, now);
  const server = await startServer({
    engine,
    host: '127.0.0.1',
    port: 0,
    now: () => now,
    log: (l) => process.stderr.write(`${l}\n`),
    siteKeys: keys,
    // The per-key and per-address limits (20,000 requests/min, 300/min) would cap a loopback
    // generator at 5 batches/s: this bench measures the write path, so the limits are lifted.
    // The write queue keeps its default bound.
    trackerLimits: { perKeyPerMinute: 1e9, perIpPerMinute: 1e9 },
  });
  const url = `${server.url}/api/events?key=${encodeURIComponent(keys.writeKey)}`;
  try {
    // Warm-up (connections, prepared layouts), not counted.
    for (let i = 0; i < 20; i++)
      await fetch(url, { method: 'POST', body: JSON.stringify(trackerBatch(1e9 + i, now)) }).then((r) => r.text());
    const phases = [];
    for (const [p, clients] of concurrencies.entries()) {
      const cpu0 = process.cpuUsage();
      const load = await generate({
        url,
        clients,
        from: p * batches,
        batches,
        resendEvery: 10,
        now: now.toISOString(),
      });
      const cpu = process.cpuUsage(cpu0);
      const sent = load.latencies.length;
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      phases.push({
        clients,
        batches: sent,
        accepted_events_per_s: Math.round((sent * BATCH) / load.seconds),
        batch_ms: {
          p50: percentile(load.latencies, 0.5),
          p95: percentile(load.latencies, 0.95),
          p99: percentile(load.latencies, 0.99),
        },
        refused_queue_full: load.refused,
        connections_dropped_and_resent: load.connectionsDropped,
        server_cpu_seconds: Math.round(cpuSeconds * 100) / 100,
        server_cpu_ms_per_1k_events: Math.round((cpuSeconds * 1e6) / (sent * BATCH)),
        load_average_1m: Math.round((loadavg()[0] ?? 0) * 10) / 10,
      });
    }
    const [stored] = await engine.query<{ n: number; claims: number }>(
      "SELECT (SELECT count(*) FROM events WHERE event_id LIKE 'b%') AS n, (SELECT count(*) FROM identity_claims) AS claims",
    );
    const expected = (concurrencies.length * batches + 20) * BATCH;
    return {
      engine: 'duckdb (file)',
      events_per_batch: BATCH,
      prefilled_events: prefilled,
      phases,
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
