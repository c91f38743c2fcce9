import { addKstDays, toKst } from '../time/kst.ts';

/** Converts a lunar date (regular month) to its solar KST date key; undefined outside the table. */
export type LunarToSolar = (year: number, month: number, day: number) => string | undefined;

/** A per-customer date a golden time counts from; `key` names the occurrence. */
export interface Anchor {
  readonly key: string;
  /** KST calendar day `YYYY-MM-DD`. */
  readonly dateKey: string;
}

export interface GoldenDay {
  readonly occurrence: string;
  /** The KST day the message is due. */
  readonly dateKey: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function solarKey(year: number, month: number, day: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(day, last))}`;
}

/** The anchor of an instant: its KST day, keyed `prefix:YYYY-MM-DD`. */
export function instantAnchor(prefix: string, at: Date): Anchor {
  const dateKey = toKst(at).dateKey;
  return { key: `${prefix}:${dateKey}`, dateKey };
}

/**
 * Birthdays in `years`, keyed `birthday:YEAR`. Lunar month-days go through `toSolar` each year (a
 * lunar 30th in a 29-day month becomes the 29th); solar 02-29 becomes 02-28 in common years.
 * @example birthdayAnchors({ md: '05-22', lunar: true, years: [2025], toSolar }) // [{ key: 'birthday:2025', dateKey: '2025-06-17' }]
 */
export function birthdayAnchors(input: {
  md: string;
  lunar: boolean;
  years: readonly number[];
  toSolar: LunarToSolar;
}): Anchor[] {
  const m = /^(\d{2})-(\d{2})$/.exec(input.md);
  if (!m) return [];
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return [];
  const out: Anchor[] = [];
  for (const year of input.years) {
    const dateKey = input.lunar
      ? (input.toSolar(year, month, day) ?? (day === 30 ? input.toSolar(year, month, 29) : undefined))
      : solarKey(year, month, day);
    if (dateKey !== undefined) out.push({ key: `birthday:${year}`, dateKey });
  }
  return out;
}

/** Grade review days (day `dayOfMonth` of every `everyMonths`-th month, counted from January) in the years given. */
export function gradeReviewAnchors(input: {
  dayOfMonth: number;
  everyMonths: number;
  years: readonly number[];
}): Anchor[] {
  const out: Anchor[] = [];
  for (const year of input.years)
    for (let month = 1; month <= 12; month += input.everyMonths) {
      const dateKey = solarKey(year, month, input.dayOfMonth);
      out.push({ key: `grade_review:${dateKey}`, dateKey });
    }
  return out;
}

/**
 * Days from anchors shifted by `offsetDays` (negative = before) that fall in [fromDay, toDay].
 * @example findGoldenDays({ anchors: [{ key: 'signup:2026-05-01', dateKey: '2026-05-01' }], offsetDays: 7, fromDay: '2026-05-08', toDay: '2026-05-08' })
 * // → [{ occurrence: 'signup:2026-05-01', dateKey: '2026-05-08' }]
 */
export function findGoldenDays(input: {
  anchors: readonly Anchor[];
  offsetDays: number;
  fromDay: string;
  toDay: string;
}): GoldenDay[] {
  const out: GoldenDay[] = [];
  const seen = new Set<string>();
  for (const a of input.anchors) {
    const dateKey = addKstDays(a.dateKey, input.offsetDays);
    if (dateKey < input.fromDay || dateKey > input.toDay || seen.has(a.key)) continue;
    seen.add(a.key);
    out.push({ occurrence: a.key, dateKey });
  }
  return out;
}

/** Calendar years whose anniversaries, shifted by `offsetDays`, can land in [fromDay, toDay]. */
export function yearsAround(fromDay: string, toDay: string, offsetDays: number): number[] {
  const first = Number(addKstDays(fromDay, -offsetDays).slice(0, 4)) - 1;
  const last = Number(addKstDays(toDay, -offsetDays).slice(0, 4)) + 1;
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  return years;
}
