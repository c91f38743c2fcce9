import { describe, expect, it } from 'vitest';
import { buildAnniversaryCalendar } from '../../src/segments/anniversary-calendar.ts';
import { windowToRange } from '../../src/segments/window.ts';
import { isoDateToKstDay, kstDayStart, kstDayToIso, toKstDay } from '../../src/time/kst.ts';
import { lunarToSolar } from '../../src/time/lunar.ts';

describe('Seoul calendar arithmetic', () => {
  it('a UTC evening is the next day in Seoul', () => {
    expect(kstDayToIso(toKstDay(new Date('2025-06-14T15:00:00Z')))).toBe('2025-06-15');
    expect(kstDayToIso(toKstDay(new Date('2025-06-14T14:59:59.999Z')))).toBe('2025-06-14');
    expect(kstDayStart(isoDateToKstDay('2025-06-15') ?? 0).toISOString()).toBe('2025-06-14T15:00:00.000Z');
  });

  it('rejects impossible dates', () => {
    expect(isoDateToKstDay('2025-02-29')).toBeUndefined();
    expect(isoDateToKstDay('2024-02-29')).toBeDefined();
  });

  it('windows are instant bounds that never pass asOf', () => {
    const asOf = new Date('2025-06-15T03:00:00Z');
    expect(windowToRange({ kind: 'days_ago', min: 0, max: 0 }, asOf)).toEqual({
      lo: new Date('2025-06-14T15:00:00Z'),
      hi: new Date('2025-06-15T03:00:00.001Z'),
    });
    expect(windowToRange({ kind: 'years_ago', years: 1 }, new Date('2024-02-29T03:00:00Z'))).toEqual({
      lo: new Date('2023-02-27T15:00:00Z'),
      hi: new Date('2023-02-28T15:00:00Z'),
    });
  });
});

describe('lunar birthdays (KASI table via korean-lunar-calendar)', () => {
  // Published holiday dates: 설날 = lunar 1/1, 추석 = lunar 8/15.
  it.each([
    [2024, 1, 1, '2024-02-10'],
    [2025, 1, 1, '2025-01-29'],
    [2024, 8, 15, '2024-09-17'],
    [2025, 8, 15, '2025-10-06'],
    [2026, 1, 1, '2026-02-17'],
  ])('lunar %i-%i-%i is solar %s', (y, m, d, solar) => {
    expect(kstDayToIso(lunarToSolar(y, m, d) ?? 0)).toBe(solar);
  });

  it('a lunar 30th in a 29-day month falls back to the 29th; beyond the table is null', () => {
    const thirtieth = lunarToSolar(2025, 1, 30);
    const twentyNinth = lunarToSolar(2025, 1, 29);
    expect(thirtieth === twentyNinth || thirtieth === (twentyNinth ?? 0) + 1).toBe(true);
    expect(lunarToSolar(2051, 1, 1)).toBeNull();
  });

  it('the calendar covers every solar and lunar month-day for three years', () => {
    const rows = buildAnniversaryCalendar(new Date('2025-06-15T03:00:00Z'));
    expect(rows.filter((r) => !r.lunar)).toHaveLength(366);
    expect(rows.filter((r) => r.lunar)).toHaveLength(360);
    const feb29 = rows.find((r) => r.md === '02-29' && !r.lunar);
    expect(feb29?.days.map((d) => kstDayToIso(d ?? 0))).toEqual(['2024-02-29', '2025-02-28', '2026-02-28']);
  });
});
