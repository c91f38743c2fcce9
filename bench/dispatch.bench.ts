// `npm run bench -- dispatch`: end to end, scheduler → compliance → render → outbox → adapter →
// local gateway. N customers with SMS ad consent (DALBIT_BENCH_DISPATCH_N, default 20,000), one
// broadcast ad campaign; `runScheduler` writes the outbox (guard + render), the dispatcher sends
// through the Solapi adapter to the local Solapi gateway (HMAC, payload and carrier-limit checks)
// running in this same process. DuckDB file in a temp dir. DALBIT_BENCH_DISPATCH_BATCH = messages per claim.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
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
    const at = fromKst('2025-06-10', 10 * 60);
    await saveCampaign(
      engine,
      CampaignDefinition.parse({
        id: 'bench-broadcast',
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
    const scheduled = await runScheduler(engine, { now: new Date(at.getTime() + 60_000), policy });
    const t1 = performance.now();
    const solapi = createSolapiAdapters({ apiKey: 'KEY', apiSecret: 'SECRET', baseUrl: gateway.url });
    const { ratePerSecond: _unlimited, ...route } = routeFor(solapi.sms, {
      batchSize: Number(process.env.DALBIT_BENCH_DISPATCH_BATCH ?? 1000),
    });
    const dispatcher = createDispatcher(engine, {
      adapters: { sms: route },
      // the dispatcher holds ads at night: its clock starts just after the broadcast (10:00 KST)
      now: () => new Date(at.getTime() + 120_000 + (performance.now() - t1)),
      workerId: 'bench',
      maxClaimsPerChannel: 1_000_000,
    });
    const sent = await dispatcher.pass();
    const t2 = performance.now();
    const statuses = await countByStatus(engine);
    const gatewayAccepted = gateway.requests.reduce((a, r) => a + r.body.messages.length, 0);
    const seconds = (t2 - t0) / 1000;
    return {
      messages: N,
      cores: cpus().length,
      drivenThrough:
        'runScheduler (audience, guard, render, caps) → outbox (DuckDB file) → dispatcher → SolapiAdapter.sendMany → local Solapi gateway (same process)',
      scheduler: { ...scheduled, blockedBy: scheduled.blockedBy, seconds: +((t1 - t0) / 1000).toFixed(3) },
      dispatch: {
        ...sent,
        seconds: +((t2 - t1) / 1000).toFixed(3),
        messagesPerSecond: Math.round(sent.accepted / ((t2 - t1) / 1000)),
      },
      gatewayRequests: gateway.requests.length,
      gatewayAccepted,
      statuses,
      endToEndSeconds: +seconds.toFixed(3),
      endToEndMessagesPerSecond: Math.round(sent.accepted / seconds),
      target: 2000,
      meetsTarget: sent.accepted === N && sent.accepted / seconds >= 2000,
    };
  } finally {
    await gateway.close();
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
