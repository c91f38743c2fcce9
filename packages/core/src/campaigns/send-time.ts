import { isInClockWindow } from '../compliance/send-windows.ts';
import { fromKst, parseClock } from '../time/kst.ts';
import type { SendTime } from './schema.ts';

/**
 * The instant to send on KST day `dateKey`: the customer's preferred hour (0–23 KST) when known
 * and inside the allowed window, otherwise the campaign's default time (`clock` overrides it,
 * e.g. a recurring schedule's time).
 * @example sendInstant({ dateKey: '2026-05-04', sendTime, preferredHour: 19 }) // 19:00 KST if 19:00 is in the window
 */
export function sendInstant(input: {
  dateKey: string;
  sendTime: SendTime;
  preferredHour?: number | null | undefined;
  clock?: string | undefined;
}): Date {
  const { sendTime, preferredHour } = input;
  if (
    sendTime.usePreferredHour &&
    preferredHour !== null &&
    preferredHour !== undefined &&
    Number.isInteger(preferredHour)
  ) {
    const minute = preferredHour * 60;
    if (preferredHour >= 0 && preferredHour <= 23 && isInClockWindow(minute, sendTime.window))
      return fromKst(input.dateKey, minute);
  }
  return fromKst(input.dateKey, parseClock(input.clock ?? sendTime.time));
}
