import { describe, expect, it } from 'vitest';
import type { CustomerOutcome } from '../../src/attribution/measure-campaign-outcomes.ts';
import { buildCampaignReport } from '../../src/reports/campaign/build-campaign-report.ts';
import type { CampaignReportFacts } from '../../src/reports/campaign/campaign-report-facts.ts';
import { REPORT_COLUMNS, toCampaignReportRows } from '../../src/reports/campaign/campaign-report-rows.ts';
import { renderCampaignReport } from '../../src/reports/campaign/render-campaign-report.ts';
import { formatKstDate } from '../../src/time/kst.ts';

const T = Date.UTC(2026, 10, 20, 1); // 10:00 KST
const outcome = (customerId: string, arm: string, orders = 0, revenue = 0, at = T): CustomerOutcome => ({
  customerId,
  arm,
  arms: 1,
  exposures: 1,
  firstExposedAt: at,
  orders,
  revenue,
  preRevenue: 0,
  attributedOrders: orders,
  attributedRevenue: revenue,
});

const facts: CampaignReportFacts = {
  campaignId: 'c1',
  campaignName: '테스트',
  windowDays: 7,
  weights: [
    { name: 'holdout', weight: 0.2 },
    { name: 'A', weight: 0.8 },
  ],
  control: undefined,
  level: 0.95,
  outcomes: [
    outcome('h1', 'holdout', 1, 10_000),
    outcome('h2', 'holdout'),
    outcome('a1', 'A', 2, 30_000),
    outcome('a2', 'A'),
    outcome('a3', 'A'),
    outcome('a4', 'A', 1, 5_000),
    outcome('a5', 'A'),
  ],
  messages: [
    // a1: retried — failed once, then delivered: counts once, as delivered (and sent).
    { customerId: 'a1', status: 'failed', reason: 'PROVIDER_DOWN', acceptedAt: null, deliveredAt: null },
    { customerId: 'a1', status: 'delivered', reason: null, acceptedAt: T + 60_000, deliveredAt: T + 120_000 },
    { customerId: 'a2', status: 'blocked', reason: 'NO_CONSENT', acceptedAt: null, deliveredAt: null },
    { customerId: 'a3', status: 'blocked', reason: 'QUIET_HOURS', acceptedAt: null, deliveredAt: null },
    { customerId: 'a3', status: 'deferred', reason: 'QUIET_HOURS', acceptedAt: null, deliveredAt: null },
    { customerId: 'a4', status: 'accepted', reason: null, acceptedAt: T + 15 * 3_600_000, deliveredAt: null },
    { customerId: 'a5', status: 'failed', reason: 'BAD_RECIPIENT', acceptedAt: null, deliveredAt: null },
  ],
  engagement: [
    { customerId: 'a1', kind: 'opened' },
    { customerId: 'a1', kind: 'opened' },
    { customerId: 'a1', kind: 'clicked' },
  ],
  coupons: [
    { customerId: 'a1', kind: 'issued', paidAmount: 0 },
    { customerId: 'a4', kind: 'issued', paidAmount: 0 },
    { customerId: 'a1', kind: 'redeemed', paidAmount: 12_000 },
  ],
  couponSource: 'order_coupon_codes',
  windowOrders: [
    { arm: 'holdout', channel: 'offline', orderedAt: T + 3_600_000, paidAmount: 10_000 },
    { arm: 'A', channel: 'musinsa', orderedAt: T + 14 * 3_600_000, paidAmount: 12_000 }, // 00:00 KST next day
    { arm: 'A', channel: 'cafe24', orderedAt: T + 13 * 3_600_000, paidAmount: 18_000 }, // 23:00 KST same day
    { arm: 'A', channel: 'musinsa', orderedAt: T + 2 * 86_400_000, paidAmount: 5_000 },
  ],
};

describe('buildCampaignReport', () => {
  const r = buildCampaignReport(facts);

  it('counts each customer once, at the furthest stage reached, with block reasons', () => {
    expect(r.arms).toEqual(['holdout', 'A']);
    expect(r.control).toBe('holdout');
    expect(r.funnel).toEqual([
      {
        arm: 'holdout',
        targeted: 2,
        heldOut: 2,
        blocked: 0,
        blockedBy: {},
        pending: 0,
        sent: 0,
        delivered: 0,
        failed: 0,
        opened: 0,
        clicked: 0,
        converted: 1,
      },
      {
        arm: 'A',
        targeted: 5,
        heldOut: 0,
        blocked: 1,
        blockedBy: { NO_CONSENT: 1 },
        pending: 1,
        sent: 2,
        delivered: 1,
        failed: 1,
        opened: 1,
        clicked: 1,
        converted: 2,
      },
    ]);
  });

  it('buckets the daily trend by Korean day', () => {
    expect(formatKstDate(T + 14 * 3_600_000)).toBe('2026-11-21');
    expect(formatKstDate(T + 13 * 3_600_000 + 3_599_999)).toBe('2026-11-20');
    expect(
      r.daily.map((d) => [d.day, d.exposed, d.sent, d.delivered, d.orders.A, d.revenue.A, d.orders.holdout]),
    ).toEqual([
      ['2026-11-20', 7, 1, 1, 1, 18_000, 1],
      ['2026-11-21', 0, 1, 0, 1, 12_000, 0],
      ['2026-11-22', 0, 0, 0, 1, 5_000, 0],
    ]);
  });

  it('sums attribution, coupons and channels per arm', () => {
    expect(r.extras.find((e) => e.arm === 'A')).toEqual({
      arm: 'A',
      attributedOrders: 3,
      attributedRevenue: 35_000,
      windowOrders: 3,
      couponsIssued: 2,
      couponsRedeemed: 1,
      couponRevenue: 12_000,
    });
    expect(r.channels.map((c) => c.channel)).toEqual(['cafe24', 'musinsa', 'offline']);
    expect(r.channels[1]?.revenue).toEqual({ A: 17_000 });
  });

  it('analyses per-customer rows against the holdout with the planned split', () => {
    expect(r.analysis?.arms.map((a) => [a.arm, a.n, a.conversions, a.revenue])).toEqual([
      ['holdout', 2, 1, 10_000],
      ['A', 5, 2, 35_000],
    ]);
    const expected = r.analysis?.sampleRatio?.arms.map((a) => a.expected) ?? [];
    expect(expected[0]).toBeCloseTo(1.4, 12);
    expect(expected[1]).toBeCloseTo(5.6, 12);
  });

  it('renders Korean and English text and a long table', () => {
    const ko = renderCampaignReport(r, 'ko');
    expect(ko).toContain('캠페인 리포트 — c1 테스트');
    expect(ko).toContain('NO_CONSENT (광고 수신 동의 없음): 1');
    expect(renderCampaignReport(r, 'en')).toContain('Funnel (customers)');
    const rows = toCampaignReportRows(r, 'en');
    expect(rows.every((row) => row.length === REPORT_COLUMNS.length)).toBe(true);
    expect(rows).toContainEqual(['funnel', '', 'A', 'blocked', 1, '', '']);
    expect(rows).toContainEqual(['daily', '2026-11-21', 'A', 'revenue', 12_000, '', '']);
  });
});
