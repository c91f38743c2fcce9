import { assertNever } from '../sql/dialect.ts';
import { civilFromDays, DAY_MS, dateToKstDay, isoDateToKstDay, kstDayStart, toKstDay } from '../time/kst.ts';
import type { Window } from './schema.ts';

/** Half-open instant range: lo ≤ t < hi; an absent end is open. */
export interface InstantRange {
  readonly lo?: Date;
  readonly hi?: Date;
}

/** Turns a window into instant bounds relative to `asOf`; nothing after `asOf` is ever inside. */
export function windowToRange(w: Window, asOf: Date): InstantRange {
  const today = toKstDay(asOf);
  const end = new Date(asOf.getTime() + 1);
  const clip = (hi: Date): Date => (hi.getTime() < end.getTime() ? hi : end);
  switch (w.kind) {
    case 'last_days':
      return { lo: new Date(asOf.getTime() - w.days * DAY_MS), hi: end };
    case 'days_ago': {
      const [min, max] = w.min <= w.max ? [w.min, w.max] : [w.max, w.min];
      return { lo: kstDayStart(today - max), hi: clip(kstDayStart(today - min + 1)) };
    }
    case 'dates': {
      const from = w.from === undefined ? undefined : isoDateToKstDay(w.from);
      const to = w.to === undefined ? undefined : isoDateToKstDay(w.to);
      return {
        ...(from === undefined ? {} : { lo: kstDayStart(from) }),
        hi: to === undefined ? end : clip(kstDayStart(to + 1)),
      };
    }
    case 'years_ago': {
      const t = civilFromDays(today);
      const anchor = dateToKstDay({ year: t.year - w.years, month: t.month, day: t.day });
      return { lo: kstDayStart(anchor - (w.withinDays ?? 0)), hi: kstDayStart(anchor + 1) };
    }
    default:
      return assertNever(w);
  }
}

/** Range of instants whose "days ago" (KST calendar days before asOf's day) lies in [min, max]. */
export function daysAgoRange(asOf: Date, min: number | undefined, max: number | undefined): InstantRange {
  const today = toKstDay(asOf);
  return {
    ...(max === undefined ? {} : { lo: kstDayStart(today - max) }),
    ...(min === undefined ? {} : { hi: kstDayStart(today - min + 1) }),
  };
}
