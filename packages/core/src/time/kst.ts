/**
 * Korea Standard Time (Asia/Seoul, UTC+9 all year, no daylight saving since 1988), so plain
 * arithmetic on epoch milliseconds is exact. The one place for KST calendar arithmetic.
 *
 * A "KST day" is a day number: days since 1970-01-01 counted on the Seoul calendar. Windows and
 * as-of dates become instant bounds computed here, so SQL only compares timestamps.
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const KST_OFFSET_MS = 9 * HOUR_MS;
/** Excel's serial day 0 is 1899-12-30; the Unix epoch is serial 25569. */
const EXCEL_EPOCH_SERIAL = 25_569;

export interface YearMonthDay {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
}
const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** The KST day (days since epoch) an instant falls on; takes a Date or epoch milliseconds. */
export function toKstDay(at: Date | number): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  return Math.floor((ms + KST_OFFSET_MS) / DAY_MS);
}

/** The instant (a Date) at which KST day `day` begins (00:00 in Seoul). */
export function kstDayStart(day: number): Date {
  return new Date(day * DAY_MS - KST_OFFSET_MS);
}

/** The instant (epoch ms) of `secondsOfDay` KST on KST day `day`. */
export function kstInstant(day: number, secondsOfDay: number): number {
  return day * DAY_MS + secondsOfDay * 1000 - KST_OFFSET_MS;
}

/** Days since 1970-01-01 → proleptic Gregorian date (H. Hinnant's algorithm, no Date). */
export function civilFromDays(days: number): YearMonthDay {
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

/** Proleptic Gregorian date → days since 1970-01-01 (out-of-range days roll over like Date.UTC). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysInMonth(year: number, month: number): number {
  return civilFromDays(daysFromCivil(year, month + 1, 1) - 1).day;
}

/** KST day of a calendar date; a day past the month's end (February 29 in a common year) is clamped. */
export function dateToKstDay(ymd: YearMonthDay): number {
  return daysFromCivil(ymd.year, ymd.month, Math.min(ymd.day, daysInMonth(ymd.year, ymd.month)));
}

/** Parses 'YYYY-MM-DD' as a Seoul calendar date; undefined when it is not a real date. */
export function isoDateToKstDay(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

/** Parses 'YYYY-MM-DD' (a KST calendar day) to the instant (epoch ms) of its midnight KST. */
export function parseKstDate(text: string): number | undefined {
  const day = isoDateToKstDay(text);
  return day === undefined ? undefined : kstInstant(day, 0);
}

/** 'YYYY-MM-DD' of a KST day number. */
export function kstDayToIso(day: number): string {
  const { year, month, day: d } = civilFromDays(day);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(d)}`;
}

/** 'YYYY-MM-DD' of the KST day an instant (Date or epoch ms) falls on. */
export function formatKstDate(at: Date | number): string {
  return kstDayToIso(toKstDay(at));
}

/** 'YYYY-MM-DD HH:mm:ss' in KST, the way Korean admin consoles export times. */
export function formatKstDateTime(at: Date | number): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  const local = ms + KST_OFFSET_MS;
  const secs = Math.floor(local / 1000) - Math.floor(local / DAY_MS) * 86_400;
  return `${formatKstDate(ms)} ${pad2(Math.floor(secs / 3600))}:${pad2(Math.floor(secs / 60) % 60)}:${pad2(secs % 60)}`;
}

/** 'YYYY-MM-DD HH:mm' in KST (minutes only, for tables people read). */
export function formatKstMinute(at: Date | number): string {
  return formatKstDateTime(at).slice(0, 16);
}

/** ISO 8601 with the +09:00 offset, e.g. '2026-11-15T21:03:09+09:00'. */
export function formatKstIso(at: Date | number): string {
  const s = formatKstDateTime(at);
  return `${s.slice(0, 10)}T${s.slice(11)}+09:00`;
}

/** Excel serial date-time of the KST wall-clock time (Excel has no time zones). */
export function toExcelSerialKst(ms: number): number {
  return (ms + KST_OFFSET_MS) / DAY_MS + EXCEL_EPOCH_SERIAL;
}

export interface KstParts extends YearMonthDay {
  readonly minuteOfDay: number; // 0..1439
  /** `YYYY-MM-DD` of the KST calendar day. */
  readonly dateKey: string;
}

/** Calendar parts of an instant in KST. */
export function toKst(at: Date): KstParts {
  const day = toKstDay(at);
  const { year, month, day: d } = civilFromDays(day);
  const minuteOfDay = Math.floor((at.getTime() + KST_OFFSET_MS - day * DAY_MS) / 60_000);
  return { year, month, day: d, minuteOfDay, dateKey: kstDayToIso(day) };
}

/** The instant of `dateKey` (KST) at `minuteOfDay` (KST). */
export function fromKst(dateKey: string, minuteOfDay = 0): Date {
  const [y, m, d] = dateKey.split('-').map(Number);
  return new Date(kstInstant(daysFromCivil(y ?? 1970, m ?? 1, d ?? 1), minuteOfDay * 60));
}

/** KST calendar day `days` after `dateKey`. */
export function addKstDays(dateKey: string, days: number): string {
  return kstDayToIso(toKstDay(fromKst(dateKey)) + days);
}

/** Day of the week (0 = Sunday) of a KST calendar day `YYYY-MM-DD`. */
export function kstWeekday(dateKey: string): number {
  return (((toKstDay(fromKst(dateKey)) + 4) % 7) + 7) % 7;
}

/** `'20:50'` → 1250. Throws on malformed input (policy parsing validates first). */
export function parseClock(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`bad clock time ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}
