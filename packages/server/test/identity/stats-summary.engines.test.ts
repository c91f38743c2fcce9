import { isoDateToKstDay } from '@dalbit/core/time/kst';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { readStats } from '../../src/identity/read-stats.ts';
import { invalidateStatsSummary, statsSummarySettled } from '../../src/identity/stats-summary.ts';
import { unmerge } from '../../src/identity/unmerge.ts';
import { importFile } from '../../src/importers/import-file.ts';
import { refreshWarehouse } from '../../src/jobs/refresh-warehouse.ts';
import { type DemoBrand, IMPORTED_AT, openDemoBrand } from '../e2e/support/demo-brand.ts';
import { POS_HEADER, tempDir, writeCsv } from '../importers/fixtures.ts';

// `/api/stats` reads its costly figures from `stats_summary`. The oracle below is the full scan the
// route ran before the summary existed; both must agree after every kind of write.
async function scanStats(engine: Engine) {
  const [c] = await engine.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM customers) AS customers,
       (SELECT count(*) FROM (SELECT customer_id FROM customer_channels GROUP BY customer_id
          HAVING count(DISTINCT channel) >= 2) t) AS multi,
       (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM order_items) AS lines,
       (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM consents) AS consents,
       (SELECT count(*) FROM merges WHERE undone_at IS NULL) AS active,
       (SELECT count(*) FROM merges WHERE undone_at IS NOT NULL) AS undone`,
  );
  const n = (k: string) => Number(c?.[k] ?? 0);
  const status = await engine.query<{ status: string; orders: number }>(
    'SELECT status, count(*) AS orders FROM orders GROUP BY status ORDER BY status',
  );
  const channels = await engine.query<{ channel: string; orders: number; revenue: number; customers: number }>(
    `SELECT channel, count(DISTINCT order_id) AS orders, sum(line_amount) AS revenue, count(DISTINCT customer_id) AS customers
     FROM order_items WHERE status IN ('paid', 'exchanged') GROUP BY channel ORDER BY revenue DESC, channel`,
  );
  return {
    customers: n('customers'),
    customersOnTwoOrMoreChannels: n('multi'),
    orders: n('orders'),
    orderLines: n('lines'),
    events: n('events'),
    consents: n('consents'),
    merges: { active: n('active'), undone: n('undone') },
    ordersByStatus: status.map((r) => ({ status: r.status, orders: Number(r.orders) })),
    revenueByChannel: channels.map((r) => ({
      channel: r.channel,
      orders: Number(r.orders),
      revenue: Number(r.revenue),
      customers: Number(r.customers),
    })),
  };
}

/** How the summary stands: never filled, filled and current, or filled and marked stale by a write since. */
async function summaryState(engine: Engine): Promise<'unfilled' | 'current' | 'stale'> {
  const kinds = new Set((await engine.query<{ kind: string }>('SELECT kind FROM stats_summary')).map((r) => r.kind));
  if (!kinds.has('multi')) return 'unfilled';
  return kinds.has('stale') ? 'stale' : 'current';
}

type Stats = Awaited<ReturnType<typeof readStats>>;
const summaryParts = (s: Stats) => ({
  customersOnTwoOrMoreChannels: s.customersOnTwoOrMoreChannels,
  ordersByStatus: s.ordersByStatus,
  revenueByChannel: s.revenueByChannel,
});

/**
 * readStats agrees with the scan: at once when the summary is current or was never filled (it scans);
 * after a write (stale) it first answers the previous summary figures, flagged, with live row counts,
 * and the scan's figures once the fill it started has run.
 */
async function expectAgrees(
  engine: Engine,
  opts: { state: 'unfilled' | 'current' } | { state: 'stale'; previous: Stats },
) {
  expect(await summaryState(engine)).toBe(opts.state);
  const expected = await scanStats(engine);
  const first = await readStats(engine);
  if (opts.state === 'stale') {
    expect(first.summaryRefreshing).toBe(true);
    expect(summaryParts(first)).toEqual(summaryParts(opts.previous));
    expect(first.orders).toBe(expected.orders);
  } else expect(first).toEqual({ ...expected, summaryRefreshing: false });
  await statsSummarySettled(engine);
  expect(await summaryState(engine)).toBe('current');
  expect(await readStats(engine)).toEqual({ ...expected, summaryRefreshing: false });
  return { ...expected, summaryRefreshing: false };
}

describe('duckdb: the stats summary on the demo brand', () => {
  let brand: DemoBrand;
  beforeAll(async () => {
    brand = await openDemoBrand({ customers: 150, seed: 12, eventsPerCustomer: 2 });
  }, 300_000);
  afterAll(async () => brand?.close());

  it('agrees with the full scan after the demo import and refresh, and is kept afterwards', async () => {
    const s = await expectAgrees(brand.engine, { state: 'unfilled' });
    expect(s.revenueByChannel.length).toBeGreaterThan(1);
    expect(s.customersOnTwoOrMoreChannels).toBeGreaterThan(0);
    await expectAgrees(brand.engine, { state: 'current' });
  });

  it('an import of new orders marks it stale in its own transaction; the next read answers the previous figures, flagged, and fills it', async () => {
    const before = await readStats(brand.engine);
    const dir = tempDir();
    const path = writeCsv(dir, 'pos-more.csv', [
      POS_HEADER,
      ['2026-11-15 11:00:00', 'R-9001', '강남점', 'P1', '니트', '1', '39,000', '1,000', 'M-9001', '010-2222-9001'],
      ['2026-11-15 11:00:00', 'R-9001', '강남점', 'P2', '양말', '2', '6000', '0', 'M-9001', '010-2222-9001'],
      ['2026-11-15 15:30:00', 'R-9002', '성수점', 'P1', '니트', '1', '39000', '0', '', '010-2222-9002'],
    ]);
    const r = await importFile(brand.engine, { path, now: IMPORTED_AT });
    expect(r.status).toBe('imported');
    const after = await expectAgrees(brand.engine, { state: 'stale', previous: before });
    expect(after.orders).toBe(before.orders + 2);
    const revenue = (s: typeof before) => s.revenueByChannel.reduce((a, x) => a + x.revenue, 0);
    expect(revenue(after)).toBe(revenue(before) + 39_000 + 6_000 + 39_000);
  }, 60_000);

  it('a refresh leaves the facts alone and the summary right', async () => {
    const steps = await refreshWarehouse(brand.engine, {
      asOfDay: isoDateToKstDay('2026-11-16') ?? 0,
      clock: () => performance.now(),
    });
    expect(steps.map((s) => s.step)).toContain('segments');
    await expectAgrees(brand.engine, { state: 'current' });
  }, 300_000);

  it('a merge and its undoing mark it stale; a rolled-back write leaves it current', async () => {
    // The member of R-9001 now gives the phone of R-9002's buyer: the two customers merge.
    const path = writeCsv(tempDir(), 'pos-merge.csv', [
      POS_HEADER,
      ['2026-11-15 17:00:00', 'R-9003', '강남점', 'P2', '양말', '1', '6000', '0', 'M-9001', '010-2222-9002'],
    ]);
    const before = await readStats(brand.engine);
    expect((await importFile(brand.engine, { path, now: IMPORTED_AT })).status).toBe('imported');
    const merged = await expectAgrees(brand.engine, { state: 'stale', previous: before });
    const [m] = await brand.engine.query<{ merge_id: string }>(
      'SELECT merge_id FROM merges WHERE undone_at IS NULL ORDER BY merged_at DESC, merge_id LIMIT 1',
    );
    expect(m).toBeDefined();
    expect(merged.merges.active).toBeGreaterThan(0);
    await unmerge(brand.engine, { mergeId: m?.merge_id as string }, { now: IMPORTED_AT });
    const s = await expectAgrees(brand.engine, { state: 'stale', previous: merged });
    expect(s.merges.undone).toBeGreaterThan(0);
    await expect(
      brand.engine.transaction(async (tx) => {
        await tx.exec("UPDATE orders SET status = 'cancelled' WHERE status = 'paid'");
        await invalidateStatsSummary(tx);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await expectAgrees(brand.engine, { state: 'current' });
  }, 60_000);
});

describe('chdb: the stats summary agrees with the full scan', () => {
  let engine: Engine;
  const T = new Date('2026-11-10T00:00:00Z');
  const order = (id: string, customer: string, channel: string, status: string, amount: number) => ({
    order: [id, channel, customer, customer, T, status, amount, 0, amount, 'test'],
    line: [`${id}-1`, id, customer, customer, channel, T, status, 'P1', 1, amount, 0],
  });
  const insertOrders = async (os: ReturnType<typeof order>[]) => {
    await engine.insert(
      'orders',
      [
        'order_id',
        'channel',
        'customer_id',
        'origin_customer_id',
        'ordered_at',
        'status',
        'gross_amount',
        'discount_amount',
        'paid_amount',
        'source',
      ],
      os.map((o) => o.order),
    );
    await engine.insert(
      'order_items',
      [
        'line_id',
        'order_id',
        'customer_id',
        'origin_customer_id',
        'channel',
        'ordered_at',
        'status',
        'product_id',
        'quantity',
        'line_amount',
        'discount_amount',
      ],
      os.map((o) => o.line),
    );
    await invalidateStatsSummary(engine);
  };
  beforeAll(async () => {
    engine = await openMemoryWarehouse('chdb');
    await engine.insert(
      'customers',
      ['customer_id', 'name', 'created_at', 'updated_at'],
      ['a', 'b', 'c'].map((id) => [id, id, T, T]),
    );
    await engine.insert(
      'customer_channels',
      ['customer_id', 'origin_customer_id', 'channel', 'first_seen_at'],
      [
        ['a', 'a', 'cafe24', T],
        ['a', 'a', 'smartstore', T],
        ['b', 'b', 'cafe24', T],
      ],
    );
    await insertOrders([
      order('o1', 'a', 'cafe24', 'paid', 10_000),
      order('o2', 'a', 'smartstore', 'cancelled', 5_000),
      order('o3', 'b', 'cafe24', 'paid', 7_000),
    ]);
  }, 120_000);
  afterAll(async () => {
    await statsSummarySettled(engine);
    await engine?.close();
  });

  it('from a scan, then from the filled summary, then after more orders', async () => {
    const s = await expectAgrees(engine, { state: 'unfilled' });
    expect(s.revenueByChannel).toEqual([{ channel: 'cafe24', orders: 2, revenue: 17_000, customers: 2 }]);
    expect(s.customersOnTwoOrMoreChannels).toBe(1);
    await insertOrders([order('o4', 'c', 'coupang', 'paid', 30_000), order('o5', 'b', 'cafe24', 'returned', 1_000)]);
    const after = await expectAgrees(engine, { state: 'stale', previous: s });
    expect(after.revenueByChannel.map((r) => r.channel)).toEqual(['coupang', 'cafe24']);
    expect(after.ordersByStatus).toEqual([
      { status: 'cancelled', orders: 1 },
      { status: 'paid', orders: 3 },
      { status: 'returned', orders: 1 },
    ]);
  }, 120_000);
});
