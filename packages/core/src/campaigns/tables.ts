import { col, type TableDef } from '../schema/table.ts';

/** Campaign definitions, append-only: the row with the highest `revision` is current. */
export const CAMPAIGNS: TableDef = {
  name: 'campaigns',
  key: ['campaign_id', 'revision'],
  columns: [
    col('campaign_id', 'string'),
    col('revision', 'int'),
    col('name', 'string'),
    col('status', 'string'), // active | paused | draft
    col('definition', 'json'),
    col('created_at', 'timestamp'),
  ],
};

/**
 * Who was meant to get which arm of a campaign and when, holdout included (no key, no message):
 * the denominator of every experiment. One row per touch (campaign, step, customer, occurrence).
 */
export const CAMPAIGN_EXPOSURES: TableDef = {
  name: 'campaign_exposures',
  key: ['exposure_key'],
  columns: [
    col('exposure_key', 'string'), // the touch's idempotency key, also for holdout
    col('campaign_id', 'string'),
    col('step_id', 'string'),
    col('customer_id', 'string'),
    col('occurrence', 'string'),
    col('arm', 'string'), // holdout | main | variant name
    col('planned_at', 'timestamp'), // the exposure time (after night deferral), holdout too
    col('idempotency_key', 'string', true), // messages row; null for holdout
    col('recorded_at', 'timestamp'),
  ],
};

/** Added in migration 45: the campaign revision a touch was planned under (null before 45). */
export const EXPOSURE_REVISION = col('campaign_revision', 'int', true);

/** Scenario state per customer and occurrence, append-only: the highest `seq` is current. */
export const CAMPAIGN_JOURNEYS: TableDef = {
  name: 'campaign_journeys',
  key: ['campaign_id', 'customer_id', 'occurrence', 'seq'],
  columns: [
    col('campaign_id', 'string'),
    col('customer_id', 'string'),
    col('occurrence', 'string'),
    col('seq', 'int'),
    col('step_id', 'string', true), // null = finished
    col('since', 'timestamp'),
    col('entered_at', 'timestamp'),
    col('recorded_at', 'timestamp'),
  ],
};

export const SCHEDULER_RUNS: TableDef = {
  name: 'scheduler_runs',
  key: ['run_id'],
  columns: [
    col('run_id', 'string'),
    col('now', 'timestamp'),
    col('started_at', 'timestamp'),
    col('finished_at', 'timestamp'),
    col('campaigns', 'json'),
    col('touches', 'int'),
    col('queued', 'int'),
    col('deferred', 'int'),
    col('blocked', 'int'),
    col('holdout', 'int'),
  ],
};

export const COUPONS: TableDef = {
  name: 'coupons',
  key: ['code'],
  columns: [
    col('code', 'string'),
    col('campaign_id', 'string'),
    col('customer_id', 'string'),
    col('occurrence', 'string'),
    col('kind', 'string'), // amount | percent
    col('value', 'int'),
    col('product_id', 'string', true), // secret coupons: the one product
    col('secret', 'bool'),
    col('issued_at', 'timestamp'),
    col('expires_at', 'timestamp'),
    col('idempotency_key', 'string', true),
  ],
};

/** Coupon codes seen on imported orders (conversion measured apart from attribution). */
export const COUPON_REDEMPTIONS: TableDef = {
  name: 'coupon_redemptions',
  key: ['code', 'order_id'],
  columns: [
    col('code', 'string'),
    col('order_id', 'string'),
    col('campaign_id', 'string'),
    col('coupon_customer_id', 'string'),
    col('order_customer_id', 'string', true),
    col('redeemed_at', 'timestamp'),
    col('paid_amount', 'int'),
    col('discount_amount', 'int'),
    col('valid', 'bool'), // before expiry, same customer, and (secret) the product was bought
    col('recorded_at', 'timestamp'),
  ],
};
