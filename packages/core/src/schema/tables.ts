import { type ColumnDef, col, type TableDef } from './table.ts';

/**
 * The warehouse data model (see docs/decisions/0001-warehouse-schema.md).
 * `customer_id` on fact tables is the current canonical customer; `origin_customer_id` is the
 * customer the row was first attached to, which makes merges reversible.
 */
export const CUSTOMERS: TableDef = {
  name: 'customers',
  key: ['customer_id'],
  columns: [
    col('customer_id', 'string'),
    col('name', 'string', true),
    col('phone', 'string', true), // E.164, marketable mobile only
    col('email', 'string', true),
    col('birthday_md', 'string', true), // 'MM-DD' as given (lunar when birthday_lunar)
    col('birth_year', 'int', true),
    col('birthday_lunar', 'bool', true),
    col('gender', 'string', true), // 'F' | 'M'
    col('grade', 'string', true),
    col('attributes', 'json', true),
    col('created_at', 'timestamp'),
    col('updated_at', 'timestamp'),
  ],
};

/** Every key that identifies a person, and the customer it currently points to. */
export const IDENTITIES: TableDef = {
  name: 'identities',
  key: ['kind', 'value'],
  columns: [
    col('kind', 'string'), // phone | email | member | kakao | warranty | anon
    col('value', 'string'), // normalised; member ids are namespaced 'channel:id'
    col('source', 'string'), // channel that first supplied it
    col('customer_id', 'string'),
    col('origin_customer_id', 'string'),
    col('mergeable', 'bool'), // false for 050 virtual numbers, landlines
    col('first_seen_at', 'timestamp'),
  ],
};

/** Membership of a customer in a channel (own shop member, marketplace buyer, store visitor). */
export const CUSTOMER_CHANNELS: TableDef = {
  name: 'customer_channels',
  key: ['customer_id', 'channel'],
  columns: [
    col('customer_id', 'string'),
    col('origin_customer_id', 'string'),
    col('channel', 'string'),
    col('member_id', 'string', true),
    col('joined_at', 'timestamp', true),
    col('first_seen_at', 'timestamp'),
    col('last_login_at', 'timestamp', true),
  ],
};

export const MERGES: TableDef = {
  name: 'merges',
  key: ['merge_id'],
  columns: [
    col('merge_id', 'string'),
    col('winner_id', 'string'),
    col('loser_id', 'string'),
    col('reason_kind', 'string'),
    col('reason_value', 'string'),
    col('merged_at', 'timestamp'),
    col('undone_at', 'timestamp', true),
  ],
};

export const ORDERS: TableDef = {
  name: 'orders',
  key: ['order_id'],
  columns: [
    col('order_id', 'string'), // 'channel:order number'
    col('channel', 'string'), // cafe24 | smartstore | coupang | musinsa | 29cm | offline | popup ...
    col('store', 'string', true),
    col('customer_id', 'string', true),
    col('origin_customer_id', 'string', true),
    col('ordered_at', 'timestamp'),
    col('status', 'string'), // paid | cancelled | returned | exchanged
    col('gross_amount', 'int'),
    col('discount_amount', 'int'),
    col('paid_amount', 'int'),
    col('coupon_code', 'string', true),
    col('source', 'string'), // import source kind
  ],
};

export const ORDER_ITEMS: TableDef = {
  name: 'order_items',
  key: ['line_id'],
  columns: [
    col('line_id', 'string'),
    col('order_id', 'string'),
    col('customer_id', 'string', true),
    col('origin_customer_id', 'string', true),
    col('channel', 'string'),
    col('ordered_at', 'timestamp'),
    col('status', 'string'),
    col('product_id', 'string'),
    col('product_name', 'string', true),
    col('category', 'string', true),
    col('option', 'string', true),
    col('quantity', 'int'),
    col('line_amount', 'int'),
    col('discount_amount', 'int'),
  ],
};

export const PRODUCTS: TableDef = {
  name: 'products',
  key: ['product_id'],
  columns: [
    col('product_id', 'string'),
    col('name', 'string'),
    col('category', 'string', true),
    col('price', 'int', true),
    col('attributes', 'json', true),
  ],
};

export const EVENTS: TableDef = {
  name: 'events',
  key: ['event_id'],
  columns: [
    col('event_id', 'string'),
    col('customer_id', 'string', true),
    col('origin_customer_id', 'string', true),
    col('anonymous_id', 'string', true),
    col('type', 'string'), // page_view | product_view | add_to_cart | search | signup | ...
    col('occurred_at', 'timestamp'),
    col('product_id', 'string', true),
    col('properties', 'json', true),
    col('utm_source', 'string', true),
    col('utm_medium', 'string', true),
    col('utm_campaign', 'string', true),
    col('source', 'string'),
  ],
};

/** Append-only consent events (정보통신망법 §50: provable, per channel and purpose). */
export const CONSENTS: TableDef = {
  name: 'consents',
  key: ['consent_id'],
  columns: [
    col('consent_id', 'string'),
    col('customer_id', 'string'),
    col('origin_customer_id', 'string'),
    col('channel', 'string'), // sms | kakao | email | push
    col('purpose', 'string'), // ad | night_ad | info
    col('granted', 'bool'),
    col('at', 'timestamp'),
    col('source', 'string'),
    col('proof', 'string', true),
  ],
};

export const WARRANTIES: TableDef = {
  name: 'warranties',
  key: ['registration_id'],
  columns: [
    col('registration_id', 'string'),
    col('customer_id', 'string'),
    col('origin_customer_id', 'string'),
    col('product_id', 'string', true),
    col('serial', 'string', true),
    col('channel', 'string', true),
    col('registered_at', 'timestamp'),
  ],
};

/** Row-by-row record of what each import did (for re-import idempotence and audits). */
export const IMPORTS: TableDef = {
  name: 'imports',
  key: ['import_id'],
  columns: [
    col('import_id', 'string'),
    col('file', 'string'),
    col('sha256', 'string'),
    col('source_kind', 'string'),
    col('rows_read', 'int'),
    col('rows_written', 'int'),
    col('rows_rejected', 'int'),
    col('started_at', 'timestamp'),
    col('finished_at', 'timestamp'),
  ],
};

/** Added to `imports` (migration 81): the caller (`user:<id>`; null from the CLI) and the effect on people and orders. */
export const IMPORT_DETAIL_COLUMNS: readonly ColumnDef[] = [
  col('actor', 'string', true),
  col('customers_created', 'int', true),
  col('customers_updated', 'int', true),
  col('customers_merged', 'int', true),
  col('orders', 'int', true),
];

/** Personal-data access log (개인정보 안전성 확보조치): who read/exported whose data, and why. */
export const ACCESS_LOG: TableDef = {
  name: 'access_log',
  key: ['at', 'log_id'],
  columns: [
    col('log_id', 'string'),
    col('at', 'timestamp'),
    col('actor', 'string'),
    col('action', 'string'),
    col('subject', 'string'),
    col('reason', 'string', true),
    col('origin', 'string', true),
    col('prev_hash', 'string'),
    col('hash', 'string'),
  ],
};

/**
 * The costly parts of `/api/stats` (migration 100), kept as a few rows: `kind` 'multi' (customers on
 * two or more channels, in `customers`; always present when the summary is filled), 'status'
 * (orders per order status), 'channel' (orders with a kept line, net revenue and customers per
 * channel). Emptied by every write to orders, order lines, channels or merges in that write's own
 * transaction and filled again on the next read, so it is never stale (decision 0020).
 */
export const STATS_SUMMARY: TableDef = {
  name: 'stats_summary',
  key: ['kind', 'label'],
  columns: [
    col('kind', 'string'),
    col('label', 'string'),
    col('orders', 'int'),
    col('revenue', 'int'),
    col('customers', 'int'),
  ],
};
