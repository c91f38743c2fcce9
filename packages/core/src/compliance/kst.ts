/** Korea Standard Time is UTC+9 all year (no DST), so plain arithmetic is exact. */
export const KST_OFFSET_MS = 9 * 3600_000;
const DAY_MS = 86_400_000;

export interface KstParts {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
  readonly minuteOfDay: number; // 0..1439
  /** `YYYY-MM-DD` of the KST calendar day. */
  readonly dateKey: string;
}

export function toKst(at: Date): KstParts {
  const shifted = new Date(at.getTime() + KST_OFFSET_MS);
  const year = shifted.getUTCFullYear();
  const month = shifted.getUTCMonth() + 1;
  const day = shifted.getUTCDate();
  return {
    year,
    month,
    day,
    minuteOfDay: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
    dateKey: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  };
}

/** The instant of `dateKey` (KST) at `minuteOfDay` (KST). */
export function fromKst(dateKey: string, minuteOfDay = 0): Date {
  const [y, m, d] = dateKey.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) - KST_OFFSET_MS + minuteOfDay * 60_000);
}

/** KST calendar day `days` after `dateKey`. */
export function addKstDays(dateKey: string, days: number): string {
  return toKst(new Date(fromKst(dateKey).getTime() + days * DAY_MS)).dateKey;
}

/** `'20:50'` → 1250. Throws on malformed input (policy parsing validates first). */
export function parseClock(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`bad clock time ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}
