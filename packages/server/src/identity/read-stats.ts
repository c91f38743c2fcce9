import type { Engine } from '../engines/engine.ts';
import { readStatsSummary, type StatsSummaryRow } from './stats-summary.ts';

export interface WarehouseStats {
  readonly customers: number;
  readonly customersOnTwoOrMoreChannels: number;
  readonly orders: number;
  readonly orderLines: number;
  readonly events: number;
  readonly consents: number;
  readonly merges: { readonly active: number; readonly undone: number };
  readonly ordersByStatus: readonly { readonly status: string; readonly orders: number }[];
  /**
   * True while the figures from the summary (orders per status, revenue per channel, cross-channel
   * customers) are the ones from before the last write, being recomputed; the row counts are live.
   */
  readonly summaryRefreshing: boolean;
  /** Net revenue (kept lines, `core/analytics/revenue.ts`) and the orders with a kept line, per channel. */
  readonly revenueByChannel: readonly {
    readonly channel: string;
    readonly orders: number;
    readonly revenue: number;
    readonly customers: number;
  }[];
}

/**
 * Headline counts of the warehouse (read-only SQL that runs on DuckDB and ClickHouse alike). Row
 * counts are read live (cheap); the figures that need a scan of every order and line (orders per
 * status, revenue per channel, customers on two or more channels) come from `stats_summary`.
 */
export async function readStats(engine: Engine): Promise<WarehouseStats> {
  // One round trip for the counts: a short command is dominated by per-query latency.
  const [[c], { rows: summary, refreshing }] = await Promise.all([
    engine.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM customers) AS customers,
         (SELECT count(*) FROM orders) AS orders,
         (SELECT count(*) FROM order_items) AS lines,
         (SELECT count(*) FROM events) AS events,
         (SELECT count(*) FROM consents) AS consents,
         (SELECT count(*) FROM merges WHERE undone_at IS NULL) AS active,
         (SELECT count(*) FROM merges WHERE undone_at IS NOT NULL) AS undone`,
    ),
    readStatsSummary(engine),
  ]);
  const n = (k: string): number => Number(c?.[k] ?? 0);
  const of = (kind: StatsSummaryRow['kind']): readonly StatsSummaryRow[] => summary.filter((r) => r.kind === kind);
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    customers: n('customers'),
    customersOnTwoOrMoreChannels: Number(of('multi')[0]?.customers ?? 0),
    orders: n('orders'),
    orderLines: n('lines'),
    events: n('events'),
    consents: n('consents'),
    merges: { active: n('active'), undone: n('undone') },
    summaryRefreshing: refreshing,
    ordersByStatus: of('status')
      .map((r) => ({ status: r.label, orders: Number(r.orders) }))
      .sort((a, b) => byText(a.status, b.status)),
    revenueByChannel: of('channel')
      .map((r) => ({
        channel: r.label,
        orders: Number(r.orders),
        revenue: Number(r.revenue),
        customers: Number(r.customers),
      }))
      .sort((a, b) => b.revenue - a.revenue || byText(a.channel, b.channel)),
  };
}
