const DAY_MS = 86_400_000;
const SEOUL_OFFSET_MS = 9 * 3_600_000; // Asia/Seoul is UTC+9 all year (no DST since 1988)

/** The calendar day (days since 1970-01-01) of an instant, as seen in Asia/Seoul. */
export function toSeoulDay(at: Date): number {
  return Math.floor((at.getTime() + SEOUL_OFFSET_MS) / DAY_MS);
}

/** Day number of a calendar date given as year, month (1–12), day. */
export function toDayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** 00:00 in Asia/Seoul of a day number, as a UTC instant. */
export function seoulMidnight(day: number): Date {
  return new Date(day * DAY_MS - SEOUL_OFFSET_MS);
}
