import { toKst } from '../time/kst.ts';
import { armFor, planForArm } from './arms.ts';
import { type CustomerEvent, type CustomerOrder, findEventTouches } from './event-trigger.ts';
import {
  type Anchor,
  birthdayAnchors,
  findGoldenDays,
  gradeReviewAnchors,
  type LunarToSolar,
  yearsAround,
} from './golden-times.ts';
import { atClock, recurringDays, windowDays } from './recurrence.ts';
import type { CampaignDefinition } from './schema.ts';
import { sendInstant } from './send-time.ts';

/** What the scheduler knows about one customer of the audience. */
export interface CustomerFacts {
  readonly customerId: string;
  /** customer_traits.preferred_hour (0–23 KST), when computed. */
  readonly preferredHour?: number | null | undefined;
  readonly birthday?: { readonly md: string; readonly lunar: boolean } | undefined;
  /** Instants the date-relative anchor counts from (sign-up, purchases, warranty, coupon expiry …). */
  readonly anchors?: readonly Anchor[] | undefined;
}

export interface TriggerFacts {
  /** Audience members as of the run; every candidate must be in it. */
  readonly customers: readonly CustomerFacts[];
  readonly events?: readonly CustomerEvent[];
  readonly orders?: readonly CustomerOrder[];
  /** Segment entries (segment_memberships rows without exited_at). */
  readonly entries?: readonly { readonly customerId: string; readonly enteredAt: Date }[];
  readonly toSolar: LunarToSolar;
}

/** A customer's turn in a campaign: who, which firing, which arm, and when (before the guard). */
export interface Touch {
  readonly campaignId: string;
  readonly customerId: string;
  readonly occurrence: string;
  readonly arm: string;
  readonly plannedAt: Date;
}

const inWindow = (at: Date, from: Date, to: Date): boolean =>
  at.getTime() > from.getTime() && at.getTime() <= to.getTime();

/**
 * Pure plan: every touch of `campaign` planned in (from, to], given the facts as of `asOf`.
 * Idempotency is the caller's: the same inputs always give the same touches.
 * @example planTouches({ campaign, from, to: now, asOf: now, facts }) // → [{ customerId, occurrence: 'birthday:2026', arm: 'main', plannedAt }]
 */
export function planTouches(input: {
  campaign: CampaignDefinition;
  from: Date;
  to: Date;
  asOf: Date;
  facts: TriggerFacts;
}): Touch[] {
  const c = input.campaign;
  const t = c.trigger;
  const { from, to, facts } = input;
  const lo = c.startsAt ? new Date(Math.max(from.getTime(), new Date(c.startsAt).getTime() - 1)) : from;
  const hi = c.endsAt ? new Date(Math.min(to.getTime(), new Date(c.endsAt).getTime())) : to;
  if (hi.getTime() <= lo.getTime()) return [];
  const members = new Map(facts.customers.map((f) => [f.customerId, f]));
  const touches: Touch[] = [];
  const push = (customerId: string, occurrence: string, arm: string, plannedAt: Date) => {
    if (inWindow(plannedAt, lo, hi)) touches.push({ campaignId: c.id, customerId, occurrence, arm, plannedAt });
  };
  const { fromDay, toDay } = windowDays(lo, hi);
  switch (t.kind) {
    case 'broadcast': {
      const at = new Date(t.at);
      for (const f of facts.customers) {
        const arm = armFor(c, f.customerId);
        const override = c.experiment.variants.find((v) => v.name === arm)?.sendTime;
        const when = override
          ? sendInstant({ dateKey: toKst(at).dateKey, sendTime: override, preferredHour: f.preferredHour })
          : at;
        push(f.customerId, 'broadcast', arm, when);
      }
      break;
    }
    case 'recurring':
      for (const day of recurringDays({ every: t.every, weekdays: t.weekdays, fromDay, toDay }))
        for (const f of facts.customers) {
          const arm = armFor(c, f.customerId);
          const { sendTime } = planForArm(c, arm);
          push(
            f.customerId,
            `recurring:${day}`,
            arm,
            sendTime.usePreferredHour
              ? sendInstant({ dateKey: day, sendTime, preferredHour: f.preferredHour, clock: t.time })
              : atClock(day, t.time),
          );
        }
      break;
    case 'segment_entry':
      for (const e of facts.entries ?? [])
        if (members.has(e.customerId))
          push(
            e.customerId,
            `entry:${e.enteredAt.toISOString()}`,
            armFor(c, e.customerId),
            new Date(e.enteredAt.getTime() + t.delayHours * 3600_000),
          );
      break;
    case 'event':
      for (const e of findEventTouches({
        pattern: t.event,
        delayHours: t.delayHours,
        exits: t.exitIf,
        dedupe: t.dedupe,
        events: facts.events ?? [],
        orders: facts.orders ?? [],
        from: lo,
        to: hi,
        asOf: input.asOf,
      }))
        if (members.has(e.customerId)) push(e.customerId, e.occurrence, armFor(c, e.customerId), e.plannedAt);
      break;
    case 'date_relative': {
      const years = yearsAround(fromDay, toDay, t.offsetDays);
      const reviews = t.review ? gradeReviewAnchors({ ...t.review, years }) : [];
      for (const f of facts.customers) {
        const anchors =
          t.anchor === 'birthday'
            ? f.birthday
              ? birthdayAnchors({ ...f.birthday, years, toSolar: facts.toSolar })
              : []
            : t.anchor === 'grade_review'
              ? reviews
              : (f.anchors ?? []);
        for (const g of findGoldenDays({ anchors, offsetDays: t.offsetDays, fromDay, toDay })) {
          const arm = armFor(c, f.customerId);
          push(
            f.customerId,
            g.occurrence,
            arm,
            sendInstant({ dateKey: g.dateKey, sendTime: planForArm(c, arm).sendTime, preferredHour: f.preferredHour }),
          );
        }
      }
      break;
    }
  }
  return touches.sort(
    (a, b) =>
      a.plannedAt.getTime() - b.plannedAt.getTime() ||
      (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
  );
}
