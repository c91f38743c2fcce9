import type { CustomerEvent, CustomerOrder } from '@dalbit/core/campaigns/event-trigger';
import { type Anchor, instantAnchor, type LunarToSolar } from '@dalbit/core/campaigns/golden-times';
import type { CustomerFacts, TriggerFacts } from '@dalbit/core/campaigns/plan-touches';
import type { CampaignDefinition } from '@dalbit/core/campaigns/schema';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import { toKst } from '@dalbit/core/time/kst';
import type { Engine } from '../engines/engine.ts';
import { parseJsonObject } from './parse-json-object.ts';

const HOUR = 3600_000;

async function loadAnchors(engine: Engine, c: CampaignDefinition, asOf: Date): Promise<Map<string, Anchor[]>> {
  const t = c.trigger;
  const out = new Map<string, Anchor[]>();
  if (t.kind !== 'date_relative') return out;
  const add = (id: string, a: Anchor) => out.set(id, [...(out.get(id) ?? []), a]);
  const d = engine.dialect;
  const rows = async (build: Parameters<typeof compileBound>[1]) =>
    engine.query<{ customer_id: string; at: Date; key?: string }>(compileBound(d, build));
  switch (t.anchor) {
    case 'signup':
      for (const r of await rows(
        (b) =>
          `SELECT customer_id, min(joined_at) AS at FROM customer_channels WHERE joined_at IS NOT NULL AND joined_at <= ${b.p(asOf, 'timestamp')} GROUP BY customer_id`,
      ))
        add(r.customer_id, instantAnchor('signup', r.at));
      break;
    case 'warranty':
      for (const r of await rows(
        (b) =>
          `SELECT customer_id, registered_at AS at, registration_id AS key FROM warranties WHERE registered_at <= ${b.p(asOf, 'timestamp')}`,
      ))
        add(r.customer_id, { key: `warranty:${r.key}`, dateKey: toKst(r.at).dateKey });
      break;
    case 'first_purchase':
    case 'last_purchase': {
      const agg = t.anchor === 'first_purchase' ? 'min' : 'max';
      for (const r of await rows(
        (b) =>
          `SELECT customer_id, ${agg}(ordered_at) AS at FROM orders WHERE customer_id IS NOT NULL AND status = 'paid' AND ordered_at <= ${b.p(asOf, 'timestamp')} GROUP BY customer_id`,
      ))
        add(r.customer_id, instantAnchor(t.anchor, r.at));
      break;
    }
    case 'product_purchase':
      for (const r of await rows(
        (b) =>
          `SELECT DISTINCT customer_id, ordered_at AS at FROM order_items WHERE customer_id IS NOT NULL AND status = 'paid' AND product_id = ${b.p(t.productId ?? '', 'string')} AND ordered_at <= ${b.p(asOf, 'timestamp')}`,
      ))
        add(r.customer_id, instantAnchor(`product:${t.productId ?? ''}`, r.at));
      break;
    case 'coupon_expiry':
      for (const r of await rows(
        (b) =>
          `SELECT k.customer_id, k.expires_at AS at, k.code AS key FROM coupons k WHERE k.issued_at <= ${b.p(asOf, 'timestamp')}` +
          (t.couponCampaignId ? ` AND k.campaign_id = ${b.p(t.couponCampaignId, 'string')}` : '') +
          ` AND NOT EXISTS (SELECT 1 FROM coupon_redemptions r WHERE r.code = k.code AND r.valid AND r.redeemed_at <= ${b.p(asOf, 'timestamp')})`,
      ))
        add(r.customer_id, { key: `coupon:${r.key}`, dateKey: toKst(r.at).dateKey });
      break;
    case 'birthday':
    case 'grade_review':
      break;
  }
  return out;
}

async function loadEventFacts(
  engine: Engine,
  c: CampaignDefinition,
  from: Date,
  asOf: Date,
): Promise<{ events: CustomerEvent[]; orders: CustomerOrder[] }> {
  const t = c.trigger;
  if (t.kind !== 'event') return { events: [], orders: [] };
  const since = new Date(from.getTime() - t.delayHours * HOUR - 24 * HOUR);
  const types = [t.event.type, ...t.exitIf.flatMap((x) => (x.kind === 'event' ? [x.type] : []))];
  const d = engine.dialect;
  const evRows = await engine.query<{
    event_id: string;
    customer_id: string;
    type: string;
    occurred_at: Date;
    product_id: string | null;
    properties: unknown;
  }>(
    compileBound(
      d,
      (b) =>
        `SELECT event_id, customer_id, type, occurred_at, product_id, properties FROM events WHERE customer_id IS NOT NULL AND type IN ${b.in([...new Set(types)])} AND occurred_at > ${b.p(since, 'timestamp')} AND occurred_at <= ${b.p(asOf, 'timestamp')}`,
    ),
  );
  const events = evRows.map((r) => ({
    eventId: r.event_id,
    customerId: r.customer_id,
    type: r.type,
    at: r.occurred_at,
    productId: r.product_id ?? undefined,
    properties: parseJsonObject(r.properties),
  }));
  if (!t.exitIf.some((x) => x.kind === 'order')) return { events, orders: [] };
  const orderRows = await engine.query<{
    order_id: string;
    customer_id: string;
    ordered_at: Date;
    product_id: string | null;
  }>(
    compileBound(
      d,
      (b) =>
        `SELECT o.order_id, o.customer_id, o.ordered_at, i.product_id FROM orders o LEFT JOIN order_items i ON i.order_id = o.order_id
         WHERE o.customer_id IS NOT NULL AND o.status = 'paid' AND o.ordered_at > ${b.p(since, 'timestamp')} AND o.ordered_at <= ${b.p(asOf, 'timestamp')}`,
    ),
  );
  const orders = new Map<string, { customerId: string; at: Date; productIds: string[] }>();
  for (const r of orderRows) {
    const o = orders.get(r.order_id) ?? { customerId: r.customer_id, at: r.ordered_at, productIds: [] };
    if (r.product_id) o.productIds.push(r.product_id);
    orders.set(r.order_id, o);
  }
  return { events, orders: [...orders.values()] };
}

async function loadEntries(engine: Engine, c: CampaignDefinition, from: Date, to: Date, asOf: Date) {
  const t = c.trigger;
  if (t.kind !== 'segment_entry') return [];
  const delay = t.delayHours * HOUR;
  const rows = await engine.query<{ customer_id: string; entered_at: Date }>(
    compileBound(
      engine.dialect,
      (b) =>
        `SELECT DISTINCT m.customer_id, m.entered_at FROM segment_memberships m WHERE m.segment_id = ${b.p(t.segmentId, 'string')} AND m.exited_at IS NULL
         AND m.entered_at > ${b.p(new Date(from.getTime() - delay), 'timestamp')} AND m.entered_at <= ${b.p(new Date(Math.min(to.getTime() - delay, asOf.getTime())), 'timestamp')}
         AND NOT EXISTS (SELECT 1 FROM segment_memberships x WHERE x.segment_id = m.segment_id AND x.customer_id = m.customer_id AND x.entered_at = m.entered_at
                         AND x.exited_at IS NOT NULL AND x.exited_at <= ${b.p(asOf, 'timestamp')})`,
    ),
  );
  return rows.map((r) => ({ customerId: r.customer_id, enteredAt: r.entered_at }));
}

/**
 * Everything `planTouches` needs for one campaign and window, read as of `asOf` (nothing after it
 * is visible, so simulations replay the past faithfully). Traits are optional: an empty
 * `customer_traits` simply means every customer gets the campaign's default time.
 */
export async function loadTriggerFacts(
  engine: Engine,
  input: {
    campaign: CampaignDefinition;
    audience: readonly string[];
    from: Date;
    to: Date;
    asOf: Date;
    toSolar: LunarToSolar;
  },
): Promise<TriggerFacts> {
  const { campaign: c, asOf } = input;
  const audience = new Set(input.audience);
  const profile = await engine.query<{
    customer_id: string;
    birthday_md: string | null;
    birthday_lunar: boolean | null;
    preferred_hour: number | null;
  }>(
    `SELECT c.customer_id, c.birthday_md, c.birthday_lunar, t.preferred_hour FROM customers c LEFT JOIN customer_traits t ON t.customer_id = c.customer_id`,
  );
  const anchors = await loadAnchors(engine, c, asOf);
  const customers: CustomerFacts[] = profile
    .filter((r) => audience.has(r.customer_id))
    .map((r) => ({
      customerId: r.customer_id,
      preferredHour: r.preferred_hour === null ? null : Number(r.preferred_hour),
      birthday: r.birthday_md ? { md: r.birthday_md, lunar: r.birthday_lunar === true } : undefined,
      anchors: anchors.get(r.customer_id),
    }));
  const { events, orders } = await loadEventFacts(engine, c, input.from, asOf);
  const entries = await loadEntries(engine, c, input.from, input.to, asOf);
  return { customers, events, orders, entries, toSolar: input.toSolar };
}
