/**
 * Asia/Seoul calendar arithmetic (UTC+9, no daylight saving). A "KST day number" counts days since
 * 1970-01-01 in Seoul; segment windows become instant bounds computed here, so SQL only compares
 * timestamps with bound parameters.
 */
export const KST_OFFSET_MS = 9 * 3600 * 1000;
export const DAY_MS = 86_400_000;

export function toKstDay(instant: Date): number {
  return Math.floor((instant.getTime() + KST_OFFSET_MS) / DAY_MS);
}

/** The UTC instant at which KST day `day` begins (00:00 in Seoul). */
export function kstDayStart(day: number): Date {
  return new Date(day * DAY_MS - KST_OFFSET_MS);
}

export interface YearMonthDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function kstDayToDate(day: number): YearMonthDay {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** KST day number of a calendar date; February 29 in a common year becomes February 28. */
export function dateToKstDay(ymd: YearMonthDay): number {
  const last = new Date(Date.UTC(ymd.year, ymd.month, 0)).getUTCDate();
  return Math.floor(Date.UTC(ymd.year, ymd.month - 1, Math.min(ymd.day, last)) / DAY_MS);
}

/** Parses 'YYYY-MM-DD' as a Seoul calendar date. */
export function isoDateToKstDay(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return dateToKstDay({ year, month, day });
}

export function kstDayToIso(day: number): string {
  const { year, month, day: d } = kstDayToDate(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
