import type { Engine } from '../../../src/engines/engine.ts';
import { insertRows } from '../../support/insert-rows.ts';
import { orderLineRow, orderRow } from '../../support/warehouse-rows.ts';

/**
 * Hand-built warehouse for the traits job. As of 2024-06-01 00:00 KST (2024-05-31T15:00Z).
 * Times are UTC; KST = UTC+9. Every expected value in the tests is worked out by hand from here.
 */
export const AS_OF = new Date('2024-05-31T15:00:00Z');

const EVENT_COLS = ['event_id', 'customer_id', 'anonymous_id', 'type', 'occurred_at', 'source'];

type Line = [category: string, quantity: number, amount: number, discount?: number];
type O = [
  id: string,
  customer: string | null,
  channel: string,
  at: string,
  status: string,
  gross: number,
  discount: number,
  coupon: string | null,
  lines: Line[],
];

export const FIXTURE_ORDERS: O[] = [
  [
    'a1',
    'a',
    'smartstore',
    '2024-01-10T01:00:00Z',
    'paid',
    30000,
    3000,
    null,
    [
      ['tops', 1, 15000, 1500],
      ['pants', 1, 12000, 1500],
    ],
  ],
  ['a2', 'a', 'smartstore', '2024-01-20T01:30:00Z', 'cancelled', 10000, 2000, 'WELCOME', [['tops', 1, 8000, 2000]]],
  ['a3', 'a', 'cafe24', '2024-02-09T03:00:00Z', 'paid', 50000, 0, null, [['outer', 1, 50000]]],
  ['a4', 'a', 'cafe24', '2024-03-10T05:00:00Z', 'returned', 20000, 5000, 'SPRING', [['outer', 1, 15000, 5000]]],
  ['a5', 'a', 'cafe24', '2024-04-19T01:00:00Z', 'paid', 40000, 0, null, [['tops', 1, 40000]]],
  ['a6', 'a', 'smartstore', '2024-05-31T15:30:00Z', 'paid', 200000, 0, null, [['hats', 1, 200000]]], // after as-of
  ['b1', 'b', 'musinsa', '2024-05-01T11:00:00Z', 'paid', 9000, 1000, 'APP', [['socks', 1, 8000, 1000]]],
  ['b2', 'b', 'musinsa', '2024-05-01T12:00:00Z', 'paid', 8000, 0, null, [['socks', 1, 8000]]],
  ['b3', 'b', 'musinsa', '2024-05-04T12:00:00Z', 'exchanged', 12000, 2000, null, [['socks', 1, 10000, 2000]]],
  ['c1', 'c', 'smartstore', '2024-03-01T00:00:00Z', 'cancelled', 15000, 0, null, [['bags', 1, 15000]]],
  ['c2', 'c', 'cafe24', '2024-03-15T00:00:00Z', 'paid', 20000, 0, null, [['bags', 1, 20000]]],
  ['c3', 'c', 'smartstore', '2024-04-01T00:00:00Z', 'paid', 25000, 0, null, [['bags', 3, 25000]]],
  ['e1', 'e', 'coupang', '2024-05-10T02:00:00Z', 'paid', 5000, 1000, 'FIRST', [['socks', 1, 4000, 1000]]],
  ['e2', 'e', 'coupang', '2024-05-20T02:00:00Z', 'paid', 30000, 3000, null, [['tops', 1, 27000, 3000]]],
  ['x1', null, 'cafe24', '2024-05-20T02:00:00Z', 'paid', 1000, 0, null, [['tops', 1, 1000]]], // guest order
];

type E = [id: string, customer: string | null, at: string];
export const FIXTURE_EVENTS: E[] = [
  ['ev1', 'a', '2024-02-01T12:00:00Z'], // KST 21
  ['ev2', 'a', '2024-02-02T12:30:00Z'], // KST 21
  ['ev3', 'a', '2024-06-01T12:00:00Z'], // after as-of
  ['ev4', 'a', '2024-06-02T12:00:00Z'], // after as-of
  ['ev5', 'e', '2024-05-11T14:00:00Z'], // KST 23
  ['ev6', 'e', '2024-05-12T14:10:00Z'], // KST 23
  ['ev7', 'e', '2024-05-13T14:20:00Z'], // KST 23
  ['ev8', 'd', '2024-05-01T23:00:00Z'], // KST 08
  ['ev9', 'd', '2024-05-02T23:30:00Z'], // KST 08
  ['ev10', 'd', '2024-05-03T06:00:00Z'], // KST 15
  ['ev11', null, '2024-05-03T06:00:00Z'],
];

export async function insertTraitsFixture(engine: Engine): Promise<void> {
  const now = new Date('2024-01-01T00:00:00Z');
  await engine.insert(
    'customers',
    ['customer_id', 'created_at', 'updated_at'],
    ['a', 'b', 'c', 'd', 'e'].map((id) => [id, now, now]),
  );
  await insertRows(
    engine,
    'orders',
    FIXTURE_ORDERS.map(([id, customer, channel, at, status, gross, discount, coupon, lines]) =>
      orderRow({
        id,
        customer,
        channel,
        at,
        status,
        gross,
        discount,
        coupon,
        paid: lines.reduce((s, l) => s + l[2], 0),
      }),
    ),
  );
  await insertRows(
    engine,
    'order_items',
    FIXTURE_ORDERS.flatMap(([order, customer, channel, at, status, , , , lines]) =>
      lines.map(([category, quantity, amount, discount], i) =>
        orderLineRow({
          id: `${order}-${i}`,
          order,
          customer,
          channel,
          at,
          status,
          product: `${category}-p`,
          category,
          quantity,
          amount,
          discount: discount ?? 0,
        }),
      ),
    ),
  );
  await engine.insert(
    'events',
    EVENT_COLS,
    FIXTURE_EVENTS.map(([id, c, at]) => [id, c, c === null ? 'anon-1' : null, 'page_view', new Date(at), 'test']),
  );
}
