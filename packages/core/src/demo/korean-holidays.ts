import KoreanLunarCalendarModule from 'korean-lunar-calendar';
import { daysFromCivil } from '../time/kst.ts';

interface LunarCalendar {
  setLunarDate(year: number, month: number, day: number, intercalation: boolean): boolean;
  getSolarCalendar(): { year: number; month: number; day: number };
}
// The package's CJS default export is the class at runtime; its typings declare a namespace under NodeNext.
const KoreanLunarCalendar = KoreanLunarCalendarModule as unknown as new () => LunarCalendar;

/** Solar days (since epoch) of 설날 (lunar 1/1) and 추석 (lunar 8/15) of a year, KASI tables. */
export function findLunarHolidays(year: number): { seollal?: number; chuseok?: number } {
  const cal = new KoreanLunarCalendar();
  const toDay = (month: number, day: number): number | undefined => {
    if (!cal.setLunarDate(year, month, day, false)) return undefined;
    const s = cal.getSolarCalendar();
    return daysFromCivil(s.year, s.month, s.day);
  };
  const seollal = toDay(1, 1);
  const chuseok = toDay(8, 15);
  return { ...(seollal === undefined ? {} : { seollal }), ...(chuseok === undefined ? {} : { chuseok }) };
}
