import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DemoParamsSchema } from '@dalbit/core/demo/demo-params';
import type { CampaignReport } from '@dalbit/core/reports/campaign/build-campaign-report';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchedulerSummary } from '../../src/campaigns/run-scheduler.ts';
import { runDemo } from '../../src/demo/run-demo.ts';
import { runDemoExperimentCampaign } from '../../src/demo-experiment/demo-campaign.ts';
import { type PlantResult, plantExperiment } from '../../src/demo-experiment/plant-experiment.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { openWarehouse } from '../../src/engines/open-engine.ts';
import { loadCampaignReport } from '../../src/reports/campaign/load-campaign-report.ts';
import { runCli } from '../support/run-cli.ts';

const CAMPAIGN = 'winter-exp';
const PLANTED_LIFT = 0.3;

// Demo brand (3,000 customers, real importer) → the real scheduler splits a broadcast into
// holdout 10 % / A 45 % / B 45 % → orders with a planted +30 % conversion lift for B (baseline 8 %)
// imported as a marketplace/offline export → report. Seeds are fixed and were not searched for:
// the bench (`npm run bench -- planted-experiment`) runs 200 seeds and reports how often the
// interval covers the truth.
describe('planted uplift on the demo brand', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dalbit-planted-'));
  let engine: Engine | undefined;
  let customersBefore = 0;
  let scheduled: SchedulerSummary;
  let planted: PlantResult;
  let report: CampaignReport;

  beforeAll(async () => {
    engine = await openWarehouse({ dataDir: dir });
    await runDemo(engine, {
      params: DemoParamsSchema.parse({ customers: 3000, seed: 7, eventsPerCustomer: 0 }),
      outDir: join(dir, 'demo-files'),
      now: new Date('2026-11-16T09:00:00Z'),
    });
    customersBefore = Number((await engine.query('SELECT count(*) AS n FROM customers'))[0]?.n);
    scheduled = await runDemoExperimentCampaign(engine, {
      id: CAMPAIGN,
      at: '2026-11-20T10:00:00+09:00',
      now: new Date('2026-11-20T12:00:00Z'),
      saveAt: new Date('2026-11-19T00:00:00Z'),
    });
    planted = await plantExperiment(engine, {
      campaignId: CAMPAIGN,
      via: 'importer',
      workDir: join(dir, 'plant'),
      now: new Date('2026-12-01T00:00:00Z'),
      baselineRate: 0.08,
      effects: { B: PLANTED_LIFT },
      windowDays: 7,
      seed: 1,
    });
    report = await loadCampaignReport(engine, { campaignId: CAMPAIGN });
  });
  afterAll(async () => engine?.close());

  it('imports every planted order onto the intended unified customer, creating nobody', async () => {
    const e = engine as Engine;
    const rows = await e.query("SELECT order_id, customer_id, status FROM orders WHERE source = 'orders'");
    const byId = new Map(rows.map((r) => [String(r.order_id), r]));
    planted.orders.forEach((o, i) => {
      const row = byId.get(planted.orderIds[i] ?? '');
      expect(row?.customer_id, planted.orderIds[i]).toBe(o.customerId);
      expect(row?.status).toBe(o.status);
    });
    expect(Number((await e.query('SELECT count(*) AS n FROM customers'))[0]?.n)).toBe(customersBefore);
    expect(new Set(planted.orders.map((o) => o.channel))).toEqual(
      new Set(['musinsa', '29cm', 'smartstore', 'offline']),
    );
  });

  it('counts exactly the planted orders inside the window, per arm, funnel from the scheduler', async () => {
    for (const arm of ['holdout', 'A', 'B']) {
      const counted = planted.orders.filter((o) => o.arm === arm && o.counted);
      const s = report.analysis?.arms.find((a) => a.arm === arm);
      expect(s?.conversions, arm).toBe(new Set(counted.map((o) => o.customerId)).size);
      expect(s?.revenue, arm).toBe(counted.reduce((t, o) => t + o.amount, 0));
      expect(report.extras.find((x) => x.arm === arm)?.windowOrders).toBe(counted.length);
    }
    expect(planted.orders.some((o) => !o.counted && o.status === 'paid')).toBe(true); // late orders were there to ignore
    const blocked = report.funnel.reduce((t, f) => t + f.blocked, 0);
    expect(blocked).toBe(scheduled.blocked);
    expect(report.funnel.find((f) => f.arm === 'holdout')?.heldOut).toBe(scheduled.holdout);
    const reasons: Record<string, number> = {};
    for (const f of report.funnel) for (const [k, n] of Object.entries(f.blockedBy)) reasons[k] = (reasons[k] ?? 0) + n;
    expect(reasons).toEqual(scheduled.blockedBy);
    // Imported orders are matched to issued coupons (coupon_redemptions): a use counts when it falls
    // between the coupon's issue (the scheduler run, hours after the planned send that opens the
    // planted window) and its expiry. Planted uses outside that span are recorded as invalid.
    const span = new Map(
      (await (engine as Engine).query('SELECT code, issued_at, expires_at FROM coupons')).map((r) => [
        String(r.code),
        { from: (r.issued_at as Date).getTime(), to: (r.expires_at as Date).getTime() },
      ]),
    );
    const usable = planted.orders.filter((o) => {
      const k = o.couponCode === null ? undefined : span.get(o.couponCode);
      return o.counted && k !== undefined && o.orderedAt >= k.from && o.orderedAt <= k.to;
    });
    expect(report.couponSource).toBe('coupon_redemptions');
    expect(usable.length).toBeGreaterThan(0);
    const b = report.extras.find((x) => x.arm === 'B');
    expect(b?.couponsRedeemed).toBe(usable.filter((o) => o.arm === 'B').length);
  });

  it('recovers the planted lift inside the 95 % interval and finds no lift for A', () => {
    expect(report.analysis?.sampleRatio?.mismatch).toBe(false);
    const b = report.analysis?.comparisons.find((c) => c.arm === 'B')?.conversion;
    const a = report.analysis?.comparisons.find((c) => c.arm === 'A')?.conversion;
    expect(b?.relativeLift?.lower).toBeLessThan(PLANTED_LIFT);
    expect(b?.relativeLift?.upper).toBeGreaterThan(PLANTED_LIFT);
    expect(a?.pValue).toBeGreaterThan(0.05);
    expect(a?.relativeLift?.lower).toBeLessThan(0);
    expect(a?.relativeLift?.upper).toBeGreaterThan(0);
    expect(b?.sequential?.pValue).toBeGreaterThanOrEqual(b?.pValue ?? 1);
    expect(report.verdict.kind === 'winner' && report.verdict.arm === 'A').toBe(false);
  });

  it('dalbit campaign report: text, --json, csv and xlsx', async () => {
    await engine?.close();
    engine = undefined;
    const env = { DALBIT_DATA_DIR: dir, DALBIT_LANG: 'ko' };
    const text = await runCli(['campaign', 'report', CAMPAIGN], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('캠페인 리포트 — winter-exp');
    expect(text.stdout).toContain('결론: ');
    expect(text.stdout).toContain('MARKETPLACE_ONLY');
    const json = await runCli(['campaign', 'report', CAMPAIGN, '--json'], env);
    const parsed = JSON.parse(json.stdout) as CampaignReport;
    expect(parsed.analysis?.arms.map((a) => a.conversions)).toEqual(report.analysis?.arms.map((a) => a.conversions));
    const rel = parsed.analysis?.comparisons.find((c) => c.arm === 'B')?.conversion.relativeLift;
    expect(rel?.estimate).toBeCloseTo(
      report.analysis?.comparisons.find((c) => c.arm === 'B')?.conversion.relativeLift?.estimate ?? 0,
      12,
    );

    const csv = join(dir, 'report.csv');
    expect((await runCli(['campaign', 'report', CAMPAIGN, '--format', 'csv', '--out', csv], env)).code).toBe(0);
    const lines = readFileSync(csv, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe('section,key,arm,metric,value,lower,upper');
    const row = lines.find((l) => l.startsWith('lift,vs holdout,B,conversion_relative,'))?.split(',') ?? [];
    expect(Number(row[5])).toBeCloseTo(rel?.lower ?? Number.NaN, 10);
    expect(Number(row[6])).toBeCloseTo(rel?.upper ?? Number.NaN, 10);

    const xlsx = join(dir, 'report.xlsx');
    expect((await runCli(['campaign', 'report', CAMPAIGN, '--format', 'xlsx', '--out', xlsx], env)).code).toBe(0);
    const files = unzipSync(readFileSync(xlsx));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(sheet).toContain('conversion_relative');
    expect(sheet).toContain(`<v>${rel?.upper}</v>`);

    const missing = await runCli(['campaign', 'report', 'nope'], env);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toContain('캠페인을 찾을 수 없습니다: nope');
    const badFlags = await runCli(['campaign', 'report', CAMPAIGN, '--format', 'csv'], env);
    expect(badFlags.code).toBe(64);
  });
});
