import { describe, expect, it } from 'vitest';
import { buildAudienceReport } from '../../../src/analytics/report/build-audience-report.ts';
import { sql } from '../../../src/engines/engine.ts';
import { type EngineKind, openMemoryWarehouse } from '../../../src/engines/open-engine.ts';
import { insertReportFixture, REPORT_AS_OF } from './report-fixture.ts';

// Hand computation for the segment S = {p1, p2, p3} (see report-fixture.ts):
// size 3 of 6 → share 0.5. Purchases (paid/exchanged, before as-of): p1 o1 30000, o2 20000,
// o9 7000; p2 o3 50000, o8 5000 (exchanged) → buyers 2, orders 5, revenue 112000, AOV 22400,
// frequency 2.5. Base revenue: + p4 10000 (o5 cancelled), p5 40000, p6's order is after as-of → 162000.
// Recency (as-of day 2024-06-01): p1 May 20 KST → 12 d, p2 May 31 23:00 KST → 1 d → d0_30: 2; p3 never.
// Categories (buyers / revenue): tops p1+p2 2 / 50000, shoes p2 1 / 30000, bags p1 1 / 27000,
// socks p2 1 / 5000. Base buyers = 4 (p1 p2 p4 p5); base category buyers: tops 2, shoes 2 (p2, p5),
// bags 1, socks 2 (p2, p4). Index = (seg buyers / 2) / (base buyers / 4) × 100: tops 200, shoes 100,
// bags 200, socks 100.
// Channels: cafe24 p1 3 orders 57000; smartstore p2 2 orders 55000.
// Ad consent (latest event per customer and channel): sms p2 (p1 withdrew, p3's same-instant
// withdraw c-b > c-a wins, p2's withdraw is after as-of) → 1, phone → reachable 1; kakao p1 → 1/1
// (p2's is night_ad); email p1 (no email → not reachable), p3 → consented 2, reachable 1; push p3 → 1/1.
// Contactable: phones p1 p2 → 2, emails p2 p3 → 2.
// Visits in the 90 days before as-of: p1 01:00, 01:10, 01:35 (one session, 2100 s), 02:10 (35 min
// later → new session, 0 s); p2 05:00 and 05:29 views (add_to_cart is not a view) → 1740 s.
// → visitors 2, sessions 3, avg (2100 + 0 + 1740) / 3 = 1280 s, per visitor 3840 / 2 = 1920 s.
// Trend (KST months): 2024-03 o9 (Mar 1 01:00 KST) 7000 + o3 50000 = 57000 by 2; 2024-04 20000 by 1;
// 2024-05 30000 + 5000 = 35000 by 2; 2024-02 nothing.
const SEGMENT_EXPECTED = {
  size: 3,
  baseSize: 6,
  share: 0.5,
  buyers: 2,
  orders: 5,
  revenue: 112000,
  aov: 22400,
  frequency: 2.5,
};

for (const kind of ['duckdb', 'chdb'] as EngineKind[]) {
  describe(`${kind}: audience report`, () => {
    it('reports a segment with the figures worked out by hand', async () => {
      const engine = await openMemoryWarehouse(kind);
      try {
        await insertReportFixture(engine);
        const p = engine.dialect.placeholder;
        const q = engine.dialect.quoteIdent;
        // a member query with its own parameter: the report's parameters must follow it
        const query = sql(
          `SELECT ${q('customer_id')} FROM ${q('customers')} WHERE ${q('customer_id')} < ${p(1, 'string')}`,
          ['p4'],
          ['string'],
        );
        for (const members of [{ kind: 'ids', ids: ['p1', 'p2', 'p3'] } as const, { kind: 'query', query } as const]) {
          const r = await buildAudienceReport(engine, members, { name: 'S', asOf: REPORT_AS_OF });
          expect(r).toMatchObject(SEGMENT_EXPECTED);
          expect(r.revenueShare).toBeCloseTo(112000 / 162000, 12);
          expect(r.recency.map((b) => [b.bucket, b.customers])).toEqual([
            ['d0_30', 2],
            ['d31_90', 0],
            ['d91_180', 0],
            ['d181_365', 0],
            ['d366_plus', 0],
            ['never', 1],
          ]);
          expect(r.topCategories.map((c) => [c.key, c.buyers, c.revenue, c.share, c.baseShare, c.index])).toEqual([
            ['tops', 2, 50000, 1, 0.5, 200],
            ['shoes', 1, 30000, 0.5, 0.5, 100],
            ['bags', 1, 27000, 0.5, 0.25, 200],
            ['socks', 1, 5000, 0.5, 0.5, 100],
          ]);
          expect(r.topProducts.map((c) => [c.key, c.name, c.index])).toEqual([
            ['T1', '티셔츠', 200],
            ['S1', '스니커즈', 100],
            ['B1', '토트백', 200],
            ['K1', '양말', 100],
          ]);
          expect(r.channels).toEqual([
            { channel: 'cafe24', buyers: 1, orders: 3, revenue: 57000, revenueShare: 57000 / 112000 },
            { channel: 'smartstore', buyers: 1, orders: 2, revenue: 55000, revenueShare: 55000 / 112000 },
          ]);
          expect(r.reach.map((x) => [x.channel, x.contactable, x.consented, x.reachable])).toEqual([
            ['sms', 2, 1, 1],
            ['kakao', 2, 1, 1],
            ['email', 2, 2, 1],
            ['push', 1, 1, 1],
          ]);
          expect(r.visits).toEqual({
            windowDays: 90,
            visitors: 2,
            sessions: 3,
            sessionsPerVisitor: 1.5,
            avgSessionSeconds: 1280,
            secondsPerVisitor: 1920,
          });
          expect(r.trend).toHaveLength(12);
          expect(r.trend[0]?.month).toBe('2023-06');
          expect(r.trend.slice(-4)).toEqual([
            { month: '2024-02', revenue: 0, activeCustomers: 0, partial: false },
            { month: '2024-03', revenue: 57000, activeCustomers: 2, partial: false },
            { month: '2024-04', revenue: 20000, activeCustomers: 1, partial: false },
            { month: '2024-05', revenue: 35000, activeCustomers: 2, partial: false },
          ]);
        }
      } finally {
        await engine.close();
      }
    });

    it('reports the whole base (index 100 everywhere) and an empty audience without failing', async () => {
      const engine = await openMemoryWarehouse(kind);
      try {
        await insertReportFixture(engine);
        const base = await buildAudienceReport(engine, { kind: 'all' }, { name: 'all', asOf: REPORT_AS_OF });
        // orders p1 3, p2 2, p4 1, p5 1 = 7; revenue 162000; recency p1 12, p2 1, p4 2 → d0_30 3,
        // p5 2023-01-10 → d366_plus; p3, p6 never.
        expect(base).toMatchObject({
          size: 6,
          share: 1,
          buyers: 4,
          orders: 7,
          revenue: 162000,
          revenueShare: 1,
          frequency: 7 / 4,
        });
        expect(base.recency.map((b) => b.customers)).toEqual([3, 0, 0, 0, 1, 2]);
        expect(base.topCategories.every((c) => c.index === 100)).toBe(true);
        expect(base.trend.at(-1)).toEqual({ month: '2024-05', revenue: 45000, activeCustomers: 3, partial: false });
        const empty = await buildAudienceReport(engine, { kind: 'ids', ids: [] }, { name: 'none', asOf: REPORT_AS_OF });
        expect(empty).toMatchObject({ size: 0, buyers: 0, revenue: 0, aov: null, frequency: null, topCategories: [] });
        expect(empty.visits.visitors).toBe(0);
      } finally {
        await engine.close();
      }
    });
  });
}
