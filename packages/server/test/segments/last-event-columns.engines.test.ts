import { DAY_MS } from '@dalbit/core/time/kst';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { type EngineKind, openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { countSegment, findSegmentMembers, readLastEventsSpan } from '../../src/segments/count-segment.ts';
import { refreshFeatures } from '../../src/segments/refresh-features.ts';
import { AS_OF, ago, loadFixture } from './fixture.ts';

// Issue 12: a live count reads "did X at least once" from the features row's last-event column
// (events before its cut-off, a day before the refresh) plus a scan of the events since; members
// (what a campaign sends to) read the events themselves. Both must name the same customers.

const cart = (window?: unknown) => ({ kind: 'events', type: 'add_to_cart', ...(window ? { window } : {}) });
const ROOTS: readonly [string, unknown][] = [
  ['cart in 7 days (one before the cut-off, one on it)', cart({ kind: 'last_days', days: 7 })],
  ['cart in 3 days', cart({ kind: 'last_days', days: 3 })],
  ['cart ever', cart()],
  ['no cart in 7 days', { kind: 'not', item: cart({ kind: 'last_days', days: 7 }) }],
  [
    'kakao channel added 1–3 days ago',
    { kind: 'events', type: 'channel_added', window: { kind: 'days_ago', min: 0, max: 3 } },
  ],
  [
    'cart in 7 days and an order, or a search',
    {
      kind: 'or',
      items: [
        {
          kind: 'and',
          items: [cart({ kind: 'last_days', days: 7 }), { kind: 'orders', measure: 'count', op: 'gte', value: 1 }],
        },
        { kind: 'events', type: 'search' },
      ],
    },
  ],
  ['product view in 2 days', { kind: 'events', type: 'product_view', window: { kind: 'last_days', days: 2 } }],
];

async function bothWays(engine: Engine, root: unknown, asOf: Date) {
  const def = { version: 1, root };
  const counted = await countSegment(engine, def, { asOf });
  const members = await findSegmentMembers(engine, def, { asOf });
  if (!counted.ok || !members.ok) throw new Error('invalid definition');
  return { count: counted.count, sql: counted.query.sql, members: members.customerIds, membersSql: members.query.sql };
}

const KINDS: EngineKind[] = ['duckdb', 'chdb'];

for (const kind of KINDS) {
  describe(`${kind}: live counts from the last-event columns`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await openMemoryWarehouse(kind);
      await loadFixture(engine);
      await refreshFeatures(engine, { asOf: AS_OF });
    });
    afterAll(async () => {
      await engine.close();
    });

    it('every features row records its cut-off, a day before the refresh', async () => {
      expect(await readLastEventsSpan(engine)).toEqual({
        from: new Date(AS_OF.getTime() - DAY_MS),
        to: new Date(AS_OF.getTime() - DAY_MS),
      });
    });

    it.each(ROOTS)('%s: the count reads the column and agrees with the members', async (_name, root) => {
      const r = await bothWays(engine, root, AS_OF);
      expect(r.sql).toMatch(/last_(add_to_cart|channel_added|product_view)_at/);
      expect(r.membersSql).not.toMatch(/last_\w+_at/);
      expect(r.count).toBe(r.members.length);
    });

    it('hand-worked figures: carts in 7 days c03, c04 (before the cut-off) and c07 (on it)', async () => {
      const r = await bothWays(engine, cart({ kind: 'last_days', days: 7 }), AS_OF);
      expect(r.members).toEqual(['c03', 'c04', 'c07']);
      expect(r.count).toBe(3);
    });

    it('a count as of a time before the cut-off reads the events themselves', async () => {
      const asOf = new Date(AS_OF.getTime() - 3 * DAY_MS);
      const r = await bothWays(engine, cart({ kind: 'last_days', days: 7 }), asOf);
      expect(r.sql).not.toMatch(/last_add_to_cart_at/);
      expect(r.members).toEqual(['c03', 'c04']);
      expect(r.count).toBe(2);
    });

    it('a product, property or count bound keeps the events scan', async () => {
      const r = await bothWays(
        engine,
        { kind: 'events', type: 'add_to_cart', product: 'P1', window: { kind: 'last_days', days: 7 } },
        AS_OF,
      );
      expect(r.sql).not.toMatch(/last_add_to_cart_at/);
      expect(r.members).toEqual(['c03', 'c07']);
    });

    it('an event tracked after the refresh counts at once; one dated before the cut-off waits for the next refresh', async () => {
      const row = (id: string, customer: string, at: Date) => [
        id,
        customer,
        customer,
        'add_to_cart',
        at,
        'P2',
        'tracker',
      ];
      const columns = ['event_id', 'customer_id', 'origin_customer_id', 'type', 'occurred_at', 'product_id', 'source'];
      await engine.insert('events', columns, [row('late-new', 'c01', new Date(AS_OF.getTime() - 3_600_000))]);
      const fresh = await bothWays(engine, cart({ kind: 'last_days', days: 7 }), AS_OF);
      expect(fresh.members).toEqual(['c01', 'c03', 'c04', 'c07']);
      expect(fresh.count).toBe(4);

      await engine.insert('events', columns, [row('late-old', 'c02', ago(4))]);
      const late = await bothWays(engine, cart({ kind: 'last_days', days: 7 }), AS_OF);
      expect(late.members).toEqual(['c01', 'c02', 'c03', 'c04', 'c07']);
      expect(late.count).toBe(4); // decision 0024: known to the count from the next refresh on

      await refreshFeatures(engine, { asOf: AS_OF });
      const refreshed = await bothWays(engine, cart({ kind: 'last_days', days: 7 }), AS_OF);
      expect(refreshed.count).toBe(5);
    });
  });
}

describe('duckdb: a features table from before migration 14', () => {
  it('rows without a cut-off make the count read the events themselves', async () => {
    const engine = await openMemoryWarehouse('duckdb');
    try {
      await loadFixture(engine);
      await refreshFeatures(engine, { asOf: AS_OF });
      await engine.exec("UPDATE customer_features SET last_events_before = NULL WHERE customer_id = 'c01'");
      expect(await readLastEventsSpan(engine)).toBeUndefined();
      const r = await bothWays(engine, cart({ kind: 'last_days', days: 7 }), AS_OF);
      expect(r.sql).not.toMatch(/last_add_to_cart_at/);
      expect(r.count).toBe(3);
    } finally {
      await engine.close();
    }
  });
});
