const DAY_MS = 86_400_000;
const KST_OFFSET_MS = 9 * 3_600_000;

/** Day number (days since 1970-01-01) of a calendar date `YYYY-MM-DD`; undefined when not a real date. */
export function parseDayNumber(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
}

/** The Korean calendar day (Asia/Seoul, UTC+9, no DST) of an instant, as a day number. */
export function kstDayNumber(at: Date): number {
  return Math.floor((at.getTime() + KST_OFFSET_MS) / DAY_MS);
}

/** The instant 00:00 KST of a day number (how `as_of` is stored for a KST as-of date). */
export function kstMidnight(day: number): Date {
  return new Date(day * DAY_MS - KST_OFFSET_MS);
}

export function formatDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
