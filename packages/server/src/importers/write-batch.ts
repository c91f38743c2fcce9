import type { CanonicalBatch, EventRecord, OrderRecord } from '@dalbit/core/ingest/records';
import type { SourceKind } from '@dalbit/core/ingest/source-kind';
import { tableDef } from '@dalbit/core/schema/migrations';
import type { Engine } from '../engines/engine.ts';
import { invalidateStatsSummary } from '../identity/stats-summary.ts';
import { boundInList, replaceRows, SMALL_BATCH, WRITE_SLICE } from './replace-rows.ts';
import { writeConsents } from './write-consents.ts';

export interface Owners {
  /** recordId → canonical customer. */
  readonly customerOf: ReadonlyMap<string, string>;
  /** recordId → customer the record first landed on. */
  readonly originOf: ReadonlyMap<string, string>;
}

export interface WriteCounts {
  readonly orders: number;
  readonly orderLines: number;
  readonly events: number;
  readonly consents: number;
  readonly products: number;
  readonly warranties: number;
}

export const ORDER_COLUMNS = [
  'order_id',
  'channel',
  'store',
  'customer_id',
  'origin_customer_id',
  'ordered_at',
  'status',
  'gross_amount',
  'discount_amount',
  'paid_amount',
  'coupon_code',
  'source',
];
export const ITEM_COLUMNS = [
  'line_id',
  'order_id',
  'customer_id',
  'origin_customer_id',
  'channel',
  'ordered_at',
  'status',
  'product_id',
  'product_name',
  'category',
  'option',
  'quantity',
  'line_amount',
  'discount_amount',
];
const EVENT_COLUMNS = [
  'event_id',
  'customer_id',
  'origin_customer_id',
  'anonymous_id',
  'type',
  'occurred_at',
  'product_id',
  'properties',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'source',
];
const PRODUCT_COLUMNS = ['product_id', 'name', 'category', 'price'];
const WARRANTY_COLUMNS = [
  'registration_id',
  'customer_id',
  'origin_customer_id',
  'product_id',
  'serial',
  'channel',
  'registered_at',
];

/** Writes the facts of a batch (persons are already resolved) inside the caller's transaction. */
export async function writeBatch(
  engine: Engine,
  batch: CanonicalBatch,
  owners: Owners,
  source: SourceKind,
): Promise<WriteCounts> {
  const who = (recordId: string | undefined): [string | null, string | null] => {
    if (recordId === undefined) return [null, null];
    const c = owners.customerOf.get(recordId) ?? null;
    return [c, owners.originOf.get(recordId) ?? c];
  };
  const orderLines = await writeOrders(engine, batch.orders, who, source);
  // A batch without persons creates no identity, so only its own events can be newly attributable.
  await writeEvents(engine, batch.events, who, source, batch.persons.length === 0);
  await replaceRows(engine, {
    table: 'products',
    columns: PRODUCT_COLUMNS,
    rows: batch.products.map((p) => [p.productId, p.name, p.category ?? null, p.price ?? null]),
    deleteBy: [{ column: 'product_id', keys: batch.products.map((p) => p.productId) }],
  });
  if (batch.products.length > 0) await fillCategories(engine, 'product_id IN (SELECT product_id FROM products)');
  const warranties = batch.warranties.flatMap((w) => {
    const [c, o] = who(w.personRecordId);
    return c === null
      ? []
      : [[w.registrationId, c, o, w.productId ?? null, w.serial ?? null, w.channel ?? null, w.registeredAt]];
  });
  await replaceRows(engine, {
    table: 'warranties',
    columns: WARRANTY_COLUMNS,
    rows: warranties,
    deleteBy: [{ column: 'registration_id', keys: batch.warranties.map((w) => w.registrationId) }],
  });
  const consents = await writeConsents(engine, batch.consents, who);
  return {
    orders: batch.orders.length,
    orderLines,
    events: batch.events.length,
    consents,
    products: batch.products.length,
    warranties: warranties.length,
  };
}

type Who = (recordId: string | undefined) => [string | null, string | null];

async function writeOrders(
  engine: Engine,
  orders: readonly OrderRecord[],
  who: Who,
  source: SourceKind,
): Promise<number> {
  if (orders.length === 0) return 0;
  await invalidateStatsSummary(engine);
  let lineCount = 0;
  for (const o of orders) lineCount += o.lines.length;
  const orderIds = orders.map((o) => o.orderId);
  // Rows are built a slice of orders at a time, so a large file never holds them all at once.
  function* slices(build: (o: OrderRecord, c: string | null, origin: string | null, out: unknown[][]) => void) {
    for (let from = 0; from < orders.length; from += WRITE_SLICE) {
      const out: unknown[][] = [];
      for (let i = from; i < Math.min(orders.length, from + WRITE_SLICE); i++) {
        const o = orders[i] as OrderRecord;
        const [c, origin] = who(o.buyerRecordId);
        build(o, c, origin, out);
      }
      yield out;
    }
  }
  await replaceRows(engine, {
    table: 'orders',
    columns: ORDER_COLUMNS,
    rows: slices((o, c, origin, out) => {
      let paid = 0;
      let discount = 0;
      for (const l of o.lines) {
        paid += l.lineAmount;
        discount += l.discountAmount;
      }
      out.push([
        o.orderId,
        o.channel,
        o.store ?? null,
        c,
        origin,
        o.orderedAt,
        o.status,
        paid + discount,
        discount,
        paid,
        o.couponCode ?? null,
        source,
      ]);
    }),
    count: orders.length,
    deleteBy: [{ column: 'order_id', keys: orderIds }],
  });
  await replaceRows(engine, {
    table: 'order_items',
    columns: ITEM_COLUMNS,
    rows: slices((o, c, origin, out) => {
      for (const l of o.lines)
        out.push([
          l.lineId,
          o.orderId,
          c,
          origin,
          o.channel,
          o.orderedAt,
          l.status,
          l.productId,
          l.productName ?? null,
          l.category ?? null,
          l.option ?? null,
          l.quantity,
          l.lineAmount,
          l.discountAmount,
        ]);
    }),
    count: lineCount,
    deleteBy: [
      { column: 'order_id', keys: orderIds },
      { column: 'line_id', keys: lineIdsOf(orders) },
    ],
  });
  await fillCategories(engine, 'category IS NULL');
  return lineCount;
}

function* lineIdsOf(orders: readonly OrderRecord[]): Generator<string> {
  for (const o of orders) for (const l of o.lines) yield l.lineId;
}

/** Order lines take their category from the catalogue. */
export async function fillCategories(engine: Engine, where: string): Promise<void> {
  await engine.exec(
    engine.dialect.write.updateWhere({
      table: tableDef('order_items'),
      alias: 'order_items',
      set: { category: 'p.category' },
      from: 'products p',
      where: `order_items.product_id = p.product_id AND p.category IS NOT NULL AND order_items.category IS DISTINCT FROM p.category AND order_items.${where}`,
    }),
  );
}

async function writeEvents(
  engine: Engine,
  events: readonly EventRecord[],
  who: Who,
  source: SourceKind,
  onlyThisBatch: boolean,
): Promise<void> {
  if (events.length === 0) return;
  const anonymous = [...new Set(events.flatMap((e) => (e.anonymousId === undefined ? [] : [e.anonymousId])))];
  // Small batch without persons (the tracker): its anonymous visitors already identified are looked
  // up here and written with their customer, instead of an UPDATE that scans every event.
  const known =
    onlyThisBatch && anonymous.length <= SMALL_BATCH ? await identifiedVisitors(engine, anonymous) : undefined;
  const rows = events.map((e) => {
    let [c, origin] = who(e.personRecordId);
    if (c === null && known && e.anonymousId !== undefined) c = origin = known.get(e.anonymousId) ?? null;
    return [
      e.eventId,
      c,
      origin,
      e.anonymousId ?? null,
      e.type,
      e.occurredAt,
      e.productId ?? null,
      e.properties === undefined ? null : JSON.stringify(e.properties),
      e.utm?.source ?? null,
      e.utm?.medium ?? null,
      e.utm?.campaign ?? null,
      source,
    ];
  });
  await replaceRows(engine, {
    table: 'events',
    columns: EVENT_COLUMNS,
    rows,
    deleteBy: [{ column: 'event_id', keys: events.map((e) => e.eventId) }],
  });
  if (known || anonymous.length === 0) return;
  // Anonymous events of a visitor identified by an earlier import belong to that customer.
  await engine.exec(
    engine.dialect.write.updateWhere({
      table: tableDef('events'),
      alias: 'events',
      set: { customer_id: 'i.customer_id', origin_customer_id: 'i.customer_id' },
      from: 'identities i',
      where: `i.kind = 'anon' AND i.value = events.anonymous_id AND events.customer_id IS NULL AND events.anonymous_id IS NOT NULL`,
    }),
  );
}

/** anonymous id → customer, for the visitors among `anonymous` that an import or identify linked. */
async function identifiedVisitors(engine: Engine, anonymous: readonly string[]): Promise<Map<string, string>> {
  if (anonymous.length === 0) return new Map();
  const only = boundInList(engine.dialect, 'value', anonymous);
  const rows = await engine.query<{ value: string; customer_id: string }>({
    ...only,
    sql: `SELECT value, customer_id FROM identities WHERE kind = 'anon' AND ${only.sql}`,
  });
  return new Map(rows.map((r) => [r.value, r.customer_id]));
}
