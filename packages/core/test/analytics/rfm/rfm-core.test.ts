import { readFileSync } from 'node:fs';
import { ntile } from '@dalbit/core/analytics/rfm/ntile';
import { buildRfmGrid } from '@dalbit/core/analytics/rfm/rfm-grid';
import { computeRfmMetrics } from '@dalbit/core/analytics/rfm/rfm-metrics';
import { scoreRfm } from '@dalbit/core/analytics/rfm/score-rfm';
import { summarizeSegments } from '@dalbit/core/analytics/rfm/segment-summary';
import { countTransitions } from '@dalbit/core/analytics/rfm/segment-transitions';
import { RFM_SEGMENT_KEYS, RFM_SEGMENT_LABELS, segmentOf } from '@dalbit/core/analytics/rfm/segments';
import { isoDateToKstDay, kstDayStart, toKstDay } from '@dalbit/core/time/kst';
import { describe, expect, it } from 'vitest';

// test-data/rfm/rfm_11_segments.csv: the 125 (R,F,M) → segment table published with an
// open-source RFM tutorial crediting the Neal Analytics scheme.
const CSV = new URL('../../../../../test-data/rfm/rfm_11_segments.csv', import.meta.url);

describe('RFM segments', () => {
  it('the embedded table equals the published CSV for all 125 score triples', () => {
    const lines = readFileSync(CSV, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('R,F,M,segment');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(125);
    const byEnglish = new Map<string, string>(RFM_SEGMENT_KEYS.map((k) => [RFM_SEGMENT_LABELS[k].en, k]));
    expect(new Set(rows.map((r) => r[3])).size).toBe(11);
    for (const [r, f, m, name] of rows) {
      expect(segmentOf(Number(r), Number(f), Number(m)), `${r}${f}${m}`).toBe(byEnglish.get(name ?? ''));
    }
  });

  it('rejects scores outside 1..5', () => {
    expect(() => segmentOf(0, 3, 3)).toThrow(RangeError);
  });
});

describe('NTILE semantics', () => {
  it('puts the remainder in the first buckets, like SQL NTILE', () => {
    expect(Array.from(ntile(7, 5))).toEqual([1, 1, 2, 2, 3, 4, 5]);
    expect(Array.from(ntile(3, 5))).toEqual([1, 2, 3]);
    expect(Array.from(ntile(10, 5))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('breaks ties by customer id and gives 5 to the most recent, most frequent, highest spending', () => {
    // Hand-checked: 6 customers, NTILE(5) bucket sizes 2,1,1,1,1.
    // recency asc, id asc:   c1(1) c6(1) c2(3) c3(3) c4(10) c5(40) → tiles 1,1,2,3,4,5 → r = 6 − tile
    // frequency asc, id asc: c4(1) c5(1) c2(2) c3(2) c6(3) c1(9)   → f = 1,1,2,3,4,5
    const rows = [
      { customerId: 'c5', recencyDays: 40, frequency: 1, monetary: 10 },
      { customerId: 'c1', recencyDays: 1, frequency: 9, monetary: 900 },
      { customerId: 'c3', recencyDays: 3, frequency: 2, monetary: 50 },
      { customerId: 'c2', recencyDays: 3, frequency: 2, monetary: 50 },
      { customerId: 'c6', recencyDays: 1, frequency: 3, monetary: 70 },
      { customerId: 'c4', recencyDays: 10, frequency: 1, monetary: 20 },
    ];
    // monetary asc, id asc:  c5(10) c4(20) c2(50) c3(50) c6(70) c1(900) → m = 1,1,2,3,4,5
    const got = Object.fromEntries(scoreRfm(rows).map((s) => [s.customerId, `${s.r}${s.f}${s.m}`]));
    expect(got).toEqual({ c1: '555', c6: '544', c2: '422', c3: '333', c4: '211', c5: '111' });
    const seg = Object.fromEntries(scoreRfm(rows).map((s) => [s.customerId, s.segment]));
    expect(seg).toEqual({
      c1: 'champions',
      c6: 'champions',
      c2: 'new_customers',
      c3: 'potential_loyalists',
      c4: 'hibernating',
      c5: 'lost',
    });
    // input order does not matter
    expect(scoreRfm([...rows].reverse()).map((s) => s.customerId)).toEqual(
      [...rows].reverse().map((s) => s.customerId),
    );
    expect(Object.fromEntries(scoreRfm([...rows].reverse()).map((s) => [s.customerId, `${s.r}${s.f}${s.m}`]))).toEqual(
      got,
    );
  });
});

describe('metrics, grid, summary, transitions', () => {
  const asOf = isoDateToKstDay('2024-03-10') as number;
  it('computes recency in whole days, distinct orders and sums within the window', () => {
    const p = (customerId: string, orderId: string, date: string, amount: number) => ({
      customerId,
      orderId,
      day: isoDateToKstDay(date) as number,
      amount,
    });
    const m = computeRfmMetrics(
      [
        p('a', 'o1', '2024-03-09', 100),
        p('a', 'o1', '2024-03-09', 50), // second line of the same order
        p('a', 'o2', '2024-01-01', 30),
        p('b', 'o3', '2023-01-01', 10), // outside a 90-day window
        p('b', 'o4', '2024-03-10', 10), // on the as-of day: not yet counted
      ],
      { asOfDay: asOf, windowDays: 90 },
    );
    expect(m).toEqual([{ customerId: 'a', recencyDays: 1, frequency: 2, monetary: 180 }]);
  });

  it('KST days: 2024-03-09T15:00Z is already 2024-03-10 in Seoul', () => {
    expect(toKstDay(new Date('2024-03-09T15:00:00Z'))).toBe(asOf);
    expect(toKstDay(new Date('2024-03-09T14:59:59.999Z'))).toBe(asOf - 1);
    expect(kstDayStart(asOf).toISOString()).toBe('2024-03-09T15:00:00.000Z');
    expect(isoDateToKstDay('2024-02-30')).toBeUndefined();
  });

  it('grid, summary and transitions count what they should', () => {
    const s = (customerId: string, r: number, f: number, m: number, monetary: number) => ({
      customerId,
      recencyDays: 1,
      frequency: 1,
      monetary,
      r,
      f,
      m,
      segment: segmentOf(r, f, m),
    });
    const scores = [s('a', 5, 5, 5, 100), s('b', 5, 5, 4, 50), s('c', 1, 1, 1, 10)];
    const grid = buildRfmGrid(scores);
    expect(grid).toHaveLength(25);
    expect(grid[0]).toEqual({ r: 5, f: 1, count: 0, meanMonetary: null });
    expect(grid.find((g) => g.r === 5 && g.f === 5)).toEqual({ r: 5, f: 5, count: 2, meanMonetary: 75 });
    const summary = summarizeSegments(scores);
    expect(summary.find((x) => x.segment === 'champions')).toEqual({
      segment: 'champions',
      customers: 2,
      share: 2 / 3,
      revenue: 150,
      revenueShare: 150 / 160,
    });
    expect(summary).toHaveLength(11);
    const later = [
      { customerId: 'a', segment: 'loyal' as const },
      { customerId: 'b', segment: 'champions' as const },
      { customerId: 'd', segment: 'new_customers' as const },
    ];
    expect(countTransitions(scores, later)).toEqual([
      { from: 'champions', to: 'champions', customers: 1 },
      { from: 'champions', to: 'loyal', customers: 1 },
      { from: 'lost', to: 'none', customers: 1 },
      { from: 'none', to: 'new_customers', customers: 1 },
    ]);
  });
});
