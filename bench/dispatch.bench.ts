// `npm run bench -- dispatch`: end to end, scheduler → compliance → render → outbox → adapter →
// local gateway. N customers with SMS ad consent (DALBIT_BENCH_DISPATCH_N, default 20,000), one
// broadcast ad campaign; `runScheduler` writes the outbox (guard + render), the dispatcher sends
// through the Solapi adapter to the local Solapi gateway (HMAC, payload and carrier-limit checks)
// running in this same process. DuckDB file in a temp dir. DALBIT_BENCH_DISPATCH_BATCH = messages per claim.
// Run twice: without a rate limit, then a second campaign with the route's configured rate.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CampaignDefinition } from '@dalbit/core/campaigns/schema';
import { CompliancePolicySchema } from '@dalbit/core/compliance/policy';
import { fromKst } from '@dalbit/core/time/kst';
import { saveCampaign } from '../packages/server/src/campaigns/campaign-store.ts';
import { runScheduler } from '../packages/server/src/campaigns/run-scheduler.ts';
import { createSolapiAdapters } from '../packages/server/src/channels/solapi/solapi-adapter.ts';
import { routeFor } from '../packages/server/src/dispatch/adapter-registry.ts';
import { countByStatus } from '../packages/server/src/dispatch/claim-messages.ts';
import { createDispatcher } from '../packages/server/src/dispatch/dispatcher.ts';
import { DuckDbEngine } from '../packages/server/src/engines/duckdb/engine.ts';
import { migrate } from '../packages/server/src/engines/migrate.ts';
import { startSolapiGateway } from '../packages/server/test/support/solapi-gateway.ts';

const N = Number(process.env.DALBIT_BENCH_DISPATCH_N ?? 20_000);
const SENDER = '0212345678';
const T0 = new Date('2024-01-01T00:00:00Z');

async function seed(engine: DuckDbEngine): Promise<void> {
  const ids = Array.from({ length: N }, (_, i) => `c${String(i + 1).padStart(7, '0')}`);
  const phone = (i: number) => `+8210${String(10_000_000 + i).slice(-8)}`;
  await engine.insert(
    'customers',
    ['customer_id', 'name', 'phone', 'created_at', 'updated_at'],
    ids.map((id, i) => [id, `고객${i}`, phone(i), T0, T0]),
  );
  await engine.insert(
    'consents',
    ['consent_id', 'customer_id', 'origin_customer_id', 'channel', 'purpose', 'granted', 'at', 'source'],
    ids.map((id, i) => [`k${i}`, id, id, 'sms', 'ad', true, T0, 'cafe24']),
  );
  await engine.insert(
    'customer_channels',
    ['customer_id', 'origin_customer_id', 'channel', 'member_id', 'joined_at', 'first_seen_at'],
    ids.map((id) => [id, id, 'cafe24', `cafe24:${id}`, T0, T0]),
  );
}

/**
 * One broadcast ad campaign to every customer: the scheduler queues it, one dispatcher pass sends it.
 * `limited` keeps the route's configured rate (Solapi: 1,000/s, burst = batch) as a user runs it.
 */
async function broadcast(
  engine: DuckDbEngine,
  gateway: Awaited<ReturnType<typeof startSolapiGateway>>,
  policy: ReturnType<typeof CompliancePolicySchema.parse>,
  id: string,
  at: Date,
  limited: boolean,
) {
  await saveCampaign(
    engine,
    CampaignDefinition.parse({
      id,
      name: '벤치 방송',
      purpose: 'ad',
      status: 'active',
      audience: { kind: 'all' },
      trigger: { kind: 'broadcast', at: at.toISOString() },
      channel: 'sms',
      templates: [{ channel: 'sms', text: '{{ name }}님, 여름 세일!' }],
      sender: { smsFrom: SENDER },
    }),
    T0,
  );
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const scheduled = await runScheduler(engine, { now: new Date(at.getTime() + 60_000), policy, campaignIds: [id] });
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const solapi = createSolapiAdapters({ apiKey: 'KEY', apiSecret: 'SECRET', baseUrl: gateway.url });
  const configured = routeFor(solapi.sms, { batchSize: Number(process.env.DALBIT_BENCH_DISPATCH_BATCH ?? 1000) });
  const { ratePerSecond, ...unlimitedRoute } = configured;
  const dispatcher = createDispatcher(engine, {
    adapters: { sms: limited ? configured : unlimitedRoute },
    // the dispatcher holds ads at night: its clock starts just after the broadcast (10:00 KST)
    now: () => new Date(at.getTime() + 120_000 + (performance.now() - t1)),
    workerId: `bench-${id}`,
    maxClaimsPerChannel: 1_000_000,
  });
  const sent = await dispatcher.pass();
  const t2 = performance.now();
  const c2 = process.cpuUsage();
  // CPU seconds (user + sys) of this process: DuckDB's threads and the in-process gateway included.
  const cpu = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => +((b.user - a.user + b.system - a.system) / 1e6).toFixed(2);
  return {
    rateLimit: limited ? `${ratePerSecond}/s` : 'none',
    scheduler: {
      queued: scheduled.queued,
      blocked: scheduled.blocked,
      seconds: +((t1 - t0) / 1000).toFixed(3),
      cpuSeconds: cpu(c0, c1),
    },
    dispatch: {
      ...sent,
      seconds: +((t2 - t1) / 1000).toFixed(3),
      cpuSeconds: cpu(c1, c2),
      messagesPerSecond: Math.round(sent.accepted / ((t2 - t1) / 1000)),
    },
    endToEndSeconds: +((t2 - t0) / 1000).toFixed(3),
    endToEndMessagesPerSecond: Math.round(sent.accepted / ((t2 - t0) / 1000)),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'dalbit-bench-dispatch-'));
  const engine = await DuckDbEngine.open(join(dir, 'dalbit.duckdb'));
  const gateway = await startSolapiGateway({
    apiKey: 'KEY',
    apiSecret: 'SECRET',
    senderNumbers: [SENDER],
    pfIds: [],
    templates: {},
  });
  try {
    await migrate(engine);
    await seed(engine);
    const policy = CompliancePolicySchema.parse({
      sender: { name: '달빛상회', contact: '02-123-4567', optOutNumber: '080-123-4567' },
      holidays: { avoidLunarHolidays: false },
      caps: { adsPerDay: 100, adsPerWeek: 100 },
    });
    const unlimited = await broadcast(
      engine,
      gateway,
      policy,
      'bench-broadcast',
      fromKst('2025-06-10', 10 * 60),
      false,
    );
    const limited = await broadcast(engine, gateway, policy, 'bench-limited', fromKst('2025-06-11', 10 * 60), true);
    const gatewayAccepted = gateway.requests.reduce((a, r) => a + r.body.messages.length, 0);
    return {
      messages: N,
      cores: cpus().length,
      loadAverage1m: +(loadavg()[0] ?? 0).toFixed(2),
      drivenThrough:
        'runScheduler (audience, guard, render, caps) → outbox (DuckDB file) → dispatcher → SolapiAdapter.sendMany → local Solapi gateway (same process)',
      withoutRateLimit: unlimited,
      withRouteRateLimit: limited,
      gatewayRequests: gateway.requests.length,
      gatewayAccepted,
      statuses: await countByStatus(engine),
      target: 2000,
      meetsTarget: unlimited.dispatch.accepted === N && unlimited.endToEndMessagesPerSecond >= 2000,
    };
  } finally {
    await gateway.close();
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
