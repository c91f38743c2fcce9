import type { PhoneInfo } from './normalise/phone.ts';
import type {
  CanonicalBatch,
  ConsentRecord,
  EventRecord,
  IdentityKey,
  OrderLineRecord,
  OrderRecord,
  OrderStatus,
  PersonRecord,
  ProductRecord,
  WarrantyRecord,
} from './records.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type OrderDraft = Omit<Mutable<OrderRecord>, 'lines' | 'status'> & { lines: OrderLineRecord[] };

/**
 * Accumulates the records of one file. The same person (same `recordId`) seen on many rows
 * becomes one record with the union of its keys and the earliest `seenAt`; order lines are
 * grouped under their order.
 */
export class BatchBuilder {
  private readonly persons = new Map<string, Mutable<PersonRecord> & { keys: IdentityKey[] }>();
  private readonly orders = new Map<string, OrderDraft>();
  readonly events: EventRecord[] = [];
  readonly consents: ConsentRecord[] = [];
  readonly products: ProductRecord[] = [];
  readonly warranties: WarrantyRecord[] = [];

  addPerson(p: PersonRecord): void {
    const prev = this.persons.get(p.recordId);
    if (!prev) {
      this.persons.set(p.recordId, { ...p, keys: [...p.keys] });
      return;
    }
    for (const k of p.keys) if (!prev.keys.some((x) => x.kind === k.kind && x.value === k.value)) prev.keys.push(k);
    if (p.seenAt < prev.seenAt) prev.seenAt = p.seenAt;
    const target = prev as Record<string, unknown>;
    const source = p as unknown as Record<string, unknown>;
    for (const k in source) if (target[k] === undefined) target[k] = source[k];
  }

  /**
   * Cheap path for a person seen again (a buyer's next order line): adds new keys, keeps the
   * earliest `seenAt`. Returns false when the person is unknown (call `addPerson`).
   */
  touchPerson(recordId: string, keys: readonly IdentityKey[], seenAt: Date): boolean {
    const prev = this.persons.get(recordId);
    if (!prev) return false;
    for (const k of keys) if (!prev.keys.some((x) => x.kind === k.kind && x.value === k.value)) prev.keys.push(k);
    if (seenAt < prev.seenAt) prev.seenAt = seenAt;
    return true;
  }

  /**
   * Adds a line to its order, opening the order from `open()` (its first line's header fields)
   * when it is new; later lines only add to it. One map look-up a line.
   */
  addOrderLine(
    orderId: string,
    line: OrderLineRecord,
    couponCode: string | undefined,
    open: () => Omit<OrderRecord, 'lines' | 'status'>,
  ): void {
    let o = this.orders.get(orderId);
    if (o === undefined) {
      o = { ...open(), lines: [] };
      this.orders.set(orderId, o);
    }
    if (o.couponCode === undefined && couponCode !== undefined) o.couponCode = couponCode;
    o.lines.push(line);
  }

  build(): CanonicalBatch {
    const orders: OrderRecord[] = [];
    // slice(): the grown line arrays are shrunk to their length (most orders have one to three lines).
    for (const o of this.orders.values()) orders.push({ ...o, lines: o.lines.slice(), status: orderStatus(o.lines) });
    return {
      persons: [...this.persons.values()],
      orders,
      events: this.events,
      consents: this.consents,
      products: this.products,
      warranties: this.warranties,
    };
  }
}

/** An order is paid while any line still is; otherwise it takes its lines' common fate. */
function orderStatus(lines: readonly OrderLineRecord[]): OrderStatus {
  if (lines.some((l) => l.status === 'paid')) return 'paid';
  return lines[0]?.status ?? 'paid';
}

/** Identity keys for a phone: only mobiles may merge people (050 and landlines never do). */
export function phoneKeys(p: PhoneInfo | undefined): IdentityKey[] {
  if (p === undefined || (p.kind !== 'mobile' && p.kind !== 'virtual' && p.kind !== 'landline')) return [];
  return [{ kind: 'phone', value: p.e164, mergeable: p.kind === 'mobile' }];
}

export function mobileOf(p: PhoneInfo | undefined): string | undefined {
  return p?.kind === 'mobile' ? p.e164 : undefined;
}

/**
 * Drops undefined values so a record satisfies `exactOptionalPropertyTypes`; field names and
 * types are checked, the caller vouches for the required ones.
 */
export function compact<R extends object>(o: { [K in keyof R]?: R[K] | undefined }): R {
  const out: Record<string, unknown> = {};
  const src = o as Record<string, unknown>;
  for (const k in src) if (src[k] !== undefined) out[k] = src[k];
  return out as R;
}
