import { type ColumnDef, col, type TableDef } from '../schema/table.ts';

/** `customer_features` as migration 10 created it; later migrations add the columns below. */
export const CUSTOMER_FEATURES_V10: TableDef = {
  name: 'customer_features',
  key: ['customer_id'],
  columns: [
    col('customer_id', 'string'),
    col('refreshed_at', 'timestamp'),
    col('gender', 'string', true),
    col('grade', 'string', true),
    col('birth_year', 'int', true),
    col('registered_at', 'timestamp', true),
    col('attributes', 'json', true),
    col('has_phone', 'bool'),
    col('has_email', 'bool'),
    col('channel_count', 'int'),
    col('marketplace_only', 'bool'),
    col('order_count', 'int'),
    col('order_sum', 'int'),
    col('avg_order_value', 'float', true),
    col('avg_discount_rate', 'float', true),
    col('coupon_count', 'int'),
    col('discounted_count', 'int'),
    col('first_order_at', 'timestamp', true),
    col('last_order_at', 'timestamp', true),
    col('all_order_count', 'int'),
    col('cancel_return_rate', 'float', true),
    col('spend_percentile', 'float', true), // percent_rank of order_sum among buyers: 1 = top spender
    col('consent_sms_ad', 'bool'),
    col('consent_sms_night_ad', 'bool'),
    col('consent_kakao_ad', 'bool'),
    col('consent_kakao_night_ad', 'bool'),
    col('consent_email_ad', 'bool'),
    // Solar KST day numbers of the birthday / sign-up anniversary in the refresh year −1, 0, +1.
    col('birthday_day_1', 'int', true),
    col('birthday_day_2', 'int', true),
    col('birthday_day_3', 'int', true),
    col('signup_day_1', 'int', true),
    col('signup_day_2', 'int', true),
    col('signup_day_3', 'int', true),
  ],
};

/**
 * Added by migration 13: the first and the last tracked visit that carried UTM parameters (an
 * event with a non-empty `utm_source`, up to the refresh's asOf), with that one event's source,
 * medium and campaign (the three always come from the same event).
 */
export const TOUCH_FEATURE_COLUMNS: readonly ColumnDef[] = [
  col('first_touch_at', 'timestamp', true),
  col('first_utm_source', 'string', true),
  col('first_utm_medium', 'string', true),
  col('first_utm_campaign', 'string', true),
  col('last_touch_at', 'timestamp', true),
  col('last_utm_source', 'string', true),
  col('last_utm_medium', 'string', true),
  col('last_utm_campaign', 'string', true),
];

/**
 * Event types whose last time per customer `customer_features` keeps (decision 0024): the tracker's
 * and the importers' standard types. "Did X at least once in a window" for one of them reads the
 * column for events before `last_events_before` and scans only the events since (issue 12).
 */
export const LAST_EVENT_TYPES: readonly string[] = [
  'page_view',
  'product_view',
  'add_to_cart',
  'remove_from_cart',
  'begin_checkout',
  'purchase',
  'search',
  'signup',
  'login',
  'wishlist',
  'warranty_issued',
  'channel_added',
  'message_opened',
  'message_clicked',
];

/** The `customer_features` column holding a customer's last `type` event before `last_events_before`. */
export const lastEventColumn = (type: string): string => `last_${type}_at`;

/** Added by migration 14: the cut-off instant of the row, then one column per type. */
export const LAST_EVENT_COLUMNS: readonly ColumnDef[] = [
  col('last_events_before', 'timestamp', true),
  ...LAST_EVENT_TYPES.map((t) => col(lastEventColumn(t), 'timestamp', true)),
];

/**
 * Membership-grade history (migration 15, decision 0025), append-only: one row each time a profile
 * rebuild (an import, a shop sync, a merge) changed a customer's grade from one grade to another,
 * stamped with that write's time. A first grade (none before) is not a change.
 */
export const GRADE_CHANGES: TableDef = {
  name: 'grade_changes',
  key: ['customer_id', 'changed_at'],
  appendOnly: true,
  columns: [
    col('customer_id', 'string'),
    col('changed_at', 'timestamp'),
    col('from_grade', 'string'),
    col('to_grade', 'string'),
  ],
};

/** Added by migration 15: the latest grade change up to the refresh's asOf, and the grade before it. */
export const GRADE_FEATURE_COLUMNS: readonly ColumnDef[] = [
  col('grade_changed_at', 'timestamp', true),
  col('previous_grade', 'string', true),
];

/**
 * Per-customer features: one row per customer, rebuilt by `refreshFeatures` after each import.
 * Segment conditions that need no time window read only this table (the fast path).
 */
export const CUSTOMER_FEATURES: TableDef = {
  ...CUSTOMER_FEATURES_V10,
  columns: [
    ...CUSTOMER_FEATURES_V10.columns,
    ...TOUCH_FEATURE_COLUMNS,
    ...LAST_EVENT_COLUMNS,
    ...GRADE_FEATURE_COLUMNS,
  ],
};

/** Month-day → solar KST day number in three consecutive years (lunar dates converted). */
export const ANNIVERSARY_CALENDAR: TableDef = {
  name: 'anniversary_calendar',
  key: ['md', 'lunar'],
  columns: [
    col('md', 'string'),
    col('lunar', 'bool'),
    col('day_1', 'int', true),
    col('day_2', 'int', true),
    col('day_3', 'int', true),
  ],
};

/** Segment headers, append-only: the row with the highest `revision` is current. */
export const SEGMENTS: TableDef = {
  name: 'segments',
  key: ['segment_id', 'revision'],
  columns: [
    col('segment_id', 'string'),
    col('revision', 'int'),
    col('name', 'string'),
    col('description', 'string', true),
    col('current_version', 'int'),
    col('pinned', 'bool'),
    col('status', 'string'), // active | archived
    col('recipe', 'string', true),
    col('created_at', 'timestamp'),
    col('updated_at', 'timestamp'),
  ],
};

/** Immutable definitions: editing a segment adds a version. */
export const SEGMENT_VERSIONS: TableDef = {
  name: 'segment_versions',
  key: ['segment_id', 'version'],
  columns: [
    col('segment_id', 'string'),
    col('version', 'int'),
    col('definition', 'json'),
    col('created_at', 'timestamp'),
    col('note', 'string', true),
  ],
};

/**
 * Membership spells, append-only: a row with `exited_at` NULL records an entry; a second row with
 * the same (segment_id, customer_id, entered_at) and `exited_at` set closes that spell.
 */
export const SEGMENT_MEMBERSHIPS: TableDef = {
  name: 'segment_memberships',
  key: ['segment_id', 'customer_id', 'entered_at'],
  appendOnly: true,
  columns: [
    col('segment_id', 'string'),
    col('customer_id', 'string'),
    col('entered_at', 'timestamp'),
    col('exited_at', 'timestamp', true),
    col('version', 'int'),
  ],
};

/** One row per segment per refresh: the size trend. */
export const SEGMENT_REFRESHES: TableDef = {
  name: 'segment_refreshes',
  key: ['segment_id', 'as_of'],
  appendOnly: true,
  columns: [
    col('segment_id', 'string'),
    col('version', 'int'),
    col('as_of', 'timestamp'),
    col('size', 'int'),
    col('entered', 'int'),
    col('exited', 'int'),
    col('took_ms', 'int'),
  ],
};

/** Scratch space of a refresh: the members of the segment being refreshed, computed once. */
export const SEGMENT_STAGING: TableDef = {
  name: 'segment_staging',
  key: ['customer_id'],
  columns: [col('customer_id', 'string')],
};
