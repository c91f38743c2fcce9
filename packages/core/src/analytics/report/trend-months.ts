import { DAY_MS, daysFromCivil, kstDayStart, toKst, toKstDay } from '../../time/kst.ts';
import type { MonthPoint } from './audience-report.ts';

/** The `count` KST calendar months ending with the month of the instant just before `asOf`, oldest first. */
export function trendMonths(asOf: Date, count: number): { month: string; year: number; monthNo: number }[] {
  const last = new Date(toKstDay(new Date(asOf.getTime() - 1)) * DAY_MS);
  const out: { month: string; year: number; monthNo: number }[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - i, 1));
    const year = d.getUTCFullYear();
    const monthNo = d.getUTCMonth() + 1;
    out.push({ month: `${year}-${String(monthNo).padStart(2, '0')}`, year, monthNo });
  }
  return out;
}

/** 00:00 KST of the first day of the oldest trend month, as a UTC instant. */
export function trendStart(asOf: Date, count: number): Date {
  const first = trendMonths(asOf, count)[0];
  return kstDayStart(daysFromCivil(first?.year ?? 1970, first?.monthNo ?? 1, 1));
}

/** Fills the months without purchases with zeros. */
export function fillTrend(
  asOf: Date,
  count: number,
  rows: readonly { year: number; month: number; revenue: number; customers: number }[],
): MonthPoint[] {
  const byKey = new Map(rows.map((r) => [r.year * 100 + r.month, r]));
  const months = trendMonths(asOf, count);
  // as-of is 00:00 KST of a day: the last month is complete only when that day is the 1st
  const partial = toKst(asOf).day !== 1;
  return months.map((m, i) => {
    const r = byKey.get(m.year * 100 + m.monthNo);
    return {
      month: m.month,
      revenue: r?.revenue ?? 0,
      activeCustomers: r?.customers ?? 0,
      partial: partial && i === months.length - 1,
    };
  });
}
