// `npm run bench -- refresh-load`: does the API keep answering while the daily refresh runs?
// Builds the synthetic brand of the segments bench in a file-backed DuckDB warehouse
// (DALBIT_BENCH_REFRESH_SCALE, default 0.1 = 100k customers / 1M orders / 5M events; 1 = the 1M
// bench warehouse), starts the HTTP server, and times GET /api/stats and a live count
// (POST /api/segments/count) one after the other: first with nothing else running, then while
// refreshWarehouse (RFM, related products, CLV, traits, features, memberships) runs in the same
// process (its model fits in the fit worker). Prints p50/p95/p99/max of both phases (every request
// counted), the longest event-loop delay of each phase and when the loop stalled, the machine's
// load, and the refresh time.
// DALBIT_BENCH_REFRESH_DIR keeps the warehouse in that directory and reuses it on the next run
// (building 1M customers takes about 20 minutes on 2 busy cores). DALBIT_BENCH_REFRESH_MAX_S stops
// measuring after that many seconds of refresh (the report says whether the refresh had finished).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { compileSegment } from '@dalbit/core/segments/compile-segment';
import { toKstDay } from '@dalbit/core/time/kst';
import { createApiToken } from '../packages/server/src/auth/api-tokens.ts';
import { addUser } from '../packages/server/src/auth/users.ts';
import type { Engine } from '../packages/server/src/engines/engine.ts';
import { openWarehouse } from '../packages/server/src/engines/open-engine.ts';
import { startServer } from '../packages/server/src/http/start-server.ts';
import { fillStatsSummary } from '../packages/server/src/identity/stats-summary.ts';
import { refreshWarehouse } from '../packages/server/src/jobs/refresh-warehouse.ts';
import { countSegment, readLastEventsSpan } from '../packages/server/src/segments/count-segment.ts';
import { refreshFeatures } from '../packages/server/src/segments/refresh-features.ts';
import { build } from './segments.bench.ts';

const AS_OF = new Date('2025-06-15T03:00:00.000Z');
const COUNT_BODY = JSON.stringify({
  asOf: AS_OF.toISOString(),
  definition: {
    version: 1,
    root: {
      kind: 'and',
      items: [
        { kind: 'orders', measure: 'count', op: 'gte', value: 2 },
        { kind: 'events', type: 'add_to_cart', window: { kind: 'last_days', days: 7 } },
      ],
    },
  },
});

const percentiles = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 10) / 10;
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
};

/** A warehouse with the synthetic brand: a fresh temporary one, or the kept one in DALBIT_BENCH_REFRESH_DIR. */
async function openBenchWarehouse(customers: number, log: (line: string) => void) {
  const kept = process.env.DALBIT_BENCH_REFRESH_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'dalbit-bench-refresh-'));
  if (kept) mkdirSync(kept, { recursive: true });
  const marker = join(dir, `built-${customers}`);
  const engine = await openWarehouse({ dataDir: dir });
  if (!existsSync(marker)) {
    await build(engine, customers, customers * 10, customers * 50);
    log('built');
    await refreshFeatures(engine, { asOf: AS_OF });
    log('features');
    if (kept) writeFileSync(marker, new Date().toISOString());
  }
  // A warehouse built before migration 14 has no last-event columns yet: one features refresh fills them.
  if (!(await readLastEventsSpan(engine))) {
    const t = performance.now();
    await refreshFeatures(engine, { asOf: AS_OF });
    log(`features with last-event columns ${Math.round(performance.now() - t)} ms`);
  }
  // As after the first read of a served warehouse: the stats summary is filled (one full scan).
  if ((await engine.query("SELECT 1 FROM stats_summary WHERE kind = 'multi'")).length === 0)
    await fillStatsSummary(engine);
  return { engine, dispose: () => (kept ? undefined : rmSync(dir, { recursive: true, force: true })) };
}

/**
 * The live count's own cost, old SQL (the events joined with every customer) against the one
 * reading the last-event columns (decision 0024), interleaved so both see the same load: median
 * wall and process CPU ms (DuckDB's threads included) of `runs` each, and whether the counts agree.
 */
async function liveCountSqlAb(engine: Engine, runs: number) {
  const def = JSON.parse(COUNT_BODY).definition;
  const exact = compileSegment(def, engine.dialect, { asOf: AS_OF, output: 'count' });
  if (!exact.ok) throw new Error('bench definition invalid');
  const time = async (run: () => Promise<number>) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const n = await run();
    const c = process.cpuUsage(c0);
    return { n, wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
  };
  const old: { n: number; wall: number; cpu: number }[] = [];
  const now: { n: number; wall: number; cpu: number }[] = [];
  for (let i = 0; i < runs; i++) {
    old.push(await time(async () => Number((await engine.query<{ n: number }>(exact.query))[0]?.n)));
    now.push(
      await time(async () => {
        const r = await countSegment(engine, def, { asOf: AS_OF });
        return r.ok ? r.count : -1;
      }),
    );
  }
  const med = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0);
  return {
    runs,
    same_count: old.every((o, i) => o.n === now[i]?.n),
    events_join: { wall_ms: med(old.map((x) => x.wall)), cpu_ms: med(old.map((x) => x.cpu)) },
    last_event_columns: { wall_ms: med(now.map((x) => x.wall)), cpu_ms: med(now.map((x) => x.cpu)) },
    load_1m: Math.round((loadavg()[0] ?? 0) * 10) / 10,
  };
}

/**
 * CPU time (ms) the main thread has used so far, from /proc (Linux; undefined elsewhere): a stall
 * during which the main thread used little CPU was the machine's load (the thread waited for a
 * core), one during which it used about its length was work holding the event loop.
 */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // utime + stime in clock ticks of 10 ms
  } catch {
    return undefined;
  }
}

/** Event-loop stalls longer than 100 ms, as [ms since `t0`, length in ms, main-thread CPU ms in it]. */
function watchStalls(t0: number) {
  const stalls: [number, number, number][] = [];
  let last = performance.now();
  let lastCpu = mainThreadCpuMs() ?? 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = mainThreadCpuMs() ?? 0;
    if (now - last > 120) stalls.push([Math.round(last - t0), Math.round(now - last - 20), Math.round(cpu - lastCpu)]);
    last = now;
    lastCpu = cpu;
  }, 20);
  return {
    seen: stalls,
    stop: () => {
      clearInterval(timer);
      return stalls;
    },
  };
}

/**
 * The stalls summed up per refresh step (`marks` holds each step's start and end, in order): how many
 * held the loop over 500 ms, the longest, and the longest during which the main thread was busy
 * (used at least half of it on the CPU) rather than waiting for a core.
 */
function stallsByStep(stalls: readonly [number, number, number][], marks: readonly number[], stepCount: number) {
  const stepAt = (t: number) => {
    let i = 0;
    while (i + 1 < stepCount && (marks[2 * (i + 1)] ?? Number.POSITIVE_INFINITY) <= t) i++;
    return i;
  };
  const out = Array.from({ length: stepCount }, () => ({ over_500ms: 0, longest_ms: 0, longest_busy_ms: 0 }));
  for (const [at, ms, cpu] of stalls) {
    const s = out[stepAt(at)];
    if (!s) continue;
    if (ms > 500) s.over_500ms++;
    s.longest_ms = Math.max(s.longest_ms, ms);
    if (cpu >= ms / 2) s.longest_busy_ms = Math.max(s.longest_busy_ms, ms);
  }
  return {
    over_500ms: out.reduce((n, s) => n + s.over_500ms, 0),
    longest_ms: Math.max(0, ...out.map((s) => s.longest_ms)),
    longest_busy_ms: Math.max(0, ...out.map((s) => s.longest_busy_ms)),
    by_step: out,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const scale = Number(process.env.DALBIT_BENCH_REFRESH_SCALE ?? '0.1');
  const customers = Math.round(1_000_000 * scale);
  const maxMs = Number(process.env.DALBIT_BENCH_REFRESH_MAX_S ?? '0') * 1000 || Number.POSITIVE_INFINITY;
  const log = (line: string) => process.stderr.write(`[refresh-load] ${line}\n`);
  const { engine, dispose } = await openBenchWarehouse(customers, log);
  try {
    const user = await addUser(
      engine,
      { email: `bench-${Date.now()}@dalbit.test`, password: 'bench-password-1', role: 'analyst', name: 'bench' },
      AS_OF,
    );
    const { token } = await createApiToken(engine, user.id, 'bench', new Date());
    const server = await startServer({ engine, host: '127.0.0.1', port: 0, now: () => AS_OF, log: () => undefined });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const timed = async (path: string, init: RequestInit): Promise<number> => {
      const t = performance.now();
      const res = await fetch(`${server.url}${path}`, { ...init, headers });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text}`);
      return performance.now() - t;
    };
    const phase = async (until: () => boolean, min: number) => {
      const stats: number[] = [];
      const count: number[] = [];
      // How long the event loop was held at a stretch (what a fit on the main thread would show).
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      while (!until() || stats.length < min) {
        stats.push(await timed('/api/stats', {}));
        count.push(await timed('/api/segments/count', { method: 'POST', body: COUNT_BODY }));
      }
      loop.disable();
      const ms = (ns: number) => Math.round(ns / 1e5) / 10;
      return {
        stats: percentiles(stats),
        live_count: percentiles(count),
        event_loop_delay_ms: { p99: ms(loop.percentile(99)), max: ms(loop.max) },
        load_1m: Math.round((loadavg()[0] ?? 0) * 10) / 10,
      };
    };
    try {
      await phase(() => true, 5); // warm-up
      const quiet = await phase(() => true, 30);
      log(`quiet ${JSON.stringify(quiet)}`);
      const sqlAb = await liveCountSqlAb(engine, 11);
      log(`live count SQL, old against new ${JSON.stringify(sqlAb)}`);
      let done = false;
      const t = performance.now();
      const stalls = watchStalls(t);
      // Step starts and ends (the refresh reads the clock at both), to place the stalls in steps.
      const marks: number[] = [];
      const clock = () => {
        const now = performance.now();
        marks.push(Math.round(now - t));
        return now;
      };
      const refresh = refreshWarehouse(engine, { asOfDay: toKstDay(AS_OF), clock }).finally(() => {
        done = true;
      });
      const during = await phase(() => done || performance.now() - t > maxMs, 1);
      const measuredMs = Math.round(performance.now() - t);
      // Printed now: at 1M the refresh can outlast the session that measures it.
      log(`during (${done ? 'whole refresh' : `first ${measuredMs} ms`}) ${JSON.stringify(during)}`);
      log(
        `stalls so far [ms into the refresh, length ms, main-thread CPU ms] ${JSON.stringify(stalls.seen)}; step marks ${marks.join(' ')}`,
      );
      const steps = await refresh;
      // Watched to the end of the refresh (past the measured window): where the event loop was held.
      const stalled = stalls.stop();
      log(`refresh ${JSON.stringify(steps)}`);
      log(`all stalls ${JSON.stringify(stalled)}; step marks ${marks.join(' ')}`);
      const pauses = stallsByStep(stalled, marks, steps.length);
      const { by_step: _, ...pauseTotals } = pauses;
      return {
        engine: 'duckdb (file)',
        scale: { customers, orders: customers * 10, events: customers * 50 },
        quiet_ms: quiet,
        live_count_sql_quiet: sqlAb,
        during_refresh_ms: { ...during, measured_ms: measuredMs },
        event_loop_pauses_during_refresh: pauseTotals,
        refresh_ms: Math.round(performance.now() - t),
        refresh_steps: steps.map((s, i) => ({
          step: s.step,
          ok: s.ok,
          ms: Math.round(s.tookMs),
          pauses_over_500ms: pauses.by_step[i]?.over_500ms,
          longest_pause_ms: pauses.by_step[i]?.longest_ms,
          longest_busy_pause_ms: pauses.by_step[i]?.longest_busy_ms,
        })),
        target: 'p95 < 200 ms for stats and a live count during a refresh on the 1M bench warehouse (issue 12)',
      };
    } finally {
      await server.close();
    }
  } finally {
    await engine.close();
    dispose();
  }
}
