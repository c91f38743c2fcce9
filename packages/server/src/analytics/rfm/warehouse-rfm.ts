import type { RfmScore } from '@dalbit/core/analytics/rfm/score-rfm';
import { segmentOf } from '@dalbit/core/analytics/rfm/segments';
import { RFM_SCORES } from '@dalbit/core/schema/analytics-tables';
import { columnNames } from '@dalbit/core/schema/table';
import type { ParamType } from '@dalbit/core/sql/dialect';
import { kstDayStart, toKstDay } from '@dalbit/core/time/kst';
import { type Engine, eachChunk, sql } from '../../engines/engine.ts';
import { replaceTable } from '../../engines/replace-table.ts';
import { float64Column, inSlices, int32Column } from '../../workers/packed-columns.ts';
import { runFit } from '../../workers/run-fit.ts';

export interface RfmRun {
  /** KST as-of day number: paid orders placed before 00:00 KST of that day count. */
  readonly asOfDay: number;
  /** Only orders of the last N days before the as-of day (default: all history). */
  readonly windowDays?: number;
}

/** RFM of every customer as columns: customer `ids[i]` has metrics and scores at `i`. */
export interface RfmColumns {
  readonly ids: readonly string[];
  readonly recency: Int32Array;
  readonly frequency: Float64Array;
  readonly monetary: Float64Array;
  readonly r: Uint8Array;
  readonly f: Uint8Array;
  readonly m: Uint8Array;
}

/**
 * RFM of every customer with a paid order in the window, as columns: recency = as-of day − KST day
 * of the last paid order, frequency = distinct paid orders, monetary = sum of paid_amount (KRW).
 * The metrics are read chunk by chunk into typed arrays and scored in the fit worker (three sorts of
 * a million customers held the event loop for minutes; a million row objects stall it in GC).
 */
export async function scoreWarehouseRfm(engine: Engine, run: RfmRun): Promise<RfmColumns> {
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
  const ids: string[] = [];
  const [recencyCol, frequencyCol, monetaryCol] = [int32Column(), float64Column(), float64Column()];
  await eachChunk<{ customer_id: string; last_at: Date; frequency: number; monetary: number }>(
    engine,
    sql(
      `SELECT ${q('customer_id')} AS customer_id, max(${q('ordered_at')}) AS last_at, count(DISTINCT ${q('order_id')}) AS frequency, sum(${q('paid_amount')}) AS monetary FROM ${q('orders')} WHERE ${where} GROUP BY ${q('customer_id')}`,
      params,
      types,
    ),
    (rows) => {
      for (const r of rows) {
        ids.push(r.customer_id);
        recencyCol.push(run.asOfDay - toKstDay(r.last_at));
        frequencyCol.push(Number(r.frequency));
        monetaryCol.push(Number(r.monetary));
      }
    },
  );
  const [recency, frequency, monetary] = [recencyCol.done(), frequencyCol.done(), monetaryCol.done()];
  const scores = await runFit('rfm', { ids: ids.join('\u0000'), recency, frequency, monetary });
  return { ids, recency, frequency, monetary, ...scores };
}

/** One customer of `RfmColumns` as a score (with its segment). */
function scoreAt(c: RfmColumns, i: number): RfmScore {
  const r = c.r[i] as number;
  const f = c.f[i] as number;
  const m = c.m[i] as number;
  return {
    customerId: c.ids[i] as string,
    recencyDays: c.recency[i] as number,
    frequency: c.frequency[i] as number,
    monetary: c.monetary[i] as number,
    r,
    f,
    m,
    segment: segmentOf(r, f, m),
  };
}

/** RFM of every customer with a paid order in the window, one score each (see `scoreWarehouseRfm`). */
export async function computeWarehouseRfm(engine: Engine, run: RfmRun): Promise<RfmScore[]> {
  const c = await scoreWarehouseRfm(engine, run);
  const out: RfmScore[] = new Array(c.ids.length);
  await inSlices(c.ids.length, (from, to) => {
    for (let i = from; i < to; i++) out[i] = scoreAt(c, i);
  });
  return out;
}

/**
 * Scores every customer and replaces `rfm_scores` (the refresh's step): rows built and appended a
 * slice at a time, so a million customers' scores never sit on the heap as objects.
 */
export async function refreshRfmScores(engine: Engine, asOfDay: number): Promise<number> {
  const c = await scoreWarehouseRfm(engine, { asOfDay });
  await replaceRfmScores(engine, asOfDay, c.ids.length, (i) => scoreAt(c, i));
  return c.ids.length;
}

async function replaceRfmScores(
  engine: Engine,
  asOfDay: number,
  n: number,
  at: (i: number) => RfmScore,
): Promise<void> {
  const asOf = kstDayStart(asOfDay);
  await replaceTable(engine, RFM_SCORES, (tx, target) =>
    inSlices(n, (from, to) => {
      const rows: unknown[][] = [];
      for (let i = from; i < to; i++) {
        const s = at(i);
        rows.push([s.customerId, asOf, s.recencyDays, s.frequency, s.monetary, s.r, s.f, s.m, s.segment]);
      }
      return tx.insert(target, columnNames(RFM_SCORES), rows);
    }),
  );
}

/** Replaces `rfm_scores` with one run (as_of = 00:00 KST of the as-of day). */
export async function storeRfmScores(engine: Engine, scores: readonly RfmScore[], asOfDay: number): Promise<void> {
  await replaceRfmScores(engine, asOfDay, scores.length, (i) => scores[i] as RfmScore);
}
