import type { RfmScore } from '@dalbit/core/analytics/rfm/score-rfm';
import { segmentOf } from '@dalbit/core/analytics/rfm/segments';
import { RFM_SCORES } from '@dalbit/core/schema/analytics-tables';
import { columnNames } from '@dalbit/core/schema/table';
import type { ParamType } from '@dalbit/core/sql/dialect';
import { kstDayStart, toKstDay } from '@dalbit/core/time/kst';
import { type Engine, sql } from '../../engines/engine.ts';
import { replaceTable } from '../../engines/replace-table.ts';
import { runFit } from '../../workers/run-fit.ts';

export interface RfmRun {
  /** KST as-of day number: paid orders placed before 00:00 KST of that day count. */
  readonly asOfDay: number;
  /** Only orders of the last N days before the as-of day (default: all history). */
  readonly windowDays?: number;
}

/**
 * RFM of every customer with a paid order in the window: recency = as-of day − KST day of the
 * last paid order, frequency = distinct paid orders, monetary = sum of paid_amount (KRW).
 */
export async function computeWarehouseRfm(engine: Engine, run: RfmRun): Promise<RfmScore[]> {
  const d = engine.dialect;
  const q = (name: string): string => d.quoteIdent(name);
  const params: unknown[] = ['paid', kstDayStart(run.asOfDay)];
  const types: ParamType[] = ['string', 'timestamp'];
  let where = `${q('status')} = ${d.placeholder(1, 'string')} AND ${q('customer_id')} IS NOT NULL AND ${q('ordered_at')} < ${d.placeholder(2, 'timestamp')}`;
  if (run.windowDays !== undefined) {
    params.push(kstDayStart(run.asOfDay - run.windowDays));
    types.push('timestamp');
    where += ` AND ${q('ordered_at')} >= ${d.placeholder(3, 'timestamp')}`;
  }
  const rows = await engine.query<{ customer_id: string; last_at: Date; frequency: number; monetary: number }>(
    sql(
      `SELECT ${q('customer_id')} AS customer_id, max(${q('ordered_at')}) AS last_at, count(DISTINCT ${q('order_id')}) AS frequency, sum(${q('paid_amount')}) AS monetary FROM ${q('orders')} WHERE ${where} GROUP BY ${q('customer_id')}`,
      params,
      types,
    ),
  );
  // Scored in the fit worker: three sorts of a million customers held the event loop for minutes.
  const metrics = rows.map((r) => ({
    customerId: r.customer_id,
    recencyDays: run.asOfDay - toKstDay(r.last_at),
    frequency: Number(r.frequency),
    monetary: Number(r.monetary),
  }));
  const recency = Int32Array.from(metrics, (m) => m.recencyDays);
  const frequency = Float64Array.from(metrics, (m) => m.frequency);
  const monetary = Float64Array.from(metrics, (m) => m.monetary);
  const ids = metrics.map((m) => m.customerId).join('\u0000');
  const { r, f, m } = await runFit('rfm', { ids, recency, frequency, monetary }, [
    recency.buffer,
    frequency.buffer,
    monetary.buffer,
  ]);
  return metrics.map((x, i) => {
    const s = { r: r[i] as number, f: f[i] as number, m: m[i] as number };
    return { ...x, ...s, segment: segmentOf(s.r, s.f, s.m) };
  });
}

/** Replaces `rfm_scores` with one run (as_of = 00:00 KST of the as-of day). */
export async function storeRfmScores(engine: Engine, scores: readonly RfmScore[], asOfDay: number): Promise<void> {
  const asOf = kstDayStart(asOfDay);
  const rows = scores.map((s) => [
    s.customerId,
    asOf,
    s.recencyDays,
    s.frequency,
    s.monetary,
    s.r,
    s.f,
    s.m,
    s.segment,
  ]);
  await replaceTable(engine, RFM_SCORES, (tx, target) => tx.insert(target, columnNames(RFM_SCORES), rows));
}
