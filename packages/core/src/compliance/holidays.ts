import { addKstDays, kstDayToIso } from '../time/kst.ts';
import { findLunarHolidays } from '../time/lunar.ts';

export interface HolidayBlock {
  readonly name: string;
  /** Inclusive KST dates `YYYY-MM-DD`. */
  readonly from: string;
  readonly to: string;
}

/**
 * 설날 and 추석 holiday blocks of a solar year (the legal three days: the day before, the day, the
 * day after), from the KASI lunar tables (valid to 2050).
 */
export function findLunarHolidayBlocks(year: number): HolidayBlock[] {
  const blocks: HolidayBlock[] = [];
  const { seollal, chuseok } = findLunarHolidays(year);
  for (const [name, day] of [
    ['설날', seollal],
    ['추석', chuseok],
  ] as const) {
    if (day === undefined) continue;
    const key = kstDayToIso(day);
    blocks.push({ name, from: addKstDays(key, -1), to: addKstDays(key, 1) });
  }
  return blocks;
}

/** The block containing `dateKey`, if any. Keys compare as strings because they are zero-padded. */
export function findHolidayBlock(dateKey: string, blocks: readonly HolidayBlock[]): HolidayBlock | undefined {
  return blocks.find((b) => b.from <= dateKey && dateKey <= b.to);
}
