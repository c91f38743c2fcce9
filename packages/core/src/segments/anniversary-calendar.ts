import KoreanLunarCalendarModule from 'korean-lunar-calendar';
import { civilFromDays, dateToKstDay, toKstDay } from '../time/kst.ts';

/** One row of `anniversary_calendar`: a month-day (solar or lunar) → solar KST day in 3 years. */
export interface AnniversaryRow {
  readonly md: string;
  readonly lunar: boolean;
  readonly days: readonly [number | null, number | null, number | null];
}

interface LunarCalendar {
  setLunarDate(year: number, month: number, day: number, intercalation: boolean): boolean;
  getSolarCalendar(): { year: number; month: number; day: number };
}
// The CJS default export is the class at runtime; its typings declare a namespace under NodeNext.
const KoreanLunarCalendar = KoreanLunarCalendarModule as unknown as new () => LunarCalendar;

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Solar dates of every month-day in the Seoul years (asOf year − 1, asOf year, asOf year + 1).
 * Lunar month-days are converted with the KASI-based table of `korean-lunar-calendar` (valid to
 * 2050): a lunar 30th in a 29-day month falls back to the 29th; 02-29 in a common year to 02-28.
 */
export function buildAnniversaryCalendar(asOf: Date): AnniversaryRow[] {
  const year = civilFromDays(toKstDay(asOf)).year;
  const years = [year - 1, year, year + 1] as const;
  const rows: AnniversaryRow[] = [];
  for (let month = 1; month <= 12; month++) {
    const solarDays = new Date(Date.UTC(2024, month, 0)).getUTCDate();
    for (let day = 1; day <= 30 || day <= solarDays; day++) {
      const md = `${pad(month)}-${pad(day)}`;
      if (day <= solarDays)
        rows.push({
          md,
          lunar: false,
          days: [solar(years[0], month, day), solar(years[1], month, day), solar(years[2], month, day)],
        });
      if (day <= 30)
        rows.push({
          md,
          lunar: true,
          days: [
            lunarToSolar(years[0], month, day),
            lunarToSolar(years[1], month, day),
            lunarToSolar(years[2], month, day),
          ],
        });
    }
  }
  return rows;
}

function solar(year: number, month: number, day: number): number {
  return dateToKstDay({ year, month, day });
}

/** Solar KST day of lunar (year, month, day), regular (non-leap) month; null outside the table. */
export function lunarToSolar(year: number, month: number, day: number): number | null {
  const cal = new KoreanLunarCalendar();
  for (const d of day === 30 ? [30, 29] : [day]) {
    if (cal.setLunarDate(year, month, d, false)) {
      const s = cal.getSolarCalendar();
      return dateToKstDay({ year: s.year, month: s.month, day: s.day });
    }
  }
  return null;
}
