import { type Cell, cellText, fail, ok, type Parsed } from './cell.ts';
import { fromSerial } from './date.ts';

export interface Birthday {
  /** 'MM-DD' as written (a lunar date when the lunar flag is set). */
  readonly md: string;
  readonly year?: number;
}

const FULL = /^(\d{4})[-./ ]?(\d{1,2})[-./ ]?(\d{1,2})\.?$/;
const MONTH_DAY = /^(\d{1,2})[-./ ]?(\d{2})$/;
const KOREAN = /^(?:(\d{4})년\s*)?(\d{1,2})월\s*(\d{1,2})일$/;

/** "1990-05-17", "19900517", "05-17", "0517", "5월 17일", or an Excel serial. */
export function parseBirthday(v: Cell | undefined): Parsed<Birthday> | undefined {
  if (typeof v === 'number' && v > 1000 && v < 80_000) {
    const d = fromSerial(v, 0);
    if (!d.ok) return d;
    return toBirthday(d.value.getUTCFullYear(), d.value.getUTCMonth() + 1, d.value.getUTCDate(), String(v));
  }
  const t = cellText(v);
  if (t === undefined) return undefined;
  const f = FULL.exec(t) ?? KOREAN.exec(t);
  if (f) return toBirthday(f[1] === undefined ? undefined : Number(f[1]), Number(f[2]), Number(f[3]), t);
  const m = MONTH_DAY.exec(t.padStart(4, '0'));
  if (m) return toBirthday(undefined, Number(m[1]), Number(m[2]), t);
  return fail(`not a birthday: ${t}`);
}

// February allows 30: lunar months have 29 or 30 days.
const DAYS_IN_MONTH = [31, 30, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function toBirthday(year: number | undefined, month: number, day: number, shown: string): Parsed<Birthday> {
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0))
    return fail(`not a birthday: ${shown}`);
  if (year !== undefined && (year < 1900 || year > 2100)) return fail(`not a birthday: ${shown}`);
  const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return ok(year === undefined ? { md } : { md, year });
}
