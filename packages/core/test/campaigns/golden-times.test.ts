import { describe, expect, it } from 'vitest';
import {
  birthdayAnchors,
  findGoldenDays,
  gradeReviewAnchors,
  instantAnchor,
} from '../../src/campaigns/golden-times.ts';
import { kstDayToIso } from '../../src/time/kst.ts';
import { lunarToSolar } from '../../src/time/lunar.ts';

const toSolar = (y: number, m: number, d: number) => {
  const day = lunarToSolar(y, m, d);
  return day === null ? undefined : kstDayToIso(day);
};

describe('golden times', () => {
  // Published solar dates of lunar new year / Chuseok (KASI): 2025-01-29, 2026-02-17; 2025 Chuseok (8/15) = 2025-10-06.
  it('converts lunar birthdays per year (KASI table)', () => {
    expect(birthdayAnchors({ md: '01-01', lunar: true, years: [2025, 2026], toSolar })).toEqual([
      { key: 'birthday:2025', dateKey: '2025-01-29' },
      { key: 'birthday:2026', dateKey: '2026-02-17' },
    ]);
    expect(birthdayAnchors({ md: '08-15', lunar: true, years: [2025], toSolar })).toEqual([
      { key: 'birthday:2025', dateKey: '2025-10-06' },
    ]);
  });

  it('solar 02-29 falls on 02-28 in common years; bad month-days give nothing', () => {
    expect(birthdayAnchors({ md: '02-29', lunar: false, years: [2024, 2025], toSolar }).map((a) => a.dateKey)).toEqual([
      '2024-02-29',
      '2025-02-28',
    ]);
    expect(birthdayAnchors({ md: '13-01', lunar: false, years: [2025], toSolar })).toEqual([]);
  });

  it('shifts anchors by N days and keeps those in the window (birthday − 3, across a year end)', () => {
    const anchors = birthdayAnchors({ md: '01-02', lunar: false, years: [2025, 2026], toSolar });
    expect(findGoldenDays({ anchors, offsetDays: -3, fromDay: '2025-12-28', toDay: '2025-12-31' })).toEqual([
      { occurrence: 'birthday:2026', dateKey: '2025-12-30' },
    ]);
  });

  it('instant anchors use the Seoul day (23:30 UTC is the next day in KST)', () => {
    const a = instantAnchor('signup', new Date('2025-06-01T23:30:00Z'));
    expect(a).toEqual({ key: 'signup:2025-06-02', dateKey: '2025-06-02' });
    expect(findGoldenDays({ anchors: [a], offsetDays: 7, fromDay: '2025-06-09', toDay: '2025-06-09' })).toEqual([
      { occurrence: 'signup:2025-06-02', dateKey: '2025-06-09' },
    ]);
  });

  it('grade reviews every 3 months on the 1st', () => {
    expect(gradeReviewAnchors({ dayOfMonth: 1, everyMonths: 3, years: [2025] }).map((a) => a.dateKey)).toEqual([
      '2025-01-01',
      '2025-04-01',
      '2025-07-01',
      '2025-10-01',
    ]);
  });
});
