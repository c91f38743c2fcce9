import type { Recipient } from '@dalbit/core/campaigns/build-message';
import type { ChannelKind } from '@dalbit/core/channels/channel-kind';
import type { ContactFacts } from '@dalbit/core/compliance/check-compliance';
import { type ConsentEvent, type ConsentState, foldConsents } from '@dalbit/core/compliance/consent-state';
import type { CapLedger, SentAd } from '@dalbit/core/compliance/frequency-caps';
import type { CompliancePolicy } from '@dalbit/core/compliance/policy';
import { chunks, compileBound } from '@dalbit/core/sql/bind-sql';
import type { ProductRef } from '@dalbit/core/templates/template-context';
import { addKstDays, fromKst, toKst } from '@dalbit/core/time/kst';
import type { Engine } from '../engines/engine.ts';
import { parseJsonObject } from './parse-json-object.ts';

/** Everything the guard and the templates need about one customer, as of a moment. */
export interface RecipientFacts {
  readonly recipient: Recipient;
  readonly consents: ConsentState;
  readonly contact: ContactFacts;
}

const DAY = 86_400_000;

/**
 * Loads recipients in batches of 500 ids: profile, consents (latest event per channel/purpose at
 * or before `asOf`), marketplace-only flag, 080 list, recent purchases (transaction exception),
 * related products and the last viewed product.
 */
export async function loadRecipients(
  engine: Engine,
  ids: readonly string[],
  asOf: Date,
  policy: CompliancePolicy,
): Promise<Map<string, RecipientFacts>> {
  const out = new Map<string, RecipientFacts>();
  const d = engine.dialect;
  const ts = (b: { p(v: unknown, t: 'timestamp'): string }) => b.p(asOf, 'timestamp');
  const marketplaces = new Set(policy.marketplaceSources);
  for (const batch of chunks([...new Set(ids)])) {
    const q = <T extends Record<string, unknown>>(build: Parameters<typeof compileBound>[1]) =>
      engine.query<T>(compileBound(d, build));
    const people = await q<{
      customer_id: string;
      name: string | null;
      grade: string | null;
      phone: string | null;
      email: string | null;
      attributes: unknown;
    }>(
      (b) =>
        `SELECT customer_id, name, grade, phone, email, attributes FROM customers WHERE customer_id IN ${b.in(batch)}`,
    );
    const consents = await q<{
      customer_id: string;
      channel: string;
      purpose: string;
      granted: boolean;
      at: Date;
      source: string;
    }>(
      (b) =>
        `SELECT customer_id, channel, purpose, granted, ${d.quoteIdent('at')} AS at, source FROM consents WHERE customer_id IN ${b.in(batch)} AND ${d.quoteIdent('at')} <= ${ts(b)}`,
    );
    const channels = await q<{ customer_id: string; channel: string }>(
      (b) => `SELECT customer_id, channel FROM customer_channels WHERE customer_id IN ${b.in(batch)}`,
    );
    const phones = people.flatMap((p) => (p.phone ? [p.phone] : []));
    const optedOut = new Set(
      (
        await q<{ phone: string }>(
          (b) =>
            `SELECT DISTINCT phone FROM opt_outs WHERE phone IN ${b.in(phones)} AND ${d.quoteIdent('at')} <= ${ts(b)}`,
        )
      ).map((r) => r.phone),
    );
    const since = new Date(asOf.getTime() - (policy.transactionException.months * 31 + 1) * DAY);
    const purchases = await q<{ customer_id: string; ordered_at: Date; channel: string; category: string | null }>(
      (b) =>
        `SELECT customer_id, ordered_at, channel, category FROM order_items WHERE customer_id IN ${b.in(batch)} AND status = 'paid' AND ordered_at > ${b.p(since, 'timestamp')} AND ordered_at <= ${ts(b)}`,
    );
    const related = await q<{ customer_id: string; product_id: string; name: string | null; price: number | null }>(
      (b) =>
        `SELECT r.customer_id, r.product_id, p.name, p.price FROM related_products r LEFT JOIN products p ON p.product_id = r.product_id WHERE r.customer_id IN ${b.in(batch)} AND r."rank" <= 3 ORDER BY r.customer_id, r."rank"`,
    );
    const viewed = await q<{
      customer_id: string;
      product_id: string;
      name: string | null;
      price: number | null;
      occurred_at: Date;
    }>(
      (b) =>
        `SELECT e.customer_id, e.product_id, p.name, p.price, e.occurred_at FROM events e LEFT JOIN products p ON p.product_id = e.product_id
         WHERE e.customer_id IN ${b.in(batch)} AND e.type = 'product_view' AND e.product_id IS NOT NULL AND e.occurred_at <= ${ts(b)} ORDER BY e.occurred_at`,
    );
    // Push: the newest live token of any anonymous id linked to the customer (tracker registerPush).
    const tokens = await q<{ customer_id: string; token: string }>(
      (b) =>
        `SELECT i.customer_id, t.token FROM push_tokens t JOIN identities i ON i.kind = 'anon' AND i.value = t.anonymous_id
         WHERE i.customer_id IN ${b.in(batch)} AND t.removed_at IS NULL AND t.registered_at <= ${ts(b)} ORDER BY t.registered_at, t.token`,
    );
    const pushTokenOf = new Map(tokens.map((t) => [t.customer_id, t.token]));
    const group = <T extends { customer_id: string }>(rows: readonly T[]) => {
      const m = new Map<string, T[]>();
      for (const r of rows) m.set(r.customer_id, [...(m.get(r.customer_id) ?? []), r]);
      return m;
    };
    const byConsent = group(consents);
    const byChannel = group(channels);
    const byPurchase = group(purchases);
    const byRelated = group(related);
    const lastViewed = new Map(viewed.map((v) => [v.customer_id, v]));
    const product = (r: { product_id: string; name: string | null; price: number | null }): ProductRef => ({
      id: r.product_id,
      name: r.name ?? r.product_id,
      ...(r.price === null ? {} : { price: Number(r.price) }),
    });
    for (const p of people) {
      const own = byChannel.get(p.customer_id) ?? [];
      const events: ConsentEvent[] = (byConsent.get(p.customer_id) ?? []).map((c) => ({
        customerId: c.customer_id,
        channel: c.channel as ConsentEvent['channel'],
        purpose: c.purpose as ConsentEvent['purpose'],
        granted: c.granted,
        at: c.at,
        source: c.source,
      }));
      const lv = lastViewed.get(p.customer_id);
      const token = parseJsonObject(p.attributes).push_token;
      out.set(p.customer_id, {
        recipient: {
          customerId: p.customer_id,
          name: p.name,
          grade: p.grade,
          phone: p.phone,
          email: p.email,
          pushToken: pushTokenOf.get(p.customer_id) ?? (typeof token === 'string' ? token : null),
          relatedProducts: (byRelated.get(p.customer_id) ?? []).map(product),
          lastViewedProduct: lv ? product(lv) : undefined,
        },
        consents: foldConsents(events),
        contact: {
          phoneMarketable: p.phone !== null && p.phone !== '',
          marketplaceOnly: own.length > 0 && own.every((c) => marketplaces.has(c.channel)),
          optedOut: p.phone !== null && optedOut.has(p.phone),
          purchases: (byPurchase.get(p.customer_id) ?? []).map((o) => ({
            at: o.ordered_at,
            category: o.category ?? undefined,
            viaMarketplace: marketplaces.has(o.channel),
          })),
        },
      });
    }
  }
  return out;
}

/** Statuses that hold a cap slot: everything planned or sent that is not blocked, cancelled or failed. */
export const SLOT_STATUSES = [
  'planned',
  'deferred',
  'queued',
  'sending',
  'accepted',
  'at_carrier',
  'delivered',
] as const;

/** Ads already in the outbox for these customers around `[from, to]` (caps across campaigns). */
export async function loadAdLedger(
  engine: Engine,
  ids: readonly string[],
  from: Date,
  to: Date,
  weekDays: number,
): Promise<Map<string, SentAd[]>> {
  const start = fromKst(addKstDays(toKst(from).dateKey, -(weekDays - 1)));
  const end = new Date(to.getTime() + weekDays * DAY);
  const ledger = new Map<string, SentAd[]>();
  for (const batch of chunks([...new Set(ids)])) {
    const rows = await engine.query<{ customer_id: string; due_at: Date; channel: string; campaign_id: string | null }>(
      compileBound(
        engine.dialect,
        (b) =>
          `SELECT customer_id, due_at, channel, campaign_id FROM messages WHERE purpose = 'ad' AND customer_id IN ${b.in(batch)}
           AND status IN ${b.in(SLOT_STATUSES)} AND due_at >= ${b.p(start, 'timestamp')} AND due_at <= ${b.p(end, 'timestamp')}`,
      ),
    );
    for (const r of rows)
      ledger.set(r.customer_id, [
        ...(ledger.get(r.customer_id) ?? []),
        { at: r.due_at, channel: r.channel as ChannelKind, campaignId: r.campaign_id ?? undefined },
      ]);
  }
  return ledger;
}

export type { CapLedger };
