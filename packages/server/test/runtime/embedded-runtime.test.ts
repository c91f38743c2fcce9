import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseChannelConfig } from '../../src/dispatch/channel-config.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { openWarehouse } from '../../src/engines/open-engine.ts';
import { serveUntilStopped } from '../../src/http/serve-until-stopped.ts';
import type { RunningServer } from '../../src/http/start-server.ts';
import type { PassEvent } from '../../src/runtime/run-loop.ts';
import { createRuntime, type RuntimeOptions } from '../../src/runtime/start-runtime.ts';
import { createSegment } from '../../src/segments/segment-store.ts';
import { authHeaders } from '../support/auth.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { startSolapiGateway } from '../support/solapi-gateway.ts';
import { createManualClock, waitFor } from './manual-clock.ts';
import { broadcast, countRows, kst, POLICY, SMS_FROM, saveBroadcast, seedCustomers } from './runtime-fixture.ts';

// `dalbit serve`'s embedded runtime in one process over one real DuckDB file: the scheduler,
// the dispatcher (real SMTP server, local Solapi gateway whose delivery reports come back to the
// same HTTP server) and the daily refresh, all on a clock the test moves.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function openTempWarehouse(): Promise<Engine> {
  const dir = mkdtempSync(join(tmpdir(), 'dalbit-runtime-'));
  const engine = await openWarehouse({ dataDir: dir });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => engine.close());
  return engine;
}

/** Starts serveUntilStopped with the runtime as its background work; `stop()` plays the SIGTERM. */
async function serveWith(engine: Engine, rt: ReturnType<typeof createRuntime>, now: () => Date) {
  const err: string[] = [];
  let release!: () => void;
  const until = new Promise<void>((r) => (release = r));
  let onStarted!: (s: RunningServer) => void;
  const started = new Promise<RunningServer>((r) => (onStarted = r));
  const done = serveUntilStopped(engine, {
    host: '127.0.0.1',
    port: 0,
    lang: 'en',
    out: () => undefined,
    err: (l) => err.push(l),
    until,
    now,
    mounts: rt.mounts,
    background: rt,
    onStarted,
  });
  const server = await Promise.race([started, done.then(() => Promise.reject(new Error('server ended early')))]);
  const stop = async () => {
    release();
    await done;
  };
  cleanups.push(stop);
  return { url: server.url, err, stop };
}

describe('embedded runtime (dalbit serve)', () => {
  it('schedules saved campaigns, sends them through SMTP and Solapi, and takes Solapi delivery reports on the same server', async () => {
    const engine = await openTempWarehouse();
    const ids = await seedCustomers(engine, 3);
    const clock = createManualClock(kst('2026-11-16', '10:00'));
    await saveBroadcast(engine, broadcast('mail', 'email', kst('2026-11-16', '09:50')), kst('2026-11-16', '09:00'));

    const smtp = await startSmtpSink();
    cleanups.push(() => smtp.close());
    const late: { url?: string } = {};
    const solapi = await startSolapiGateway({
      apiKey: 'NCS-RT-KEY',
      apiSecret: 'rt-secret',
      senderNumbers: [SMS_FROM],
      pfIds: [],
      templates: {},
      get receiptUrl() {
        return late.url ? `${late.url}/receipts/solapi?token=rt-token` : ''; // '' = no reports
      },
    });
    cleanups.push(() => solapi.close());
    const channels = parseChannelConfig({
      DALBIT_SMTP_HOST: '127.0.0.1',
      DALBIT_SMTP_PORT: String(smtp.port),
      DALBIT_SOLAPI_API_KEY: 'NCS-RT-KEY',
      DALBIT_SOLAPI_API_SECRET: 'rt-secret',
      DALBIT_SOLAPI_BASE_URL: solapi.url,
      DALBIT_SOLAPI_REPORT_TOKEN: 'rt-token',
    });
    if (!channels.ok) throw new Error(JSON.stringify(channels.issues));
    const events: PassEvent[] = [];
    const opts: RuntimeOptions = {
      engine,
      clock,
      log: () => undefined,
      lang: 'en',
      policy: POLICY,
      scheduler: { intervalMs: 60_000, couponSecret: 'rt-coupons' },
      dispatcher: { intervalMs: 1000, channels: channels.config, workerId: 'rt-test' },
      onPass: (e) => events.push(e),
    };
    const rt = createRuntime(opts);
    const app = await serveWith(engine, rt, clock.now);
    late.url = app.url;

    // No CLI call: the first scheduler pass queues the mail campaign, the dispatcher sends it.
    await waitFor(() => {
      clock.advance(1000);
      return smtp.mails.length >= ids.length ? true : undefined;
    });
    expect(smtp.mails.flatMap((m) => m.envelope.to).sort()).toEqual(ids.map((id) => `${id}@example.kr`));
    expect(smtp.mails[0]?.parsed.subject).toContain('배송 안내');

    // A campaign saved while the server runs goes out at the next scheduler tick.
    await saveBroadcast(engine, broadcast('sms', 'sms', kst('2026-11-16', '10:00')), clock.now());
    await waitFor(async () => {
      clock.advance(5000);
      return solapi.requests.flatMap((r) => r.body.messages).length >= ids.length ? true : undefined;
    });
    await solapi.settle();
    // The gateway posted 3000 (at carrier) then 4000 (delivered) to /receipts/solapi on our server.
    const statuses = await engine.query<{ campaign_id: string; status: string; n: number | bigint }>(
      'SELECT campaign_id, status, count(*) AS n FROM messages GROUP BY ALL ORDER BY campaign_id, status',
    );
    expect(statuses.map((s) => [s.campaign_id, s.status, Number(s.n)])).toEqual([
      ['mail', 'accepted', 3],
      ['sms', 'delivered', 3],
    ]);
    expect(await countRows(engine, "SELECT count(*) AS n FROM message_events WHERE status = 'delivered'")).toBe(3);

    // A report posted by hand to the same route, with a bad token, is refused and changes nothing.
    const refused = await fetch(`${app.url}/receipts/solapi?token=wrong`, { method: 'POST', body: '[]' });
    expect(refused.status).toBe(401);

    // Re-running the scheduler on later ticks sends nothing twice.
    const before = events.filter((e) => e.loop === 'scheduler').length;
    await waitFor(() => {
      clock.advance(60_000);
      return events.filter((e) => e.loop === 'scheduler').length >= before + 2 ? true : undefined;
    });
    expect(smtp.mails).toHaveLength(3);
    expect(solapi.requests.flatMap((r) => r.body.messages)).toHaveLength(3);
    expect(events.filter((e) => !e.ok)).toEqual([]);

    // The API answers on the same server while the loops run.
    const headers = await authHeaders(engine, 'analyst');
    const stats = (await (await fetch(`${app.url}/api/stats`, { headers })).json()) as { customers: number };
    expect(stats.customers).toBe(3);

    await app.stop();
    expect(app.err.at(-1)).toBe('server stopped');
  }, 60_000);

  it('refreshes segment memberships when the clock crosses the daily refresh time, not before', async () => {
    const engine = await openTempWarehouse();
    const ids = await seedCustomers(engine, 4);
    await createSegment(engine, {
      segmentId: 'email-info',
      name: '이메일 안내 수신',
      definition: { version: 1, root: { kind: 'reachable', channel: 'email', purpose: 'info' } },
      now: kst('2026-11-15', '12:00'),
    });
    const clock = createManualClock(kst('2026-11-17', '03:58'));
    const events: PassEvent[] = [];
    const rt = createRuntime({
      engine,
      clock,
      log: () => undefined,
      lang: 'en',
      policy: POLICY,
      dailyRefresh: { minuteOfDay: 4 * 60, checkMs: 60_000 },
      onPass: (e) => events.push(e),
    });
    const app = await serveWith(engine, rt, clock.now);
    const memberships = () =>
      countRows(engine, "SELECT count(*) AS n FROM segment_memberships WHERE segment_id = 'email-info'");
    const refreshes = () => events.filter((e) => e.loop === 'daily-refresh' && e.line !== undefined);
    const checksAt = (iso: string) => events.some((e) => e.loop === 'daily-refresh' && e.at.toISOString() === iso);

    clock.advance(60_000); // 03:59 KST
    await waitFor(() => (checksAt(kst('2026-11-17', '03:59').toISOString()) ? true : undefined));
    expect(refreshes()).toHaveLength(0);
    expect(await memberships()).toBe(0);

    clock.advance(60_000); // 04:00 KST: crossed
    await waitFor(() => (refreshes().length === 1 ? true : undefined));
    expect(refreshes()[0]?.line).toMatch(/^daily refresh \d\/6 steps ok: .*segments 1 segments/);
    expect(await memberships()).toBe(ids.length);

    // The rest of the day (to 03:00 on the 18th): checks only; the next day's 04:00 runs again.
    for (const hours of [8, 8, 7]) {
      clock.advance(hours * 3600_000);
      await waitFor(() => (events.at(-1)?.at.getTime() === clock.now().getTime() ? true : undefined));
    }
    expect(refreshes()).toHaveLength(1);
    clock.advance(3600_000); // 04:00 KST on the 18th
    await waitFor(() => (refreshes().length === 2 ? true : undefined));
    expect(events.filter((e) => !e.ok)).toEqual([]);
    await app.stop();
  }, 60_000);
});
