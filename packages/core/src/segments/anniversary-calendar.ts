import { civilFromDays, dateToKstDay, toKstDay } from '../time/kst.ts';
import { lunarToSolar } from '../time/lunar.ts';

/** One row of `anniversary_calendar`: a month-day (solar or lunar) → solar KST day in 3 years. */
export interface AnniversaryRow {
  readonly md: string;
  readonly lunar: boolean;
  readonly days: readonly [number | null, number | null, number | null];
}

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
