import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { type EngineKind, openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { countSegment, findSegmentMembers } from '../../src/segments/count-segment.ts';
import { addNewCustomerFeatures, refreshFeatures } from '../../src/segments/refresh-features.ts';
import { AS_OF, ago } from './fixture.ts';

type Row = Record<string, unknown>;
const T0 = ago(400);
const customer = (id: string): Row => ({ customer_id: id, created_at: T0, updated_at: T0 });
let seq = 0;
const visit = (customer_id: string | null, when: Date, utm: [string | null, string | null, string | null]): Row => ({
  event_id: `e${String(++seq).padStart(3, '0')}`,
  customer_id,
  anonymous_id: customer_id ? null : 'anon-1',
  type: 'page_view',
  occurred_at: when,
  utm_source: utm[0],
  utm_medium: utm[1],
  utm_campaign: utm[2],
  source: 'test',
});

/**
 * t1: naver/cpc/spring 30 days ago, a visit without UTM, instagram/social 10 days ago, kakao after asOf.
 * t2: one google/organic visit 5 days ago (no campaign). t3: visits without UTM and one with a blank
 * source only. t4: no events. t5: two UTM visits at the same instant (ties broken by event id).
 */
const EVENTS: Row[] = [
  visit('t1', ago(30), ['naver', 'cpc', 'spring']),
  visit('t1', ago(20), [null, null, null]),
  visit('t1', ago(10), ['instagram', 'social', null]),
  visit('t1', new Date(AS_OF.getTime() + 86_400_000), ['kakao', 'message', 'late']),
  visit('t2', ago(5), ['google', 'organic', null]),
  visit('t3', ago(3), [null, 'cpc', 'x']),
  visit('t3', ago(2), ['', 'cpc', 'y']),
  visit('t5', ago(50), ['daum', 'display', 'b']),
  visit('t5', ago(50), ['naver', 'display', 'a']),
  visit(null, ago(1), ['naver', 'cpc', 'anon']),
];

async function insert(engine: Engine, table: string, rows: Row[]): Promise<void> {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  await engine.insert(
    table,
    columns,
    rows.map((r) => columns.map((c) => r[c] ?? null)),
  );
}

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(v as string).toISOString());

for (const kind of ['duckdb', 'chdb'] as EngineKind[]) {
  describe(`${kind}: first and last UTM touch`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await openMemoryWarehouse(kind);
      await insert(engine, 'customers', ['t1', 't2', 't3', 't4', 't5'].map(customer));
      await insert(engine, 'events', EVENTS);
      await refreshFeatures(engine, { asOf: AS_OF });
    });
    afterAll(async () => {
      await engine.close();
    });

    it('keeps source, medium and campaign of one event per touch, up to asOf', async () => {
      const rows = await engine.query<Row>(
        `SELECT customer_id, first_touch_at, first_utm_source, first_utm_medium, first_utm_campaign,
                last_touch_at, last_utm_source, last_utm_medium, last_utm_campaign
         FROM customer_features ORDER BY customer_id`,
      );
      const got = rows.map((r) => ({
        ...r,
        first_touch_at: iso(r.first_touch_at),
        last_touch_at: iso(r.last_touch_at),
      }));
      const none = { first_touch_at: null, first_utm_source: null, first_utm_medium: null, first_utm_campaign: null };
      const noneLast = { last_touch_at: null, last_utm_source: null, last_utm_medium: null, last_utm_campaign: null };
      expect(got).toEqual([
        {
          customer_id: 't1',
          first_touch_at: ago(30).toISOString(),
          first_utm_source: 'naver',
          first_utm_medium: 'cpc',
          first_utm_campaign: 'spring',
          last_touch_at: ago(10).toISOString(),
          last_utm_source: 'instagram',
          last_utm_medium: 'social',
          last_utm_campaign: null,
        },
        {
          customer_id: 't2',
          first_touch_at: ago(5).toISOString(),
          first_utm_source: 'google',
          first_utm_medium: 'organic',
          first_utm_campaign: null,
          last_touch_at: ago(5).toISOString(),
          last_utm_source: 'google',
          last_utm_medium: 'organic',
          last_utm_campaign: null,
        },
        { customer_id: 't3', ...none, ...noneLast },
        { customer_id: 't4', ...none, ...noneLast },
        {
          customer_id: 't5',
          first_touch_at: ago(50).toISOString(),
          first_utm_source: 'daum',
          first_utm_medium: 'display',
          first_utm_campaign: 'b',
          last_touch_at: ago(50).toISOString(),
          last_utm_source: 'naver',
          last_utm_medium: 'display',
          last_utm_campaign: 'a',
        },
      ]);
    });

    it.each([
      ['first source naver', { kind: 'profile', field: 'first_utm_source', op: 'eq', value: 'naver' }, ['t1']],
      ['last source naver', { kind: 'profile', field: 'last_utm_source', op: 'in', value: ['naver', 'kakao'] }, ['t5']],
      [
        'last medium not social',
        { kind: 'profile', field: 'last_utm_medium', op: 'not_in', value: ['social'] },
        ['t2', 't5'],
      ],
      ['first campaign set', { kind: 'profile', field: 'first_utm_campaign', op: 'exists' }, ['t1', 't5']],
      ['never touched', { kind: 'profile', field: 'first_touch_at', op: 'not_exists' }, ['t3', 't4']],
      [
        'first touch in the last 7 days',
        { kind: 'profile', field: 'first_touch_at', op: 'within', window: { kind: 'last_days', days: 7 } },
        ['t2'],
      ],
      [
        'last touch in the last 14 days',
        { kind: 'profile', field: 'last_touch_at', op: 'within', window: { kind: 'last_days', days: 14 } },
        ['t1', 't2'],
      ],
    ] as const)('segment: %s', async (_name, root, expected) => {
      const def = { version: 1, root };
      const members = await findSegmentMembers(engine, def, { asOf: AS_OF });
      if (!members.ok) throw new Error(JSON.stringify(members.issues));
      expect(members.customerIds).toEqual([...expected]);
      const counted = await countSegment(engine, def, { asOf: AS_OF });
      expect(counted.ok && counted.count).toBe(expected.length);
    });

    it('a customer created after the refresh gets their touches with their new features row', async () => {
      await insert(engine, 'customers', [customer('t6')]);
      await insert(engine, 'events', [visit('t6', ago(1), ['kakao', 'message', 'welcome'])]);
      expect(await addNewCustomerFeatures(engine, AS_OF)).toBe(1);
      const [row] = await engine.query<Row>(
        "SELECT first_utm_source, last_utm_campaign FROM customer_features WHERE customer_id = 't6'",
      );
      expect(row).toEqual({ first_utm_source: 'kakao', last_utm_campaign: 'welcome' });
    });
  });
}
