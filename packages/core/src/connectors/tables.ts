import type { Migration } from '../schema/migrations.ts';
import { col, type TableDef } from '../schema/table.ts';

/**
 * A shop connection (decision 0016): one row per Cafe24 mall or SmartStore seller. Settings are
 * in clear; `secrets` is one AES-256-GCM sealed JSON (client secret, tokens, webhook key).
 */
export const CONNECTIONS: TableDef = {
  name: 'connections',
  key: ['connection_id'],
  columns: [
    col('connection_id', 'string'),
    col('provider', 'string'), // cafe24 | smartstore
    col('shop_id', 'string'), // Cafe24 mall_id; SmartStore application client id
    col('api_base', 'string'),
    col('client_id', 'string'),
    col('status', 'string'), // pending | connected | error | disconnected
    col('secrets', 'string'),
    col('access_expires_at', 'timestamp', true),
    col('refresh_expires_at', 'timestamp', true),
    /** SHA-256 of the OAuth state handed to the browser (pending connections). */
    col('state_hash', 'string', true),
    col('state_expires_at', 'timestamp', true),
    col('redirect_uri', 'string', true),
    col('interval_minutes', 'int'),
    col('last_sync_at', 'timestamp', true),
    col('next_run_at', 'timestamp', true),
    col('last_error_code', 'string', true),
    col('created_at', 'timestamp'),
    col('updated_at', 'timestamp'),
  ],
};

/** Where each resource of a connection stands: moved in the transaction that wrote its page. */
export const CONNECTOR_CURSORS: TableDef = {
  name: 'connector_cursors',
  key: ['connection_id', 'resource'],
  columns: [
    col('connection_id', 'string'),
    col('resource', 'string'), // customers | orders | products | product_orders
    col('cursor', 'json'),
    col('rows_total', 'int'),
    col('updated_at', 'timestamp'),
  ],
};

/** One sync of one connection: rows per resource, how it ended. */
export const CONNECTOR_RUNS: TableDef = {
  name: 'connector_runs',
  key: ['run_id'],
  columns: [
    col('run_id', 'string'),
    col('connection_id', 'string'),
    col('trigger', 'string'), // schedule | manual | cli | webhook
    col('started_at', 'timestamp'),
    col('finished_at', 'timestamp', true),
    col('status', 'string'), // running | ok | failed
    col('rows', 'json'),
    col('error_code', 'string', true),
  ],
};

/** A Cafe24 coupon as the shop defines it (read whole each sync until it has ended). */
export const SHOP_COUPONS: TableDef = {
  name: 'shop_coupons',
  key: ['connection_id', 'coupon_no'],
  columns: [
    col('connection_id', 'string'),
    col('coupon_no', 'string'),
    col('coupon_name', 'string'),
    col('benefit_type', 'string', true), // Cafe24 letter: A amount, B percent, C/D points …
    col('benefit_amount', 'int', true),
    col('benefit_percent', 'int', true),
    col('ends_at', 'timestamp', true),
    col('deleted', 'bool'),
    col('synced_at', 'timestamp'),
  ],
};

/** A Cafe24 coupon issued to a member: whether and when it was used. */
export const SHOP_COUPON_ISSUES: TableDef = {
  name: 'shop_coupon_issues',
  key: ['connection_id', 'coupon_no', 'member_id', 'issued_at'],
  columns: [
    col('connection_id', 'string'),
    col('coupon_no', 'string'),
    col('member_id', 'string'), // 'cafe24:<member_id>', the identity key
    col('customer_id', 'string', true), // the member's customer when Dalbit knows the member
    col('issued_at', 'timestamp'),
    col('expires_at', 'timestamp', true),
    col('used', 'bool'),
    col('used_at', 'timestamp', true),
    col('synced_at', 'timestamp'),
  ],
};

/** Shop connectors (versions 90–99). */
export const CONNECTOR_MIGRATIONS: readonly Migration[] = [
  {
    version: 90,
    name: 'shop connections, cursors and runs',
    steps: [CONNECTIONS, CONNECTOR_CURSORS, CONNECTOR_RUNS].map((table) => ({ kind: 'create_table', table })),
  },
  {
    version: 91,
    name: 'Cafe24 coupons and their issues to members',
    steps: [SHOP_COUPONS, SHOP_COUPON_ISSUES].map((table) => ({ kind: 'create_table', table })),
  },
];
