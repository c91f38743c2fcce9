import { describe, expect, it } from 'vitest';
import {
  addKstDays,
  civilFromDays,
  dateToKstDay,
  daysFromCivil,
  formatKstDate,
  formatKstDateTime,
  formatKstIso,
  fromKst,
  isoDateToKstDay,
  kstDayStart,
  kstDayToIso,
  kstWeekday,
  parseKstDate,
  toExcelSerialKst,
  toKst,
  toKstDay,
} from '../../src/time/kst.ts';
import { findLunarHolidays } from '../../src/time/lunar.ts';

describe('KST time (one module)', () => {
  it('toKstDay is a day number; its text form survives years a toISOString slice gets wrong', () => {
    // The campaign report used to take the KST day as new Date(ms + 9h).toISOString().slice(0, 10):
    // right for 0000–9999, but past 9999 toISOString writes '+010000-…' and the slice is '+010000-01'.
    const y10000 = Date.UTC(10_000, 0, 1, 3);
    expect(new Date(y10000 + 9 * 3_600_000).toISOString().slice(0, 10)).toBe('+010000-01');
    expect(formatKstDate(y10000)).toBe('10000-01-01');
    // Before 1970 a KST day must floor, not truncate toward zero.
    expect(toKstDay(Date.UTC(1969, 11, 31, 14, 59))).toBe(-1);
    expect(toKstDay(Date.UTC(1969, 11, 31, 15, 0))).toBe(0);
    expect(toKstDay(new Date('2025-06-14T15:00:00Z'))).toBe(toKstDay(Date.parse('2025-06-14T15:00:00Z')));
  });

  it('KST parts, midnights, day arithmetic and weekdays', () => {
    const at = new Date('2026-11-14T15:30:00Z'); // 2026-11-15 00:30 KST, a Sunday
    expect(toKst(at)).toEqual({ year: 2026, month: 11, day: 15, minuteOfDay: 30, dateKey: '2026-11-15' });
    expect(fromKst('2026-11-15', 30).toISOString()).toBe(at.toISOString());
    expect(kstDayStart(toKstDay(at)).toISOString()).toBe('2026-11-14T15:00:00.000Z');
    expect(addKstDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addKstDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(kstWeekday('2026-11-15')).toBe(0);
    expect(kstDayToIso(isoDateToKstDay('2024-02-29') ?? 0)).toBe('2024-02-29');
    expect(isoDateToKstDay('2025-02-29')).toBeUndefined();
    expect(kstDayToIso(dateToKstDay({ year: 2025, month: 2, day: 29 }))).toBe('2025-02-28');
  });

  it('agrees with Date.UTC on civil dates over three centuries', () => {
    for (let days = -40_000; days < 80_000; days += 97) {
      const d = new Date(days * 86_400_000);
      expect(civilFromDays(days)).toEqual({
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
      });
      expect(daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(days);
    }
  });

  it('formats instants in Korea time', () => {
    const ms = Date.UTC(2026, 10, 14, 15, 30, 5); // 2026-11-15 00:30:05 KST
    expect(formatKstDateTime(ms)).toBe('2026-11-15 00:30:05');
    expect(formatKstIso(ms)).toBe('2026-11-15T00:30:05+09:00');
    expect(parseKstDate('2026-11-15')).toBe(Date.UTC(2026, 10, 14, 15));
    expect(parseKstDate('2026-02-30')).toBeUndefined();
  });

  it('gives Excel serials of the KST wall clock (Excel: DATE(2024,1,1) = 45292)', () => {
    expect(toExcelSerialKst(Date.UTC(2023, 11, 31, 15))).toBe(45292);
    expect(toExcelSerialKst(Date.UTC(2024, 0, 1, 3))).toBe(45292.5); // 12:00 KST
  });

  it('finds 설날 and 추석 on the published dates', () => {
    const iso = (d: number | undefined): string => new Date((d ?? 0) * 86_400_000).toISOString().slice(0, 10);
    const y2025 = findLunarHolidays(2025);
    const y2026 = findLunarHolidays(2026);
    expect([iso(y2025.seollal), iso(y2025.chuseok)]).toEqual(['2025-01-29', '2025-10-06']);
    expect([iso(y2026.seollal), iso(y2026.chuseok)]).toEqual(['2026-02-17', '2026-09-25']);
  });
});
