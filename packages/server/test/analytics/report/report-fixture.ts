import type { Engine } from '../../../src/engines/engine.ts';
import { insertRows } from '../../support/insert-rows.ts';
import { orderLineRow, orderRow } from '../../support/warehouse-rows.ts';

/** As of 2024-06-01 00:00 KST. Every figure in the report tests is worked out by hand from here. */
export const REPORT_AS_OF = new Date('2024-05-31T15:00:00Z');

const PRODUCTS: Record<string, [string, string]> = {
  T1: ['티셔츠', 'tops'],
  B1: ['토트백', 'bags'],
  S1: ['스니커즈', 'shoes'],
  K1: ['양말', 'socks'],
};

type O = [
  id: string,
  customer: string,
  channel: string,
  at: string,
  status: string,
  lines: [product: string, amount: number][],
];
const ORDERS: O[] = [
  ['o1', 'p1', 'cafe24', '2024-05-20T03:00:00Z', 'paid', [['T1', 30000]]],
  ['o2', 'p1', 'cafe24', '2024-04-10T03:00:00Z', 'paid', [['B1', 20000]]],
  ['o9', 'p1', 'cafe24', '2024-02-29T16:00:00Z', 'paid', [['B1', 7000]]], // 2024-03-01 01:00 KST
  [
    'o3',
    'p2',
    'smartstore',
    '2024-03-15T03:00:00Z',
    'paid',
    [
      ['T1', 20000],
      ['S1', 30000],
    ],
  ],
  ['o8', 'p2', 'smartstore', '2024-05-31T14:00:00Z', 'exchanged', [['K1', 5000]]], // May 31 23:00 KST
  ['o4', 'p4', 'cafe24', '2024-05-30T03:00:00Z', 'paid', [['K1', 10000]]],
  ['o5', 'p4', 'cafe24', '2024-05-01T03:00:00Z', 'cancelled', [['T1', 99000]]],
  ['o6', 'p5', 'coupang', '2023-01-10T03:00:00Z', 'paid', [['S1', 40000]]],
  ['o7', 'p6', 'smartstore', '2024-06-01T00:00:00Z', 'paid', [['T1', 10000]]], // after as-of
];

type C = [id: string, customer: string, channel: string, purpose: string, granted: boolean, at: string];
const CONSENTS: C[] = [
  ['c01', 'p1', 'sms', 'ad', true, '2024-01-01T00:00:00Z'],
  ['c02', 'p1', 'sms', 'ad', false, '2024-03-01T00:00:00Z'],
  ['c03', 'p1', 'kakao', 'ad', true, '2024-02-01T00:00:00Z'],
  ['c04', 'p1', 'email', 'ad', true, '2024-02-01T00:00:00Z'],
  ['c05', 'p2', 'sms', 'ad', true, '2024-01-01T00:00:00Z'],
  ['c06', 'p2', 'sms', 'ad', false, '2024-07-01T00:00:00Z'], // after as-of
  ['c07', 'p2', 'kakao', 'night_ad', true, '2024-01-01T00:00:00Z'],
  ['c08', 'p3', 'email', 'ad', true, '2024-05-01T00:00:00Z'],
  ['c09', 'p3', 'push', 'ad', true, '2024-05-01T00:00:00Z'],
  ['c-a', 'p3', 'sms', 'ad', true, '2024-05-02T00:00:00Z'],
  ['c-b', 'p3', 'sms', 'ad', false, '2024-05-02T00:00:00Z'], // same instant: the larger id wins
  ['c10', 'p4', 'sms', 'ad', true, '2024-01-01T00:00:00Z'],
];

type E = [id: string, customer: string | null, type: string, at: string];
const EVENTS: E[] = [
  ['e1', 'p1', 'page_view', '2024-05-10T01:00:00Z'],
  ['e2', 'p1', 'product_view', '2024-05-10T01:10:00Z'],
  ['e3', 'p1', 'page_view', '2024-05-10T01:35:00Z'],
  ['e4', 'p1', 'page_view', '2024-05-10T02:10:00Z'],
  ['e5', 'p2', 'product_view', '2024-05-11T05:00:00Z'],
  ['e6', 'p2', 'add_to_cart', '2024-05-11T05:20:00Z'],
  ['e7', 'p2', 'page_view', '2024-05-11T05:29:00Z'],
  ['e8', 'p2', 'page_view', '2024-01-01T00:00:00Z'], // outside the 90-day window
  ['e9', null, 'page_view', '2024-05-11T05:00:00Z'],
  ['e10', 'p4', 'page_view', '2024-05-12T05:00:00Z'],
];

export async function insertReportFixture(engine: Engine): Promise<void> {
  const t = new Date('2023-01-01T00:00:00Z');
  const contacts: Record<string, [string | null, string | null]> = {
    p1: ['+821011112222', null],
    p2: ['+821033334444', 'p2@example.com'],
    p3: [null, 'p3@example.com'],
    p4: ['+821055556666', null],
    p5: [null, null],
    p6: [null, null],
  };
  await engine.insert(
    'customers',
    ['customer_id', 'phone', 'email', 'created_at', 'updated_at'],
    Object.entries(contacts).map(([id, [ph, em]]) => [id, ph, em, t, t]),
  );
  await insertRows(
    engine,
    'orders',
    ORDERS.map(([id, customer, channel, at, status, lines]) =>
      orderRow({ id, customer, channel, at, status, gross: lines.reduce((s, l) => s + l[1], 0) }),
    ),
  );
  await insertRows(
    engine,
    'order_items',
    ORDERS.flatMap(([order, customer, channel, at, status, lines]) =>
      lines.map(([product, amount], i) =>
        orderLineRow({
          id: `${order}-${i}`,
          order,
          customer,
          channel,
          at,
          status,
          product,
          name: PRODUCTS[product]?.[0] ?? null,
          category: PRODUCTS[product]?.[1] ?? null,
          amount,
        }),
      ),
    ),
  );
  await engine.insert(
    'consents',
    ['consent_id', 'customer_id', 'origin_customer_id', 'channel', 'purpose', 'granted', 'at', 'source'],
    CONSENTS.map(([id, c, ch, pu, g, at]) => [id, c, c, ch, pu, g, new Date(at), 'test']),
  );
  await engine.insert(
    'events',
    ['event_id', 'customer_id', 'anonymous_id', 'type', 'occurred_at', 'source'],
    EVENTS.map(([id, c, ty, at]) => [id, c, 'anon', ty, new Date(at), 'test']),
  );
}
