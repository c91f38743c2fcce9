import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { type EngineKind, openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { countSegment, findSegmentMembers } from '../../src/segments/count-segment.ts';
import { refreshFeatures } from '../../src/segments/refresh-features.ts';
import { ALL_IDS, AS_OF, HOSTILE, loadFixture } from './fixture.ts';

type Case = readonly [name: string, root: unknown, expected: readonly string[]];
const except = (...ids: string[]): string[] => ALL_IDS.filter((i) => !ids.includes(i));

/** Every condition kind, each with the member ids worked out by hand from fixture.ts. */
export const CASES: readonly Case[] = [
  [
    'profile: gender = F',
    { kind: 'profile', field: 'gender', op: 'eq', value: 'F' },
    ['c01', 'c03', 'c05', 'c08', 'c09', 'c10', 'c12'],
  ],
  [
    'not: unknown gender counts as "not F"',
    { kind: 'not', item: { kind: 'profile', field: 'gender', op: 'eq', value: 'F' } },
    ['c02', 'c04', 'c06', 'c07', 'c11'],
  ],
  [
    'profile: age band 20s (year-based)',
    { kind: 'profile', field: 'age', op: 'between', value: [20, 29] },
    ['c03', 'c09'],
  ],
  [
    'profile: grade in',
    { kind: 'profile', field: 'grade', op: 'in', value: ['VIP', 'GOLD'] },
    ['c01', 'c02', 'c05', 'c08'],
  ],
  [
    'profile: grade not in (NULL excluded)',
    { kind: 'profile', field: 'grade', op: 'not_in', value: ['VIP'] },
    ['c02', 'c08', 'c09'],
  ],
  ['profile: custom string attribute', { kind: 'profile', field: 'attributes.skin', op: 'eq', value: 'dry' }, ['c01']],
  [
    'profile: custom number attribute',
    { kind: 'profile', field: 'attributes.points', op: 'gte', value: 1000 },
    ['c01'],
  ],
  [
    'profile: hostile attribute value',
    { kind: 'profile', field: 'attributes.skin', op: 'eq', value: HOSTILE },
    ['c09'],
  ],
  [
    'profile: has email',
    { kind: 'profile', field: 'has_email', op: 'eq', value: true },
    ['c01', 'c03', 'c05', 'c08', 'c09'],
  ],
  ['profile: top spenders', { kind: 'profile', field: 'spend_percentile', op: 'gte', value: 0.8 }, ['c05', 'c08']],
  ['channel: member of cafe24', { kind: 'channel', channels: ['cafe24'] }, ['c01', 'c03', 'c05', 'c08']],
  [
    'channel: joined cafe24 exactly 10 days ago',
    { kind: 'channel', channels: ['cafe24'], joined: { kind: 'days_ago', min: 10, max: 10 } },
    ['c03'],
  ],
  [
    'channel: new kakao friend this week',
    { kind: 'channel', channels: ['kakao'], joined: { kind: 'last_days', days: 7 } },
    ['c12'],
  ],
  ['orders: exactly one purchase', { kind: 'orders', measure: 'count', op: 'eq', value: 1 }, ['c01', 'c09']],
  [
    'orders: last purchase 90–120 days ago',
    { kind: 'orders', measure: 'days_since_last', op: 'between', value: [90, 120] },
    ['c01'],
  ],
  [
    'and: the explain example',
    {
      kind: 'and',
      items: [
        { kind: 'orders', measure: 'days_since_last', op: 'between', value: [90, 120] },
        { kind: 'orders', measure: 'count', op: 'eq', value: 1 },
      ],
    },
    ['c01'],
  ],
  [
    'orders: ≥ 3 smartstore purchases',
    { kind: 'orders', filter: { channels: ['smartstore'] }, measure: 'count', op: 'gte', value: 3 },
    ['c02', 'c08'],
  ],
  [
    'orders: spent ≥ 100,000 in the last 30 days',
    { kind: 'orders', filter: { window: { kind: 'last_days', days: 30 } }, measure: 'sum', op: 'gte', value: 100_000 },
    ['c05'],
  ],
  [
    'orders: no purchase in the last 30 days (complement)',
    { kind: 'orders', filter: { window: { kind: 'last_days', days: 30 } }, measure: 'count', op: 'lt', value: 1 },
    except('c02', 'c04', 'c05', 'c08'),
  ],
  [
    'orders: discount-sensitive',
    { kind: 'orders', measure: 'avg_discount_rate', op: 'gte', value: 0.15 },
    ['c01', 'c04'],
  ],
  ['orders: coupon used ≥ 2 times', { kind: 'orders', measure: 'coupon_count', op: 'gte', value: 2 }, ['c05']],
  [
    'orders: cancel/return rate ≥ 30 %',
    { kind: 'orders', measure: 'cancel_return_rate', op: 'gte', value: 0.3 },
    ['c05'],
  ],
  [
    'orders: store filter',
    { kind: 'orders', filter: { stores: ['gangnam'] }, measure: 'count', op: 'gte', value: 2 },
    ['c04'],
  ],
  [
    'orders: product filter',
    { kind: 'orders', filter: { products: ['P2'] }, measure: 'count', op: 'gte', value: 1 },
    ['c08'],
  ],
  [
    'orders: category filter',
    { kind: 'orders', filter: { categories: ['스킨케어'] }, measure: 'sum', op: 'gte', value: 500_000 },
    ['c05'],
  ],
  [
    'orders: discounted purchases',
    { kind: 'orders', filter: { discounted: true }, measure: 'count', op: 'gte', value: 1 },
    ['c01', 'c04', 'c08'],
  ],
  [
    'orders: coupon purchases',
    { kind: 'orders', filter: { coupon: true }, measure: 'count', op: 'gte', value: 1 },
    ['c01', 'c05'],
  ],
  [
    'orders: last purchase within 0–30 days ago',
    { kind: 'orders', measure: 'last_date', op: 'within', window: { kind: 'days_ago', min: 0, max: 30 } },
    ['c02', 'c04', 'c05', 'c08'],
  ],
  [
    'orders: first purchase in 2025',
    { kind: 'orders', measure: 'first_date', op: 'within', window: { kind: 'dates', from: '2025-01-01' } },
    ['c01', 'c04', 'c08', 'c09'],
  ],
  [
    'orders: days since last ≤ 10',
    { kind: 'orders', measure: 'days_since_last', op: 'lte', value: 10 },
    ['c02', 'c04'],
  ],
  [
    'orders: never bought',
    { kind: 'orders', measure: 'days_since_first', op: 'not_exists' },
    ['c03', 'c06', 'c07', 'c10', 'c11', 'c12'],
  ],
  [
    'events: added to cart this week',
    { kind: 'events', type: 'add_to_cart', window: { kind: 'last_days', days: 7 } },
    ['c03', 'c04', 'c07'],
  ],
  [
    'events: viewed P1 3–5 times in 7 days',
    {
      kind: 'events',
      type: 'product_view',
      product: 'P1',
      window: { kind: 'last_days', days: 7 },
      count: { min: 3, max: 5 },
    },
    ['c03'],
  ],
  [
    'events: never viewed P1 (count max 0)',
    { kind: 'events', type: 'product_view', product: 'P1', window: { kind: 'last_days', days: 7 }, count: { max: 0 } },
    except('c03', 'c10'),
  ],
  [
    'events: string property',
    { kind: 'events', type: 'search', properties: [{ key: 'query', op: 'eq', value: '선크림' }] },
    ['c10'],
  ],
  [
    'events: number property',
    { kind: 'events', type: 'search', properties: [{ key: 'results', op: 'gte', value: 10 }] },
    ['c10'],
  ],
  [
    'events: hostile property value',
    { kind: 'events', type: 'search', properties: [{ key: 'query', op: 'in', value: [HOSTILE, 'x'] }] },
    ['c09'],
  ],
  [
    'sequence: cart abandonment (no purchase within 72 h)',
    {
      kind: 'sequence',
      did: { type: 'add_to_cart', window: { kind: 'last_days', days: 30 } },
      thenNot: { source: 'order' },
      withinHours: 72,
    },
    ['c03'],
  ],
  [
    'sequence: viewed a product 3–5 times and did not buy it',
    {
      kind: 'sequence',
      did: { type: 'product_view', window: { kind: 'last_days', days: 7 }, count: { min: 3, max: 5 } },
      thenNot: { source: 'order' },
      sameProduct: true,
    },
    ['c03'],
  ],
  [
    'anniversary: birthday within 7 days (lunar-aware)',
    { kind: 'anniversary', date: 'birthday', toDays: 7 },
    ['c01', 'c02'],
  ],
  ['anniversary: sign-up anniversary within 5 days', { kind: 'anniversary', date: 'signup', toDays: 5 }, ['c01']],
  ['reachable: sms ad', { kind: 'reachable', channel: 'sms', purpose: 'ad' }, ['c01', 'c05']],
  ['reachable: kakao night ad', { kind: 'reachable', channel: 'kakao', purpose: 'night_ad' }, ['c04']],
  ['reachable: email ad (withdrawal wins)', { kind: 'reachable', channel: 'email', purpose: 'ad' }, ['c05']],
  [
    'reachable: email informational',
    { kind: 'reachable', channel: 'email', purpose: 'info' },
    ['c01', 'c03', 'c05', 'c08', 'c09'],
  ],
  ['segment: current members of seg-a', { kind: 'segment', segmentId: 'seg-a' }, ['c01', 'c04']],
  [
    'analytics: RFM champions',
    { kind: 'analytics', field: 'rfm.segment', op: 'eq', value: 'champions' },
    ['c05', 'c08'],
  ],
  ['analytics: P(alive) ≥ 0.8', { kind: 'analytics', field: 'clv.p_alive', op: 'gte', value: 0.8 }, ['c08']],
  ['analytics: migrated to own shop', { kind: 'analytics', field: 'traits.migrated_at', op: 'exists' }, ['c08']],
  [
    'analytics: no RFM score',
    { kind: 'analytics', field: 'rfm.r_score', op: 'not_exists' },
    except('c01', 'c05', 'c08'),
  ],
  ['related product: any', { kind: 'related_product' }, ['c01', 'c08']],
  ['related product: P2', { kind: 'related_product', product: 'P2' }, ['c08']],
  ['warranty: issued 2 years ago today', { kind: 'warranty', window: { kind: 'years_ago', years: 2 } }, ['c05']],
  ['warranty: issued 7 days ago', { kind: 'warranty', window: { kind: 'days_ago', min: 7, max: 7 } }, ['c06']],
  ['all', { kind: 'all' }, ALL_IDS],
  [
    'or',
    {
      kind: 'or',
      items: [
        { kind: 'reachable', channel: 'sms', purpose: 'ad' },
        { kind: 'segment', segmentId: 'seg-a' },
      ],
    },
    ['c01', 'c04', 'c05'],
  ],
  [
    'and + not: warranty 7 days ago and not a member',
    {
      kind: 'and',
      items: [
        { kind: 'warranty', window: { kind: 'days_ago', min: 7, max: 7 } },
        { kind: 'not', item: { kind: 'channel', channels: ['cafe24', 'kakao'] } },
      ],
    },
    ['c06'],
  ],
  ['empty or = no one', { kind: 'or', items: [] }, []],
];

const KINDS: EngineKind[] = ['duckdb', 'chdb'];

for (const kind of KINDS) {
  describe(`${kind}: segment conditions`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await openMemoryWarehouse(kind);
      await loadFixture(engine);
      await refreshFeatures(engine, { asOf: AS_OF });
    });
    afterAll(async () => {
      await engine.close();
    });

    it.each(CASES)('%s', async (_name, root, expected) => {
      const def = { version: 1, root };
      const members = await findSegmentMembers(engine, def, { asOf: AS_OF });
      if (!members.ok) throw new Error(JSON.stringify(members.issues));
      expect(members.customerIds).toEqual([...expected].sort());
      expect(members.query.sql).not.toContain('DROP');
      const counted = await countSegment(engine, def, { asOf: AS_OF });
      expect(counted.ok && counted.count).toBe(expected.length);
    });

    it('leaves the hostile rows and the tables intact', async () => {
      const rows = await engine.query<{ n: number }>('SELECT count(*) AS n FROM customers');
      expect(rows).toEqual([{ n: ALL_IDS.length }]);
    });
  });
}
