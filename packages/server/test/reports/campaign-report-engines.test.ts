import { CAMPAIGN_EXPOSURES, COUPONS } from '@dalbit/core/campaigns/tables';
import { MESSAGE_EVENTS, MESSAGES } from '@dalbit/core/channels/tables';
import type { CampaignReport } from '@dalbit/core/reports/campaign/build-campaign-report';
import type { TableDef } from '@dalbit/core/schema/table';
import { EVENTS, ORDERS } from '@dalbit/core/schema/tables';
import { afterAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { loadCampaignReport } from '../../src/reports/campaign/load-campaign-report.ts';

const T = new Date('2026-11-20T01:00:00Z');
const H = 3_600_000;
const at = (hours: number): Date => new Date(T.getTime() + hours * H);
const DEFAULTS = { string: '', int: 0, float: 0, bool: false, timestamp: T, date: T, json: '{}' } as const;

async function insert(engine: Engine, table: TableDef, rows: readonly Record<string, unknown>[]): Promise<void> {
  await engine.insert(
    table.name,
    table.columns.map((c) => c.name),
    rows.map((r) => table.columns.map((c) => r[c.name] ?? (c.nullable ? null : DEFAULTS[c.type]))),
  );
}

// Campaign X without a stored definition (report built from exposures alone), six customers.
async function seed(engine: Engine): Promise<void> {
  const arms = { h1: 'holdout', h2: 'holdout', a1: 'A', a2: 'A', b1: 'B', b2: 'B' } as const;
  await insert(
    engine,
    CAMPAIGN_EXPOSURES,
    Object.entries(arms).map(([id, arm]) => ({
      exposure_key: `X:${id}`,
      campaign_id: 'X',
      step_id: 'main',
      customer_id: id,
      occurrence: 'once',
      arm,
      planned_at: T,
      idempotency_key: arm === 'holdout' ? null : `X:${id}`,
    })),
  );
  // a later campaign Y touches b1 and takes the last-touch credit of b1's second order.
  await insert(engine, CAMPAIGN_EXPOSURES, [
    {
      exposure_key: 'Y:b1',
      campaign_id: 'Y',
      step_id: 'main',
      customer_id: 'b1',
      occurrence: 'once',
      arm: 'main',
      planned_at: at(48),
    },
  ]);
  await insert(engine, MESSAGES, [
    {
      idempotency_key: 'X:a1',
      campaign_id: 'X',
      customer_id: 'a1',
      channel: 'sms',
      purpose: 'ad',
      status: 'delivered',
      accepted_at: at(0.1),
      delivered_at: at(0.2),
    },
    {
      idempotency_key: 'X:a2',
      campaign_id: 'X',
      customer_id: 'a2',
      channel: 'sms',
      purpose: 'ad',
      status: 'blocked',
      reason: 'NO_CONSENT',
    },
    {
      idempotency_key: 'X:b1',
      campaign_id: 'X',
      customer_id: 'b1',
      channel: 'sms',
      purpose: 'ad',
      status: 'accepted',
      accepted_at: at(25),
    },
    {
      idempotency_key: 'X:b2',
      campaign_id: 'X',
      customer_id: 'b2',
      channel: 'sms',
      purpose: 'ad',
      status: 'deferred',
      reason: 'QUIET_HOURS',
    },
  ]);
  await insert(engine, MESSAGE_EVENTS, [
    { event_id: 'e1', idempotency_key: 'X:a1', at: at(1), status: 'opened', source: 'receipt' },
  ]);
  await insert(engine, EVENTS, [
    {
      event_id: 'v1',
      customer_id: 'a1',
      type: 'message_clicked',
      occurred_at: at(2),
      properties: '{"campaign_id":"X"}',
      source: 'tracker',
    },
    {
      event_id: 'v2',
      customer_id: 'b1',
      type: 'message_clicked',
      occurred_at: at(26),
      utm_campaign: 'X',
      source: 'tracker',
    },
    {
      event_id: 'v3',
      customer_id: 'b2',
      type: 'message_clicked',
      occurred_at: at(26),
      properties: '{"campaign_id":"Z"}',
      source: 'tracker',
    },
  ]);
  await insert(engine, COUPONS, [
    {
      code: 'CPN-B1',
      campaign_id: 'X',
      customer_id: 'b1',
      occurrence: 'once',
      kind: 'amount',
      value: 3000,
      issued_at: T,
      expires_at: at(24 * 7),
    },
  ]);
  const order = (
    id: string,
    customer: string | null,
    hours: number,
    amount: number,
    extra: Record<string, unknown> = {},
  ) => ({
    order_id: id,
    channel: 'musinsa',
    customer_id: customer,
    origin_customer_id: customer,
    ordered_at: at(hours),
    status: 'paid',
    gross_amount: amount,
    paid_amount: amount,
    source: 'orders',
    ...extra,
  });
  await insert(engine, ORDERS, [
    order('o-h1', 'h1', 5, 20_000, { channel: 'offline' }),
    order('o-a1', 'a1', 30, 50_000),
    order('o-b1', 'b1', 26, 40_000, { coupon_code: 'cpn b1' }),
    order('o-b1-2', 'b1', 60, 10_000, { channel: 'cafe24' }),
    order('o-b2-late', 'b2', 24 * 7, 99_000),
    order('o-b2-cancel', 'b2', 3, 99_000, { status: 'cancelled' }),
    order('o-pre', 'a2', -24, 7_000),
  ]);
}

const reports: Partial<Record<'duckdb' | 'chdb', CampaignReport>> = {};
const engines: Engine[] = [];
afterAll(async () => {
  for (const e of engines) await e.close();
});

for (const kind of ['duckdb', 'chdb'] as const) {
  describe(`${kind}: campaign report from warehouse tables`, () => {
    it('loads funnel, engagement, coupons, outcomes and daily trend', async () => {
      const engine = await openMemoryWarehouse(kind);
      engines.push(engine);
      await seed(engine);
      const r = await loadCampaignReport(engine, { campaignId: 'X' });
      reports[kind] = r;
      expect(r.control).toBe('holdout');
      expect(
        r.funnel.map((f) => [
          f.arm,
          f.targeted,
          f.heldOut,
          f.blocked,
          f.pending,
          f.sent,
          f.delivered,
          f.opened,
          f.clicked,
          f.converted,
        ]),
      ).toEqual([
        ['A', 2, 0, 1, 0, 1, 1, 1, 1, 1],
        ['B', 2, 0, 0, 1, 1, 0, 0, 1, 1],
        ['holdout', 2, 2, 0, 0, 0, 0, 0, 0, 1],
      ]);
      expect(r.funnel[0]?.blockedBy).toEqual({ NO_CONSENT: 1 });
      expect(r.analysis?.arms.map((a) => [a.arm, a.conversions, a.revenue])).toEqual([
        ['holdout', 1, 20_000],
        ['A', 1, 50_000],
        ['B', 1, 50_000],
      ]);
      const b = r.extras.find((e) => e.arm === 'B');
      expect(b).toMatchObject({
        windowOrders: 2,
        attributedOrders: 1,
        attributedRevenue: 40_000,
        couponsIssued: 1,
        couponsRedeemed: 1,
        couponRevenue: 40_000,
      });
      expect(r.couponSource).toBe('order_coupon_codes');
      expect(r.daily.map((d) => [d.day, d.exposed, d.sent, d.delivered])).toEqual([
        ['2026-11-20', 6, 1, 1],
        ['2026-11-21', 0, 1, 0],
        ['2026-11-22', 0, 0, 0],
      ]);
      expect(r.channels.map((c) => c.channel)).toEqual(['cafe24', 'musinsa', 'offline']);
      await expect(loadCampaignReport(engine, { campaignId: 'nope' })).rejects.toMatchObject({
        code: 'UNKNOWN_CAMPAIGN',
      });
      await expect(loadCampaignReport(engine, { campaignId: 'X', control: 'C' })).rejects.toMatchObject({
        code: 'UNKNOWN_CONTROL',
      });
    });
  });
}

describe('both engines', () => {
  it('give the same report', () => {
    expect(reports.chdb).toEqual(reports.duckdb);
  });
});
