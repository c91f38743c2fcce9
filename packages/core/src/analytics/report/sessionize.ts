import type { VisitStats } from './audience-report.ts';

/** Inactivity that ends a session (the usual web-analytics rule). */
export const SESSION_GAP_MS = 30 * 60_000;

/**
 * Visits from page/product views: for each visitor, a new session starts after 30 minutes without
 * an event; a session lasts from its first to its last event (a single-view session lasts 0 s).
 * `views` must be sorted by visitor, then time.
 * @example sessionize([{ visitor: 'a', at: t0 }, { visitor: 'a', at: t0 + 10 min }], 90).sessions // 1
 */
export function sessionize(
  views: readonly { readonly visitor: string; readonly at: Date }[],
  windowDays: number,
): VisitStats {
  let visitors = 0;
  let sessions = 0;
  let seconds = 0;
  let visitor: string | undefined;
  let start = 0;
  let last = 0;
  const close = (): void => {
    seconds += (last - start) / 1000;
  };
  for (const v of views) {
    const t = v.at.getTime();
    if (v.visitor !== visitor) {
      if (visitor !== undefined) close();
      visitor = v.visitor;
      visitors++;
      sessions++;
      start = t;
    } else if (t - last > SESSION_GAP_MS) {
      close();
      sessions++;
      start = t;
    }
    last = t;
  }
  if (visitor !== undefined) close();
  return {
    windowDays,
    visitors,
    sessions,
    sessionsPerVisitor: visitors === 0 ? null : sessions / visitors,
    avgSessionSeconds: sessions === 0 ? null : seconds / sessions,
    secondsPerVisitor: visitors === 0 ? null : seconds / visitors,
  };
}
