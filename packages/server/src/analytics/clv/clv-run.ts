// The CLV run as pure computation over dated purchases (no engine): what the fit worker runs.
import { buildCbs, type DatedPurchase } from '@dalbit/core/analytics/clv/build-cbs';
import type { CbsRow } from '@dalbit/core/analytics/clv/cbs';
import { ClvError } from '@dalbit/core/analytics/clv/clv-error';
import {
  type BgnbdFit,
  DEGENERATE_AB,
  degenerateReason,
  fitBgnbd,
  homogeneousDropout,
} from '@dalbit/core/analytics/clv/fit-bgnbd';
import { fitGammaGamma, type GammaGammaFit } from '@dalbit/core/analytics/clv/fit-gamma-gamma';
import { type CustomerScore, scoreCustomers } from '@dalbit/core/analytics/clv/score-customers';

/**
 * Warehouse time conventions: a purchase is a paid order's KST calendar day (same-day orders of a
 * customer merge into one, Hardie's convention); the model's time unit is the WEEK (7 days), as in
 * Fader–Hardie; orders placed before 00:00 KST of the as-of day count, so the observation window of
 * a customer runs from their first paid order day to the day before as-of. Spend is paid_amount (KRW).
 */
export const DAYS_PER_UNIT = 7;
export const HORIZON_DAYS = { short: 30, long: 90, clv: 365 } as const;

/** A gap this long (days) between the last paid order and the as-of day is missing data, not silence. */
export const MAX_SILENT_TAIL_DAYS = 7;

export interface WarehouseClvRun {
  readonly asOfDay: number;
  /** Last KST day of the observation window: the day before as-of, or the last paid order day when the data ends earlier. */
  readonly calibrationEndDay: number;
  /** Set when the window was cut back to the end of the data, or the dropout fit is the homogeneous limit. */
  readonly calibrationNote?: string;
  readonly cbs: readonly CbsRow[];
  readonly bgnbd: BgnbdFit;
  /** Undefined when fewer than two customers have repeat spend; expected spend then is the mean order value. */
  readonly gammaGamma?: GammaGammaFit;
  readonly meanOrderValue: number;
  readonly scores: readonly CustomerScore[];
}

/**
 * Fits BG/NBD + Gamma-Gamma on dated purchases as of a day and scores every customer. Pure and
 * CPU-heavy (seconds per 10,000 customers): the warehouse runs it in the fit worker.
 */
export function fitClvRun(purchases: readonly DatedPurchase[], asOfDay: number): WarehouseClvRun {
  const window = calibrationWindow(purchases, asOfDay);
  const cbs = buildCbs({ purchases, calibrationEndDay: window.endDay, daysPerUnit: DAYS_PER_UNIT });
  if (cbs.length === 0) throw new ClvError('NO_CUSTOMERS', `no paid orders before the as-of day`);
  const raw = fitBgnbd(cbs);
  const degenerate = degenerateReason(raw.params);
  if (degenerate)
    throw new ClvError(
      'DEGENERATE_FIT',
      `BG/NBD fit is degenerate (${degenerate}); no scores were stored — check --as-of against the end of the data`,
    );
  // The window already ends with the data, so a + b running off is the sample's answer: one dropout
  // probability for everyone. Kept as that limit (a + b held finite) and said.
  const limit = homogeneousDropout(raw.params);
  const bgnbd: BgnbdFit = limit ? { ...raw, params: limit.params } : raw;
  const notes = [
    ...(window.note ? [window.note] : []),
    ...(limit
      ? [
          `이탈 확률이 모든 고객에게 같게 추정되었습니다 (p = ${limit.dropout.toFixed(3)}, a + b → ∞) / dropout probability fitted as the same for every customer (p = ${limit.dropout.toFixed(3)}, a + b → ∞ held at ${DEGENERATE_AB.toExponential(0)})`,
        ]
      : []),
  ];
  const meanOrderValue = purchases.reduce((s, p) => s + p.amount, 0) / purchases.length;
  let gammaGamma: GammaGammaFit | undefined;
  try {
    const fit = fitGammaGamma(cbs);
    if (fit.params.q > 1) gammaGamma = fit; // E[M] is finite only for q > 1
  } catch (e) {
    if (!(e instanceof ClvError && e.code === 'NO_REPEAT_SPEND')) throw e;
  }
  const scores = scoreCustomers({
    rows: cbs,
    bgnbd: bgnbd.params,
    ...(gammaGamma ? { gammaGamma: gammaGamma.params } : {}),
    horizons: [HORIZON_DAYS.short / DAYS_PER_UNIT, HORIZON_DAYS.long / DAYS_PER_UNIT, HORIZON_DAYS.clv / DAYS_PER_UNIT],
  });
  return {
    asOfDay,
    calibrationEndDay: window.endDay,
    ...(notes.length ? { calibrationNote: notes.join('\n') } : {}),
    cbs,
    bgnbd,
    ...(gammaGamma ? { gammaGamma } : {}),
    meanOrderValue,
    scores,
  };
}

/**
 * The observation window the data supports: it ends the day before as-of, unless the last paid
 * order is more than a week earlier — then weeks without data would read as every customer
 * lapsing (a = 6e7, b = 2e8 on the demo), so the window ends on the last paid order day.
 */
export function calibrationWindow(
  purchases: readonly DatedPurchase[],
  asOfDay: number,
): { endDay: number; note?: string } {
  let last = Number.NEGATIVE_INFINITY;
  for (const p of purchases) if (p.day > last) last = p.day;
  if (!Number.isFinite(last) || asOfDay - 1 - last <= MAX_SILENT_TAIL_DAYS) return { endDay: asOfDay - 1 };
  const gap = asOfDay - 1 - last;
  return {
    endDay: last,
    note: `관찰 기간을 마지막 주문일까지로 줄였습니다 (기준일 전 ${gap}일 동안 주문 데이터 없음) / the window ends on the last paid order day: no orders in the ${gap} days before the as-of day`,
  };
}
