import { DAY_MS, KST_OFFSET_MS } from '@dalbit/core/time/kst';

/**
 * The first instant at `minuteOfDay` (KST wall clock) strictly after `after`. Pure: the daily
 * refresh asks it "when is the next run", never the system clock.
 * @example nextDailyRun(new Date('2026-11-23T18:59:00Z'), 240) // 2026-11-23T19:00:00Z (04:00 KST)
 */
export function nextDailyRun(after: Date, minuteOfDay: number): Date {
  const kstMs = after.getTime() + KST_OFFSET_MS;
  const dayStart = Math.floor(kstMs / DAY_MS) * DAY_MS;
  let at = dayStart + minuteOfDay * 60_000;
  if (at <= kstMs) at += DAY_MS;
  return new Date(at - KST_OFFSET_MS);
}

/** True when the KST time `minuteOfDay` falls in `(since, now]`: the clock crossed it. */
export function isDailyRunDue(input: { since: Date; now: Date; minuteOfDay: number }): boolean {
  return nextDailyRun(input.since, input.minuteOfDay).getTime() <= input.now.getTime();
}

/** `'04:00'` → 240; undefined for anything that is not a valid 24-hour `HH:MM`. */
export function parseDailyTime(hhmm: string): number | undefined {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}
