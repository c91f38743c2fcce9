import { createRng } from '@dalbit/core/math/random/prng';
import type { Engine } from '../../../src/engines/engine.ts';
import { insertRows, type Row } from '../../support/insert-rows.ts';
import { orderRow } from '../../support/warehouse-rows.ts';

const DAY = 86_400_000;
/** As of 2024-06-01 KST. */
export const CLUSTER_AS_OF = '2024-06-01';
const END = Date.parse('2024-05-31T03:00:00Z');

/**
 * Three planted kinds of buyer, 40 each: `d*` discount-driven repeat buyers on the own shop
 * (6–10 recent orders, most with a coupon), `m*` one-time marketplace buyers a year ago at full
 * price, `r*` buyers who return two and cancel one of their five orders.
 */
export async function insertClusterFixture(engine: Engine): Promise<void> {
  const rng = createRng(5);
  const now = new Date('2023-01-01T00:00:00Z');
  const customers: unknown[][] = [];
  const orders: Row[] = [];
  const add = (
    c: string,
    n: number,
    o: {
      channel: string;
      daysAgo: () => number;
      gross: () => number;
      discount: (g: number) => number;
      coupon: () => string | null;
      status: () => string;
    },
  ) => {
    customers.push([c, now, now]);
    for (let i = 0; i < n; i++) {
      const g = o.gross();
      const d = o.discount(g);
      orders.push(
        orderRow({
          id: `${c}-${i}`,
          channel: o.channel,
          customer: c,
          at: new Date(END - o.daysAgo() * DAY),
          status: o.status(),
          gross: g,
          discount: d,
          coupon: o.coupon(),
        }),
      );
    }
  };
  for (let i = 0; i < 40; i++) {
    add(`d${i}`, rng.int(6, 10), {
      channel: 'cafe24',
      daysAgo: () => rng.int(1, 60),
      gross: () => rng.int(20, 40) * 1000,
      discount: (g) => Math.round(g * 0.2),
      coupon: () => (rng.chance(0.8) ? 'SALE' : null),
      status: () => 'paid',
    });
    add(`m${i}`, 1, {
      channel: 'coupang',
      daysAgo: () => rng.int(300, 400),
      gross: () => rng.int(30, 60) * 1000,
      discount: () => 0,
      coupon: () => null,
      status: () => 'paid',
    });
    let s = 0;
    add(`r${i}`, 4, {
      channel: 'cafe24',
      daysAgo: () => rng.int(20, 120),
      gross: () => rng.int(50, 80) * 1000,
      discount: () => 0,
      coupon: () => null,
      status: () => ['paid', 'returned', 'cancelled', 'returned'][s++ % 4] as string,
    });
  }
  // every r* customer keeps at least one paid order so that all 120 are buyers
  for (let i = 0; i < 40; i++)
    orders.push(orderRow({ id: `r${i}-keep`, customer: `r${i}`, at: new Date(END - 10 * DAY), gross: 60000 }));
  await engine.insert('customers', ['customer_id', 'created_at', 'updated_at'], customers);
  await insertRows(engine, 'orders', orders);
}
