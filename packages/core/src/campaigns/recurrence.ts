import { addKstDays, fromKst, kstWeekday, parseClock, toKst } from '../time/kst.ts';

/** KST days in [fromDay, toDay] (inclusive), in order. */
export function daysBetween(fromDay: string, toDay: string): string[] {
  const days: string[] = [];
  for (let d = fromDay; d <= toDay && days.length < 3700; d = addKstDays(d, 1)) days.push(d);
  return days;
}

/**
 * Days of a recurring schedule in [fromDay, toDay]: every day, or the given weekdays.
 * @example recurringDays({ every: 'week', weekdays: [1], fromDay: '2026-05-01', toDay: '2026-05-14' }) // the two Mondays
 */
export function recurringDays(input: {
  every: 'day' | 'week';
  weekdays?: readonly number[] | undefined;
  fromDay: string;
  toDay: string;
}): string[] {
  const days = daysBetween(input.fromDay, input.toDay);
  if (input.every === 'day' && !input.weekdays) return days;
  const wanted = input.weekdays ?? [1];
  return days.filter((d) => wanted.includes(kstWeekday(d)));
}

/** KST day keys of the instants bounding a run window. */
export function windowDays(from: Date, to: Date): { fromDay: string; toDay: string } {
  return { fromDay: toKst(from).dateKey, toDay: toKst(to).dateKey };
}

export function atClock(dateKey: string, clock: string): Date {
  return fromKst(dateKey, parseClock(clock));
}
