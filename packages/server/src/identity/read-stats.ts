import { keptLineSql } from '@dalbit/core/analytics/revenue';
import type { Engine } from '../engines/engine.ts';

export interface WarehouseStats {
  readonly customers: number;
  readonly customersOnTwoOrMoreChannels: number;
  readonly orders: number;
  readonly orderLines: number;
  readonly events: number;
  readonly consents: number;
  readonly merges: { readonly active: number; readonly undone: number };
  readonly ordersByStatus: readonly { readonly status: string; readonly orders: number }[];
  /** Net revenue (kept lines, `core/analytics/revenue.ts`) and the orders with a kept line, per channel. */
  readonly revenueByChannel: readonly {
    readonly channel: string;
    readonly orders: number;
    readonly revenue: number;
    readonly customers: number;
  }[];
}

/** Headline counts of the warehouse (read-only SQL that runs on DuckDB and ClickHouse alike). */
export async function readStats(engine: Engine): Promise<WarehouseStats> {
  // One round trip for the counts: a short command is dominated by per-query latency.
  const [c] = await engine.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM customers) AS customers,
       (SELECT count(*) FROM (SELECT customer_id FROM customer_channels GROUP BY customer_id
          HAVING count(DISTINCT channel) >= 2) t) AS multi,
       (SELECT count(*) FROM orders) AS orders,
       (SELECT count(*) FROM order_items) AS lines,
       (SELECT count(*) FROM events) AS events,
       (SELECT count(*) FROM consents) AS consents,
       (SELECT count(*) FROM merges WHERE undone_at IS NULL) AS active,
       (SELECT count(*) FROM merges WHERE undone_at IS NOT NULL) AS undone`,
  );
  const n = (k: string): number => Number(c?.[k] ?? 0);
  return {
    customers: n('customers'),
    customersOnTwoOrMoreChannels: n('multi'),
    orders: n('orders'),
    orderLines: n('lines'),
    events: n('events'),
    consents: n('consents'),
    merges: { active: n('active'), undone: n('undone') },
    ordersByStatus: (
      await engine.query<{ status: string; orders: number }>(
        'SELECT status, count(*) AS orders FROM orders GROUP BY status ORDER BY status',
      )
    ).map((r) => ({ status: r.status, orders: Number(r.orders) })),
    revenueByChannel: (
      await engine.query<{ channel: string; orders: number; revenue: number; customers: number }>(
        `SELECT channel, count(DISTINCT order_id) AS orders, sum(line_amount) AS revenue, count(DISTINCT customer_id) AS customers
         FROM order_items WHERE ${keptLineSql()} GROUP BY channel ORDER BY revenue DESC, channel`,
      )
    ).map((r) => ({
      channel: r.channel,
      orders: Number(r.orders),
      revenue: Number(r.revenue),
      customers: Number(r.customers),
    })),
  };
}
