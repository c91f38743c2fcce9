import { describe, expect, it } from 'vitest';
import { findLunarHolidays } from '../../src/demo/korean-holidays.ts';
import {
  civilFromDays,
  daysFromCivil,
  formatKstDateTime,
  formatKstIso,
  parseKstDate,
  toExcelSerialKst,
} from '../../src/demo/kst-time.ts';

describe('kst-time', () => {
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
