import { type Cell, cellText, fail, ok, type Parsed } from './cell.ts';

/** Korea Standard Time is UTC+9 all year (no DST). */
export const KST_OFFSET_MINUTES = 540;
const MS_PER_DAY = 86_400_000;
/** 1899-12-30: day 0 of the 1900 date system (absorbs Excel's fictitious 1900-02-29). */
const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);

export interface DateOptions {
  /** Offset of the wall-clock times in the file, minutes east of UTC (default KST, 540). */
  readonly offsetMinutes?: number;
  /** The workbook uses the 1904 date system. */
  readonly date1904?: boolean;
}

const DATE_TIME =
  /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?(?:[ T]+(?:(오전|오후|AM|PM)\s*)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?\s*(AM|PM)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:[ T]?(\d{2})(\d{2})(\d{2})?)?$/;
const SERIAL = /^\d{5}(\.\d+)?$/;

/**
 * Parses the timestamps Korean exports carry to a UTC instant: "2024-03-01 14:05:00",
 * "2024.03.01", "2024/3/1 오후 2:05", "20240301", ISO 8601 with an offset, and Excel serial
 * numbers — all read as Korean wall-clock time unless they carry their own offset.
 * @example parseTimestamp('2024-03-01 09:00') // 2024-03-01T00:00:00.000Z
 */
export function parseTimestamp(v: Cell | undefined, opts: DateOptions = {}): Parsed<Date> | undefined {
  const offset = opts.offsetMinutes ?? KST_OFFSET_MINUTES;
  if (typeof v === 'number') return fromSerial(v, offset, opts.date1904 === true);
  const t = cellText(v);
  if (t === undefined) return undefined;
  const c = t.charCodeAt(0);
  if (c < 48 || c > 57) return fail(`not a date: ${t}`);
  const m = DATE_TIME.exec(t);
  if (m) {
    let hour = m[5] === undefined ? 0 : Number(m[5]);
    const half = (m[4] ?? m[9])?.toUpperCase();
    if (half === '오후' || half === 'PM') hour = hour === 12 ? 12 : hour + 12;
    else if ((half === '오전' || half === 'AM') && hour === 12) hour = 0;
    const ms = m[8] === undefined ? 0 : Math.round(Number(`0.${m[8]}`) * 1000);
    const zone = m[10] === undefined ? offset : zoneMinutes(m[10]);
    return build([Number(m[1]), Number(m[2]), Number(m[3]), hour, Number(m[6] ?? 0), Number(m[7] ?? 0), ms], zone, t);
  }
  const k = COMPACT.exec(t);
  if (k)
    return build(
      [Number(k[1]), Number(k[2]), Number(k[3]), Number(k[4] ?? 0), Number(k[5] ?? 0), Number(k[6] ?? 0), 0],
      offset,
      t,
    );
  if (SERIAL.test(t)) return fromSerial(Number(t), offset, opts.date1904 === true);
  return fail(`not a date: ${t}`);
}

function zoneMinutes(z: string): number {
  if (z === 'Z' || z === 'z') return 0;
  const sign = z.startsWith('-') ? -1 : 1;
  const d = z.slice(1).replace(':', '');
  return sign * (Number(d.slice(0, 2)) * 60 + Number(d.slice(2, 4)));
}

function build(
  p: readonly [number, number, number, number, number, number, number],
  offset: number,
  shown: string,
): Parsed<Date> {
  const [y, mo, d, h, mi, s, ms] = p;
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59)
    return fail(`not a date: ${shown}`);
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (new Date(utc).getUTCDate() !== d) return fail(`no such day: ${shown}`);
  return ok(new Date(utc - offset * 60_000));
}

/** Excel serials count days (fraction = time of day) of wall-clock time in the file's zone. */
export function fromSerial(serial: number, offsetMinutes = KST_OFFSET_MINUTES, date1904 = false): Parsed<Date> {
  if (!Number.isFinite(serial) || serial < 1 || serial > 80_000) return fail(`not a date serial: ${serial}`);
  const wall = (date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900) + Math.round(serial * MS_PER_DAY);
  return ok(new Date(wall - offsetMinutes * 60_000));
}
