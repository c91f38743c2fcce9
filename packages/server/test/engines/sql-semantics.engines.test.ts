import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warehouseDataEnd } from '../../src/analytics/as-of.ts';
import { readCampaignStatus } from '../../src/campaigns/campaign-status.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { type EngineKind, openMemoryWarehouse } from '../../src/engines/open-engine.ts';

// Where ClickHouse answers differently from DuckDB by default, the engine's settings make it answer
// as DuckDB (standard SQL) does: the same statements give the same rows on both engines.

const ENGINES: EngineKind[] = ['duckdb', 'chdb'];
const engines = new Map<EngineKind, Engine>();
const T = new Date('2026-03-01T00:00:00Z');
/** `warehouseDataEnd` of each engine before anything was written. */
const emptyEnd = new Map<EngineKind, Date | undefined>();
beforeAll(async () => {
  for (const k of ENGINES) engines.set(k, await openMemoryWarehouse(k));
  for (const [k, e] of engines) {
    emptyEnd.set(k, await warehouseDataEnd(e));
    await e.insert(
      'customers',
      ['customer_id', 'name', 'email', 'created_at', 'updated_at'],
      [
        ['c1', '김하나', 'a', T, T],
        ['c2', '이둘', null, T, T],
        ['c3', '박셋', 'b', T, T],
      ],
    );
    await e.insert(
      'orders',
      [
        'order_id',
        'channel',
        'ordered_at',
        'status',
        'gross_amount',
        'discount_amount',
        'paid_amount',
        'source',
        'customer_id',
      ],
      [['o1', 'cafe24', T, 'paid', 1000, 0, 1000, 'test', 'c1']],
    );
  }
});
afterAll(async () => {
  for (const e of engines.values()) await e.close();
});

/** The rows of `sql` on every engine; they must be equal. */
async function same(sql: string): Promise<unknown> {
  const out = await Promise.all(ENGINES.map(async (k) => (engines.get(k) as Engine).query(sql)));
  for (const r of out.slice(1)) expect(r).toEqual(out[0]);
  return out[0];
}

describe('SQL semantics on DuckDB and ClickHouse (chDB)', () => {
  it('an aggregate over no rows is NULL, not 0, an empty string or 1970-01-01; count is 0', async () => {
    expect(
      await same(
        "SELECT sum(paid_amount) AS s, max(ordered_at) AS latest, min(order_id) AS first, avg(paid_amount) AS a, count(*) AS n FROM orders WHERE channel = 'none'",
      ),
    ).toEqual([{ s: null, latest: null, first: null, a: null, n: 0 }]);
    expect(await same("SELECT (SELECT max(ordered_at) FROM orders WHERE channel = 'none') AS t")).toEqual([
      { t: null },
    ]);
  });

  it('a left join without a match gives NULLs (also a count of the joined side); a selected `c.col` is named `col`', async () => {
    expect(
      await same(
        `SELECT c.customer_id, o.paid_amount, x.n FROM customers c
         LEFT JOIN orders o ON o.customer_id = c.customer_id
         LEFT JOIN (SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id) x ON x.customer_id = c.customer_id
         ORDER BY c.customer_id`,
      ),
    ).toEqual([
      { customer_id: 'c1', paid_amount: 1000, n: 1 },
      { customer_id: 'c2', paid_amount: null, n: null },
      { customer_id: 'c3', paid_amount: null, n: null },
    ]);
  });

  it('NULL in and out of IN, NOT IN, || and ORDER BY', async () => {
    // A comparison selected as a value is BOOLEAN on DuckDB and UInt8 on ClickHouse: read it through CASE.
    expect(
      await same(
        `SELECT x, CASE WHEN x IN ('a') THEN 'in' WHEN x NOT IN ('a') THEN 'out' ELSE 'unknown' END AS membership,
           x || '!' AS bang FROM (SELECT email AS x FROM customers) t ORDER BY x DESC`,
      ),
    ).toEqual([
      { x: 'b', membership: 'out', bang: 'b!' },
      { x: 'a', membership: 'in', bang: 'a!' },
      { x: null, membership: 'unknown', bang: null },
    ]);
    expect(await same("SELECT count(*) AS n FROM customers WHERE email NOT IN ('a')")).toEqual([{ n: 1 }]);
  });

  it('the queries that read an empty aggregate answer as on DuckDB', async () => {
    for (const [k, e] of engines) {
      // An empty warehouse has no end of data (ClickHouse's default read 1970-01-01 as that end);
      // with orders and no events, the last order is the end.
      expect(emptyEnd.get(k), k).toBeUndefined();
      expect(await warehouseDataEnd(e), k).toEqual(T);
      // A campaign that never ran has no last planned send.
      expect((await readCampaignStatus(e, 'never-ran')).lastPlannedAt, k).toBeNull();
    }
  });
});
