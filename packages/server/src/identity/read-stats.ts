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
  /** Paid orders only. */
  readonly revenueByChannel: readonly {
    readonly channel: string;
    readonly orders: number;
    readonly revenue: number;
    readonly customers: number;
  }[];
}

/** Headline counts of the warehouse (read-only SQL that runs on DuckDB and ClickHouse alike). */
export async function readStats(engine: Engine): Promise<WarehouseStats> {
  const one = async (text: string): Promise<number> => Number((await engine.query<{ n: number }>(text))[0]?.n ?? 0);
  return {
    customers: await one('SELECT count(*) AS n FROM customers'),
    customersOnTwoOrMoreChannels: await one(
      'SELECT count(*) AS n FROM (SELECT customer_id FROM customer_channels GROUP BY customer_id HAVING count(DISTINCT channel) >= 2) t',
    ),
    orders: await one('SELECT count(*) AS n FROM orders'),
    orderLines: await one('SELECT count(*) AS n FROM order_items'),
    events: await one('SELECT count(*) AS n FROM events'),
    consents: await one('SELECT count(*) AS n FROM consents'),
    merges: {
      active: await one('SELECT count(*) AS n FROM merges WHERE undone_at IS NULL'),
      undone: await one('SELECT count(*) AS n FROM merges WHERE undone_at IS NOT NULL'),
    },
    ordersByStatus: (
      await engine.query<{ status: string; orders: number }>(
        'SELECT status, count(*) AS orders FROM orders GROUP BY status ORDER BY status',
      )
    ).map((r) => ({ status: r.status, orders: Number(r.orders) })),
    revenueByChannel: (
      await engine.query<{ channel: string; orders: number; revenue: number; customers: number }>(
        `SELECT channel, count(*) AS orders, sum(paid_amount) AS revenue, count(DISTINCT customer_id) AS customers
         FROM orders WHERE status = 'paid' GROUP BY channel ORDER BY revenue DESC, channel`,
      )
    ).map((r) => ({
      channel: r.channel,
      orders: Number(r.orders),
      revenue: Number(r.revenue),
      customers: Number(r.customers),
    })),
  };
}
