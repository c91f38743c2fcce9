import { normaliseEmail } from '@dalbit/core/ingest/normalise/email';
import { normalisePhone } from '@dalbit/core/ingest/normalise/phone';
import type { IdentityKey, PersonRecord } from '@dalbit/core/ingest/records';
import type { Engine } from '../../src/engines/engine.ts';
import { resolvePersons } from '../../src/identity/resolve-persons.ts';

/** Keys the way the importers derive them, through the real normalisers. */
export function phoneKey(raw: string): IdentityKey {
  const p = normalisePhone(raw);
  if (!p || !('e164' in p)) throw new Error(`test phone ${raw} did not normalise`);
  return { kind: 'phone', value: p.e164, mergeable: p.kind === 'mobile' };
}

export function emailKey(raw: string): IdentityKey {
  const e = normaliseEmail(raw);
  if (!e?.ok) throw new Error(`test email ${raw} did not normalise`);
  return { kind: 'email', value: e.value, mergeable: true };
}

export const memberKey = (channel: string, id: string): IdentityKey => ({
  kind: 'member',
  value: `${channel}:${id}`,
  mergeable: true,
});
export const anonKey = (id: string): IdentityKey => ({ kind: 'anon', value: id, mergeable: true });

export const at = (iso: string): Date => new Date(iso);

/** One import: resolve inside a transaction, then write the orders the way the importer does. */
export async function importPersons(
  engine: Engine,
  persons: readonly PersonRecord[],
  opts: { now: Date; orders?: readonly { orderId: string; buyer: string; channel: string; paid: number }[] },
) {
  return engine.transaction(async (tx) => {
    const res = await resolvePersons(tx, persons, { now: opts.now });
    const orders = opts.orders ?? [];
    await tx.insert(
      'orders',
      [
        'order_id',
        'channel',
        'customer_id',
        'origin_customer_id',
        'ordered_at',
        'status',
        'gross_amount',
        'discount_amount',
        'paid_amount',
        'source',
      ],
      orders.map((o) => [
        o.orderId,
        o.channel,
        res.customerOf.get(o.buyer),
        res.originOf.get(o.buyer),
        opts.now,
        'paid',
        o.paid,
        0,
        o.paid,
        'test',
      ]),
    );
    await tx.insert(
      'order_items',
      [
        'line_id',
        'order_id',
        'customer_id',
        'origin_customer_id',
        'channel',
        'ordered_at',
        'status',
        'product_id',
        'quantity',
        'line_amount',
        'discount_amount',
      ],
      orders.map((o) => [
        `${o.orderId}:1`,
        o.orderId,
        res.customerOf.get(o.buyer),
        res.originOf.get(o.buyer),
        o.channel,
        opts.now,
        'paid',
        'P1',
        1,
        o.paid,
        0,
      ]),
    );
    return res;
  });
}

/** Every identity-related table, sorted, for before/after comparisons. */
export async function dumpTables(engine: Engine): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of [
    'customers',
    'identities',
    'customer_channels',
    'person_records',
    'merges',
    'merge_snapshots',
    'never_merge',
    'orders',
    'events',
  ]) {
    out[t] = await engine.query(`SELECT * FROM ${t} ORDER BY ALL`);
  }
  return out;
}
