import { ownValue } from '../json/own-value.ts';
import { toKst } from '../time/kst.ts';
import type { EventPattern, EventPropertyFilter, ExitCondition } from './trigger.ts';

/** One row of `events`, as the scheduler loads it. */
export interface CustomerEvent {
  readonly eventId: string;
  readonly customerId: string;
  readonly type: string;
  readonly at: Date;
  readonly productId?: string | undefined;
  readonly properties?: Readonly<Record<string, unknown>> | undefined;
}

/** A paid order and its products (for exit conditions). */
export interface CustomerOrder {
  readonly customerId: string;
  readonly at: Date;
  readonly productIds: readonly string[];
}

function matchesFilter(props: Readonly<Record<string, unknown>>, f: EventPropertyFilter): boolean {
  const v = ownValue(props, f.key);
  switch (f.op) {
    case 'exists':
      return v !== undefined && v !== null;
    case 'eq':
      return v !== undefined && String(v) === String(f.value);
    case 'neq':
      return v === undefined || String(v) !== String(f.value);
    case 'in':
      return Array.isArray(f.value) && f.value.some((x) => String(x) === String(v));
    case 'gte':
      return typeof v === 'number' && typeof f.value === 'number' && v >= f.value;
    case 'lte':
      return typeof v === 'number' && typeof f.value === 'number' && v <= f.value;
  }
}

export function matchesEvent(e: CustomerEvent, p: EventPattern): boolean {
  if (e.type !== p.type) return false;
  if (p.product !== undefined && e.productId !== p.product) return false;
  const props = e.properties ?? {};
  return p.properties.every((f) => matchesFilter(props, f));
}

function exitHappened(input: {
  trigger: CustomerEvent;
  until: Date;
  exits: readonly ExitCondition[];
  events: readonly CustomerEvent[];
  orders: readonly CustomerOrder[];
}): boolean {
  const { trigger, until } = input;
  const inWindow = (at: Date) => at.getTime() > trigger.at.getTime() && at.getTime() <= until.getTime();
  return input.exits.some((x) => {
    if (x.kind === 'event')
      return input.events.some(
        (e) =>
          e.customerId === trigger.customerId &&
          inWindow(e.at) &&
          matchesEvent(e, x) &&
          (!x.sameProduct || (trigger.productId !== undefined && e.productId === trigger.productId)),
      );
    return input.orders.some(
      (o) =>
        o.customerId === trigger.customerId &&
        inWindow(o.at) &&
        (x.product === undefined || o.productIds.includes(x.product)) &&
        (!x.sameProduct || (trigger.productId !== undefined && o.productIds.includes(trigger.productId))),
    );
  });
}

export interface EventTouch {
  readonly customerId: string;
  readonly occurrence: string;
  readonly plannedAt: Date;
  readonly trigger: CustomerEvent;
}

/**
 * "Event, then a delay, unless something happened in between" (cart abandonment: add_to_cart,
 * 72 hours, exit on a purchase). Touches are due at event + delay within (from, to]; an exit event or
 * order after the trigger and up to `asOf` cancels it. `dedupe: 'day'` keeps the latest event of
 * each customer's KST day, so three carts on one day make one reminder.
 */
export function findEventTouches(input: {
  pattern: EventPattern;
  delayHours: number;
  exits: readonly ExitCondition[];
  dedupe: 'day' | 'event';
  events: readonly CustomerEvent[];
  orders: readonly CustomerOrder[];
  from: Date;
  to: Date;
  asOf: Date;
}): EventTouch[] {
  const delayMs = input.delayHours * 3600_000;
  const latest = new Map<string, EventTouch>();
  for (const e of input.events) {
    if (!matchesEvent(e, input.pattern) || e.at.getTime() > input.asOf.getTime()) continue;
    const occurrence = input.dedupe === 'day' ? `event:${toKst(e.at).dateKey}` : `event:${e.eventId}`;
    const key = `${e.customerId}\u0000${occurrence}`;
    const prev = latest.get(key);
    if (prev && prev.trigger.at.getTime() >= e.at.getTime()) continue;
    latest.set(key, {
      customerId: e.customerId,
      occurrence,
      plannedAt: new Date(e.at.getTime() + delayMs),
      trigger: e,
    });
  }
  return [...latest.values()].filter(
    (t) =>
      t.plannedAt.getTime() > input.from.getTime() &&
      t.plannedAt.getTime() <= input.to.getTime() &&
      !exitHappened({
        trigger: t.trigger,
        until: input.asOf,
        exits: input.exits,
        events: input.events,
        orders: input.orders,
      }),
  );
}
