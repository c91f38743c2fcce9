import { describe, expect, it } from 'vitest';
import { isDailyRunDue, nextDailyRun, parseDailyTime } from '../../src/runtime/daily-due.ts';

// 04:00 KST = 19:00 UTC the previous day.
describe('daily refresh time (KST)', () => {
  it('finds the next 04:00 KST after an instant', () => {
    expect(nextDailyRun(new Date('2026-11-23T18:59:00Z'), 240).toISOString()).toBe('2026-11-23T19:00:00.000Z');
    expect(nextDailyRun(new Date('2026-11-23T19:00:00Z'), 240).toISOString()).toBe('2026-11-24T19:00:00.000Z');
    // 10:00 KST on the 24th: the next run is tomorrow's 04:00
    expect(nextDailyRun(new Date('2026-11-24T01:00:00Z'), 240).toISOString()).toBe('2026-11-24T19:00:00.000Z');
    // 00:00 KST = 15:00 UTC
    expect(nextDailyRun(new Date('2026-11-23T14:59:59Z'), 0).toISOString()).toBe('2026-11-23T15:00:00.000Z');
  });

  it('is due only when the clock crosses the time', () => {
    const since = new Date('2026-11-23T18:58:00Z');
    expect(isDailyRunDue({ since, now: new Date('2026-11-23T18:59:59Z'), minuteOfDay: 240 })).toBe(false);
    expect(isDailyRunDue({ since, now: new Date('2026-11-23T19:00:00Z'), minuteOfDay: 240 })).toBe(true);
    expect(
      isDailyRunDue({
        since: new Date('2026-11-23T19:00:00Z'),
        now: new Date('2026-11-23T23:00:00Z'),
        minuteOfDay: 240,
      }),
    ).toBe(false);
    // a process asleep for two days still runs once at the next check
    expect(isDailyRunDue({ since, now: new Date('2026-11-26T00:00:00Z'), minuteOfDay: 240 })).toBe(true);
  });

  it('parses HH:MM and refuses anything else', () => {
    expect(parseDailyTime('04:00')).toBe(240);
    expect(parseDailyTime('4:30')).toBe(270);
    expect(parseDailyTime('23:59')).toBe(1439);
    for (const bad of ['24:00', '04:60', '4', '04-00', '']) expect(parseDailyTime(bad)).toBeUndefined();
  });
});
