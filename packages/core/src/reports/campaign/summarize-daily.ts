import type { CustomerOutcome } from '../../attribution/measure-campaign-outcomes.ts';
import { formatKstDate } from '../../time/kst.ts';
import type { MessageFact, WindowOrderFact } from './campaign-report-facts.ts';

export interface DailyRow {
  readonly day: string;
  /** Customers whose first exposure (holdout: planned time) fell on this day. */
  readonly exposed: number;
  /** Messages accepted by a provider that day. */
  readonly sent: number;
  readonly delivered: number;
  /** Counted orders in the window, by arm. */
  readonly orders: Readonly<Record<string, number>>;
  readonly revenue: Readonly<Record<string, number>>;
}

/** Daily trend in KST: exposures, sends, deliveries, and window orders and revenue per arm. */
export function summarizeDaily(input: {
  arms: readonly string[];
  outcomes: readonly CustomerOutcome[];
  messages: readonly MessageFact[];
  orders: readonly WindowOrderFact[];
}): DailyRow[] {
  const days = new Map<
    string,
    {
      exposed: number;
      sent: number;
      delivered: number;
      orders: Record<string, number>;
      revenue: Record<string, number>;
    }
  >();
  const at = (ms: number) => {
    const day = formatKstDate(ms);
    let d = days.get(day);
    if (d === undefined) {
      const zero = () => Object.fromEntries(input.arms.map((a) => [a, 0]));
      d = { exposed: 0, sent: 0, delivered: 0, orders: zero(), revenue: zero() };
      days.set(day, d);
    }
    return d;
  };
  for (const o of input.outcomes) at(o.firstExposedAt).exposed++;
  for (const m of input.messages) {
    if (m.acceptedAt !== null) at(m.acceptedAt).sent++;
    if (m.deliveredAt !== null) at(m.deliveredAt).delivered++;
  }
  for (const o of input.orders) {
    const d = at(o.orderedAt);
    d.orders[o.arm] = (d.orders[o.arm] ?? 0) + 1;
    d.revenue[o.arm] = (d.revenue[o.arm] ?? 0) + o.paidAmount;
  }
  return [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, d]) => ({ day, ...d }));
}
