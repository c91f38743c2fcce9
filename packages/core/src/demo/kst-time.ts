/**
 * Calendar arithmetic in Korea time (UTC+9, no DST) on epoch milliseconds, without the clock
 * and without Date parsing (fast enough for tens of millions of timestamps).
 */
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const KST_OFFSET_MS = 9 * HOUR_MS;
/** Excel's serial day 0 is 1899-12-30; the Unix epoch is serial 25569. */
const EXCEL_EPOCH_SERIAL = 25_569;

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days since 1970-01-01 → proleptic Gregorian date (H. Hinnant's algorithm). */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Proleptic Gregorian date → days since 1970-01-01. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The KST calendar day (days since epoch) an instant falls on. */
export function kstDay(ms: number): number {
  return Math.floor((ms + KST_OFFSET_MS) / DAY_MS);
}

/** The instant of `hh:mm:ss` KST on KST day `day`. */
export function kstInstant(day: number, secondsOfDay: number): number {
  return day * DAY_MS + secondsOfDay * 1000 - KST_OFFSET_MS;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** 'YYYY-MM-DD' of the KST day. */
export function formatKstDate(ms: number): string {
  const { year, month, day } = civilFromDays(kstDay(ms));
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** 'YYYY-MM-DD HH:mm:ss' in KST, the way Korean admin consoles export times. */
export function formatKstDateTime(ms: number): string {
  const local = ms + KST_OFFSET_MS;
  const secs = Math.floor(local / 1000) - Math.floor(local / DAY_MS) * 86_400;
  return `${formatKstDate(ms)} ${pad2(Math.floor(secs / 3600))}:${pad2(Math.floor(secs / 60) % 60)}:${pad2(secs % 60)}`;
}

/** ISO 8601 with the +09:00 offset, e.g. '2026-11-15T21:03:09+09:00'. */
export function formatKstIso(ms: number): string {
  const s = formatKstDateTime(ms);
  return `${s.slice(0, 10)}T${s.slice(11)}+09:00`;
}

/** Excel serial date-time of the KST wall-clock time (Excel has no time zones). */
export function toExcelSerialKst(ms: number): number {
  return (ms + KST_OFFSET_MS) / DAY_MS + EXCEL_EPOCH_SERIAL;
}

/** Parses 'YYYY-MM-DD' (a KST calendar day) to the instant of its midnight KST. */
export function parseKstDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = daysFromCivil(year, month, day);
  const back = civilFromDays(days);
  if (back.month !== month || back.day !== day) return undefined;
  return kstInstant(days, 0);
}
