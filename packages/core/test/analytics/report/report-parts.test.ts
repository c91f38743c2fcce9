import { indexItems } from '@dalbit/core/analytics/report/index-items';
import { bucketRecency } from '@dalbit/core/analytics/report/recency-buckets';
import { sessionize } from '@dalbit/core/analytics/report/sessionize';
import { fillTrend, trendMonths, trendStart } from '@dalbit/core/analytics/report/trend-months';
import { describe, expect, it } from 'vitest';

describe('report parts', () => {
  it('recency buckets are inclusive upper bounds', () => {
    const r = bucketRecency([0, 30, 31, 90, 91, 180, 181, 365, 366], 10);
    expect(r.map((b) => b.customers)).toEqual([2, 2, 2, 2, 1, 1]);
    expect(r[0]?.share).toBeCloseTo(0.2, 12);
  });

  it('a gap of exactly 30 minutes continues the session; more starts a new one', () => {
    const t = (m: number) => new Date(Date.UTC(2024, 0, 1, 0, m));
    const s = sessionize(
      [
        { visitor: 'a', at: t(0) },
        { visitor: 'a', at: t(30) },
        { visitor: 'a', at: t(61) },
        { visitor: 'b', at: t(0) },
      ],
      90,
    );
    // a: [0, 30] 1800 s, [61] 0 s; b: [0] 0 s → 3 sessions, 2 visitors
    expect(s).toEqual({
      windowDays: 90,
      visitors: 2,
      sessions: 3,
      sessionsPerVisitor: 1.5,
      avgSessionSeconds: 600,
      secondsPerVisitor: 900,
    });
  });

  it('index = share in audience / share in base × 100; null when the base never bought it', () => {
    const r = indexItems({
      items: [
        { key: 'x', name: 'x', buyers: 3, revenue: 10 },
        { key: 'y', name: 'y', buyers: 1, revenue: 5 },
      ],
      buyers: 10,
      baseItems: [{ key: 'x', name: 'x', buyers: 15, revenue: 99 }],
      baseBuyers: 100,
      top: 5,
    });
    expect(r.map((i) => [i.key, i.share, i.baseShare, i.index])).toEqual([
      ['x', 0.3, 0.15, 200],
      ['y', 0.1, 0, null],
    ]);
  });

  it('trend months are KST calendar months ending with the month before the as-of instant', () => {
    // as-of 2024-03-01 00:00 KST → the last month is February
    const asOf = new Date('2024-02-29T15:00:00Z');
    expect(trendMonths(asOf, 3).map((m) => m.month)).toEqual(['2023-12', '2024-01', '2024-02']);
    expect(trendStart(asOf, 3)).toEqual(new Date('2023-11-30T15:00:00Z'));
    // as-of 2024-03-01 → February is complete; as-of 2024-03-15 → March is still running
    expect(fillTrend(asOf, 1, []).map((m) => m.partial)).toEqual([false]);
    expect(
      fillTrend(new Date('2024-03-14T15:00:00Z'), 2, [{ year: 2024, month: 3, revenue: 5, customers: 1 }]),
    ).toEqual([
      { month: '2024-02', revenue: 0, activeCustomers: 0, partial: false },
      { month: '2024-03', revenue: 5, activeCustomers: 1, partial: true },
    ]);
  });
});
