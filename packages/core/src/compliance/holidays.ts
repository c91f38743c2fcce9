import KoreanLunarCalendarModule from 'korean-lunar-calendar';

interface LunarCalendar {
  setLunarDate(year: number, month: number, day: number, intercalation: boolean): boolean;
  getSolarCalendar(): { year: number; month: number; day: number };
}
// The package's CJS default export is the class at runtime, but its typings declare a namespace under NodeNext.
const KoreanLunarCalendar = KoreanLunarCalendarModule as unknown as new () => LunarCalendar;

import { addKstDays } from '../time/kst.ts';

export interface HolidayBlock {
  readonly name: string;
  /** Inclusive KST dates `YYYY-MM-DD`. */
  readonly from: string;
  readonly to: string;
}

function lunarToSolarKey(cal: LunarCalendar, year: number, month: number, day: number): string | undefined {
  if (!cal.setLunarDate(year, month, day, false)) return undefined;
  const s = cal.getSolarCalendar();
  return `${s.year}-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`;
}

/**
 * 설날 and 추석 holiday blocks of a solar year (the legal three days: the day before, the day, the
 * day after), from the KASI lunar tables (valid to 2050).
 */
export function findLunarHolidayBlocks(year: number): HolidayBlock[] {
  const cal = new KoreanLunarCalendar();
  const blocks: HolidayBlock[] = [];
  const seollal = lunarToSolarKey(cal, year, 1, 1);
  if (seollal) blocks.push({ name: '설날', from: addKstDays(seollal, -1), to: addKstDays(seollal, 1) });
  const chuseok = lunarToSolarKey(cal, year, 8, 15);
  if (chuseok) blocks.push({ name: '추석', from: addKstDays(chuseok, -1), to: addKstDays(chuseok, 1) });
  return blocks;
}

/** The block containing `dateKey`, if any. Keys compare as strings because they are zero-padded. */
export function findHolidayBlock(dateKey: string, blocks: readonly HolidayBlock[]): HolidayBlock | undefined {
  return blocks.find((b) => b.from <= dateKey && dateKey <= b.to);
}
