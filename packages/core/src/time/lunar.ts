import KoreanLunarCalendarModule from 'korean-lunar-calendar';
import { daysFromCivil, kstDayToIso } from './kst.ts';

/**
 * The Korean lunar calendar, in one place: the KASI-based tables of `korean-lunar-calendar`
 * (valid 1000–2050). Every conversion here uses regular (non-leap) lunar months.
 */
interface LunarCalendar {
  setLunarDate(year: number, month: number, day: number, intercalation: boolean): boolean;
  getSolarCalendar(): { year: number; month: number; day: number };
}
// The package's CJS default export is the class at runtime, but its typings declare a namespace under NodeNext.
const KoreanLunarCalendar = KoreanLunarCalendarModule as unknown as new () => LunarCalendar;

/** Solar KST day number of lunar (year, month, day), exactly; undefined when not in the table. */
export function lunarToSolarDay(year: number, month: number, day: number): number | undefined {
  const cal = new KoreanLunarCalendar();
  if (!cal.setLunarDate(year, month, day, false)) return undefined;
  const s = cal.getSolarCalendar();
  return daysFromCivil(s.year, s.month, s.day);
}

/**
 * Solar KST day of a lunar anniversary (birthday, memorial day) in `year`: a lunar 30th in a
 * 29-day month falls back to the 29th; null outside the table.
 */
export function lunarToSolar(year: number, month: number, day: number): number | null {
  for (const d of day === 30 ? [30, 29] : [day]) {
    const solar = lunarToSolarDay(year, month, d);
    if (solar !== undefined) return solar;
  }
  return null;
}

/** {@link lunarToSolar} as 'YYYY-MM-DD' (undefined outside the table), for campaign golden times. */
export function lunarToSolarIso(year: number, month: number, day: number): string | undefined {
  const d = lunarToSolar(year, month, day);
  return d === null ? undefined : kstDayToIso(d);
}

/** Solar day numbers of 설날 (lunar 1/1) and 추석 (lunar 8/15) of a year. */
export function findLunarHolidays(year: number): { seollal?: number; chuseok?: number } {
  const seollal = lunarToSolarDay(year, 1, 1);
  const chuseok = lunarToSolarDay(year, 8, 15);
  return { ...(seollal === undefined ? {} : { seollal }), ...(chuseok === undefined ? {} : { chuseok }) };
}
