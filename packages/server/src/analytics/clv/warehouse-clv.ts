import type { DatedPurchase } from '@dalbit/core/analytics/clv/build-cbs';
import { CLV_SCORES } from '@dalbit/core/schema/analytics-tables';
import { columnNames } from '@dalbit/core/schema/table';
import { kstDayStart, toKstDay } from '@dalbit/core/time/kst';
import { type Engine, eachChunk, sql } from '../../engines/engine.ts';
import { replaceTable } from '../../engines/replace-table.ts';
import type { PackedPurchases } from '../../workers/fit-tasks.ts';
import { Dictionary, float64Column, inSlices, int32Column, splitJoined } from '../../workers/packed-columns.ts';
import { runFit } from '../../workers/run-fit.ts';
import type { WarehouseClvRun } from './clv-run.ts';

export { DAYS_PER_UNIT, HORIZON_DAYS, type WarehouseClvRun } from './clv-run.ts';

const paidPurchasesSql = (engine: Engine, asOfDay: number) => {
  const q = (n: string): string => engine.dialect.quoteIdent(n);
  const d = engine.dialect;
  return sql(
    `SELECT ${q('customer_id')} AS customer_id, ${q('ordered_at')} AS ordered_at, ${q('paid_amount')} AS paid_amount FROM ${q('orders')} WHERE ${q('status')} = ${d.placeholder(1, 'string')} AND ${q('customer_id')} IS NOT NULL AND ${q('ordered_at')} < ${d.placeholder(2, 'timestamp')}`,
    ['paid', kstDayStart(asOfDay)],
    ['string', 'timestamp'],
  );
};

type PaidRow = { customer_id: string; ordered_at: Date; paid_amount: number };

/** Paid orders placed before 00:00 KST of `asOfDay`, as dated purchases. */
export async function loadPaidPurchases(engine: Engine, asOfDay: number): Promise<DatedPurchase[]> {
  const rows = await engine.query<PaidRow>(paidPurchasesSql(engine, asOfDay));
  return rows.map((r) => ({ customerId: r.customer_id, day: toKstDay(r.ordered_at), amount: Number(r.paid_amount) }));
}

/**
 * The same purchases read chunk by chunk straight into columns (`packPurchases` of
 * `loadPaidPurchases`, without ten million objects on the event loop's heap at 1M customers).
 */
export async function loadPackedPurchases(engine: Engine, asOfDay: number): Promise<PackedPurchases> {
  const customers = new Dictionary();
  const [who, day, amount] = [int32Column(), int32Column(), float64Column()];
  await eachChunk<PaidRow>(engine, paidPurchasesSql(engine, asOfDay), (rows) => {
    for (const r of rows) {
      who.push(customers.id(r.customer_id));
      day.push(toKstDay(r.ordered_at));
      amount.push(Number(r.paid_amount));
    }
  });
  return { ids: customers.values, who: who.done(), day: day.done(), amount: amount.done() };
}

const purchasesTransfer = (p: PackedPurchases): ArrayBuffer[] => [
  p.who.buffer as ArrayBuffer,
  p.day.buffer as ArrayBuffer,
  p.amount.buffer as ArrayBuffer,
];

/**
 * Fits BG/NBD + Gamma-Gamma on the warehouse as of a day and scores every customer with a paid
 * order. The purchases are read here; the fit runs in the fit worker, off the event loop.
 */
export async function computeWarehouseClv(engine: Engine, asOfDay: number): Promise<WarehouseClvRun> {
  const purchases = await loadPackedPurchases(engine, asOfDay);
  return runFit('clv', { purchases, asOfDay }, purchasesTransfer(purchases));
}

/**
 * The refresh's CLV step: fits as `computeWarehouseClv` and replaces `clv_scores`, the scores
 * coming back from the worker as columns (a million score objects took seconds to clone onto the
 * event loop) and appended a slice at a time. Returns the number of customers scored.
 */
export async function refreshClvScores(engine: Engine, asOfDay: number): Promise<number> {
  const purchases = await loadPackedPurchases(engine, asOfDay);
  const c = await runFit('clvScores', { purchases, asOfDay }, purchasesTransfer(purchases));
  const ids = splitJoined(c.ids, c.pAlive.length);
  const asOf = kstDayStart(asOfDay);
  await replaceTable(engine, CLV_SCORES, (tx, target) =>
    inSlices(ids.length, (from, to) => {
      const rows: unknown[][] = [];
      for (let i = from; i < to; i++)
        rows.push([ids[i], asOf, c.pAlive[i], c.p30[i], c.p90[i], c.spend[i], c.value[i]]);
      return tx.insert(target, columnNames(CLV_SCORES), rows);
    }),
  );
  return ids.length;
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
