import type { ChannelKind, MessagePurpose } from '../channels/channel-kind.ts';
import { addKstDays, fromKst, parseClock, toKst } from '../time/kst.ts';
import { findHolidayBlock, findLunarHolidayBlocks, type HolidayBlock } from './holidays.ts';
import type { CompliancePolicy } from './policy.ts';
import type { GuardReason } from './reason-code.ts';

interface ClockWindow {
  readonly start: string;
  readonly end: string;
}

/** True when `minute` (KST minute of day) lies in [start, end), windows may wrap midnight. */
export function isInClockWindow(minute: number, w: ClockWindow): boolean {
  const s = parseClock(w.start);
  const e = parseClock(w.end);
  return s <= e ? minute >= s && minute < e : minute >= s || minute < e;
}

/** First instant ≥ `at` where window `w` is over (its next `end`). */
function windowEnd(at: Date, w: ClockWindow): Date {
  const k = toKst(at);
  const end = parseClock(w.end);
  const day = k.minuteOfDay < end ? k.dateKey : addKstDays(k.dateKey, 1);
  return fromKst(day, end);
}

export interface WindowInput {
  readonly channel: ChannelKind;
  readonly purpose: MessagePurpose;
  readonly hasNightConsent: boolean;
  readonly policy: CompliancePolicy;
}

interface Rule {
  readonly reason: GuardReason;
  /** Undefined when `at` is allowed by this rule; otherwise the earliest instant the rule lifts. */
  liftsAt(at: Date): Date | undefined;
}

function holidayBlocksAround(year: number, policy: CompliancePolicy): HolidayBlock[] {
  const lunar = policy.holidays.avoidLunarHolidays ? [year - 1, year, year + 1].flatMap(findLunarHolidayBlocks) : [];
  return [...lunar, ...policy.holidays.extraBlocks];
}

function rulesFor(input: WindowInput): Rule[] {
  const { channel, purpose, policy } = input;
  const rules: Rule[] = [];
  const clockRule = (reason: GuardReason, w: ClockWindow): Rule => ({
    reason,
    liftsAt: (at) => (isInClockWindow(toKst(at).minuteOfDay, w) ? windowEnd(at, w) : undefined),
  });
  if (purpose === 'ad') {
    if (policy.holidays.avoidLunarHolidays || policy.holidays.extraBlocks.length > 0)
      rules.push({
        reason: 'HOLIDAY_BLOCK',
        liftsAt: (at) => {
          const k = toKst(at);
          const block = findHolidayBlock(k.dateKey, holidayBlocksAround(k.year, policy));
          return block ? fromKst(addKstDays(block.to, 1), parseClock(policy.holidays.resumeAt)) : undefined;
        },
      });
    if (!policy.legalNight.exempt.includes(channel) && !input.hasNightConsent)
      rules.push(clockRule('NO_NIGHT_CONSENT', policy.legalNight.window));
    for (const p of policy.providerWindows) if (p.channel === channel) rules.push(clockRule('QUIET_HOURS', p.window));
  }
  const quiet = policy.quietHours;
  if (quiet.window && quiet.channels.includes(channel) && (purpose === 'ad' || quiet.includeInfo))
    rules.push(clockRule('QUIET_HOURS', quiet.window));
  return rules;
}

/**
 * Earliest instant ≥ `at` at which every time rule allows the send, and the first rule that moved
 * it. Undefined when `at` itself is allowed.
 *
 * @example
 * // 22:30 KST, SMS ad, no night consent → { until: 08:00 KST next day, reason: 'NO_NIGHT_CONSENT' }
 */
export function findNextSendTime(at: Date, input: WindowInput): { until: Date; reason: GuardReason } | undefined {
  const rules = rulesFor(input);
  let t = at;
  let reason: GuardReason | undefined;
  for (let i = 0; i < 32; i++) {
    let moved = false;
    for (const rule of rules) {
      const lifts = rule.liftsAt(t);
      if (lifts && lifts.getTime() > t.getTime()) {
        reason ??= rule.reason;
        t = lifts;
        moved = true;
      }
    }
    if (!moved) return reason === undefined ? undefined : { until: t, reason };
  }
  throw new Error('send windows never open: check quiet hours and holiday settings');
}
