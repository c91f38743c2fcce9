import type { DatedPurchase } from '@dalbit/core/analytics/clv/build-cbs';
import { CLV_SCORES } from '@dalbit/core/schema/analytics-tables';
import { columnNames } from '@dalbit/core/schema/table';
import { kstDayStart, toKstDay } from '@dalbit/core/time/kst';
import { type Engine, sql } from '../../engines/engine.ts';
import { replaceTable } from '../../engines/replace-table.ts';
import { packPurchases } from '../../workers/fit-tasks.ts';
import { runFit } from '../../workers/run-fit.ts';
import type { WarehouseClvRun } from './clv-run.ts';

export { DAYS_PER_UNIT, HORIZON_DAYS, type WarehouseClvRun } from './clv-run.ts';

/** Paid orders placed before 00:00 KST of `asOfDay`, as dated purchases. */
export async function loadPaidPurchases(engine: Engine, asOfDay: number): Promise<DatedPurchase[]> {
  const q = (n: string): string => engine.dialect.quoteIdent(n);
  const d = engine.dialect;
  const rows = await engine.query<{ customer_id: string; ordered_at: Date; paid_amount: number }>(
    sql(
      `SELECT ${q('customer_id')} AS customer_id, ${q('ordered_at')} AS ordered_at, ${q('paid_amount')} AS paid_amount FROM ${q('orders')} WHERE ${q('status')} = ${d.placeholder(1, 'string')} AND ${q('customer_id')} IS NOT NULL AND ${q('ordered_at')} < ${d.placeholder(2, 'timestamp')}`,
      ['paid', kstDayStart(asOfDay)],
      ['string', 'timestamp'],
    ),
  );
  return rows.map((r) => ({ customerId: r.customer_id, day: toKstDay(r.ordered_at), amount: Number(r.paid_amount) }));
}

/**
 * Fits BG/NBD + Gamma-Gamma on the warehouse as of a day and scores every customer with a paid
 * order. The purchases are read here; the fit runs in the fit worker, off the event loop.
 */
export async function computeWarehouseClv(engine: Engine, asOfDay: number): Promise<WarehouseClvRun> {
  const purchases = packPurchases(await loadPaidPurchases(engine, asOfDay));
  return runFit('clv', { purchases, asOfDay }, [purchases.who.buffer, purchases.day.buffer, purchases.amount.buffer]);
}

/** Replaces `clv_scores` with one run (as_of = 00:00 KST of the as-of day), atomically where the engine allows. */
export async function storeClvScores(engine: Engine, run: WarehouseClvRun): Promise<number> {
  const asOf = kstDayStart(run.asOfDay);
  const rows = run.scores.map((s) => {
    const [p30 = 0, p90 = 0, p365 = 0] = s.expectedPurchases;
    const spend = s.expectedSpend ?? run.meanOrderValue;
    return [s.customerId, asOf, s.pAlive, p30, p90, spend, p365 * spend];
  });
  await replaceTable(engine, CLV_SCORES, (tx, target) => tx.insert(target, columnNames(CLV_SCORES), rows));
  return rows.length;
}
