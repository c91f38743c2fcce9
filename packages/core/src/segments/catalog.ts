import type { MessageKey } from '../i18n/catalog.ts';
import { CLV_SCORES, CUSTOMER_TRAITS, RELATED_PRODUCTS, RFM_SCORES } from '../schema/analytics-tables.ts';
import type { ColumnType, TableDef } from '../schema/table.ts';
import { CONSENTS, CUSTOMER_CHANNELS, EVENTS, ORDER_ITEMS, ORDERS, WARRANTIES } from '../schema/tables.ts';
import { CUSTOMER_FEATURES, SEGMENT_MEMBERSHIPS } from './tables.ts';

/**
 * The allow-list: every identifier the compiler may print comes from here (or from the table
 * definitions it names). User input only ever selects an entry by key.
 */
export type FieldType = 'string' | 'number' | 'bool' | 'date';
export type Operator =
  | 'eq'
  | 'neq'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'between'
  | 'in'
  | 'not_in'
  | 'exists'
  | 'not_exists'
  | 'within'
  | 'not_within';

export const OPERATORS: Readonly<Record<FieldType, readonly Operator[]>> = {
  string: ['eq', 'neq', 'in', 'not_in', 'exists', 'not_exists'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'exists', 'not_exists'],
  bool: ['eq'],
  date: ['within', 'not_within', 'exists', 'not_exists'],
};

export interface Label {
  readonly ko: string;
  readonly en: string;
}

export interface ProfileField {
  readonly type: FieldType;
  /** Column of `customer_features`; `age` is derived from `birth_year`. */
  readonly column: string;
  /** Catalog keys of the field's name and unit (`translate(lang, field.label)`). */
  readonly label: MessageKey;
  readonly unit?: MessageKey;
  readonly values?: readonly string[];
}

export const PROFILE_FIELDS = {
  gender: { type: 'string', column: 'gender', label: 'segmentField.profile.gender', values: ['F', 'M'] },
  grade: { type: 'string', column: 'grade', label: 'segmentField.profile.grade' },
  age: { type: 'number', column: 'birth_year', label: 'segmentField.profile.age', unit: 'segmentField.unit.years' },
  birth_year: { type: 'number', column: 'birth_year', label: 'segmentField.profile.birth_year' },
  registered_at: { type: 'date', column: 'registered_at', label: 'segmentField.profile.registered_at' },
  has_phone: { type: 'bool', column: 'has_phone', label: 'segmentField.profile.has_phone' },
  has_email: { type: 'bool', column: 'has_email', label: 'segmentField.profile.has_email' },
  marketplace_only: {
    type: 'bool',
    column: 'marketplace_only',
    label: 'segmentField.profile.marketplace_only',
  },
  channel_count: { type: 'number', column: 'channel_count', label: 'segmentField.profile.channel_count' },
  spend_percentile: {
    type: 'number',
    column: 'spend_percentile',
    label: 'segmentField.profile.spend_percentile',
  },
  grade_changed_at: {
    type: 'date',
    column: 'grade_changed_at',
    label: 'segmentField.profile.grade_changed_at',
  },
  previous_grade: {
    type: 'string',
    column: 'previous_grade',
    label: 'segmentField.profile.previous_grade',
  },
  first_utm_source: {
    type: 'string',
    column: 'first_utm_source',
    label: 'segmentField.profile.first_utm_source',
  },
  first_utm_medium: {
    type: 'string',
    column: 'first_utm_medium',
    label: 'segmentField.profile.first_utm_medium',
  },
  first_utm_campaign: {
    type: 'string',
    column: 'first_utm_campaign',
    label: 'segmentField.profile.first_utm_campaign',
  },
  first_touch_at: { type: 'date', column: 'first_touch_at', label: 'segmentField.profile.first_touch_at' },
  last_utm_source: {
    type: 'string',
    column: 'last_utm_source',
    label: 'segmentField.profile.last_utm_source',
  },
  last_utm_medium: {
    type: 'string',
    column: 'last_utm_medium',
    label: 'segmentField.profile.last_utm_medium',
  },
  last_utm_campaign: {
    type: 'string',
    column: 'last_utm_campaign',
    label: 'segmentField.profile.last_utm_campaign',
  },
  last_touch_at: { type: 'date', column: 'last_touch_at', label: 'segmentField.profile.last_touch_at' },
} as const satisfies Record<string, ProfileField>;
export type ProfileFieldName = keyof typeof PROFILE_FIELDS;

/** Custom attributes: `attributes.<key>`; the key is bound as a parameter, never printed. */
export const ATTRIBUTE_PREFIX = 'attributes.';
export const ATTRIBUTE_KEY = /^[\p{L}\p{N}_]{1,64}$/u;

export interface OrderMeasure {
  readonly type: FieldType;
  /** Value when the customer has no matching order (count 0, sum 0; NULL for ratios and dates). */
  readonly empty: 0 | null;
  /** Column of `customer_features` holding the all-time value (no filter). */
  readonly feature: string;
  /** `days_since_*` measures are compared in days against the timestamp in `feature`. */
  readonly daysSince?: true;
  /** Counts every status (cancel/return rate); the status filter does not apply. */
  readonly allStatuses?: true;
  /** Catalog keys of the measure's name and unit. */
  readonly label: MessageKey;
  readonly unit?: MessageKey;
}

export const ORDER_MEASURES = {
  count: {
    type: 'number',
    empty: 0,
    feature: 'order_count',
    label: 'segmentField.order.count',
    unit: 'segmentField.unit.times',
  },
  sum: {
    type: 'number',
    empty: 0,
    feature: 'order_sum',
    label: 'segmentField.order.sum',
    unit: 'segmentField.unit.won',
  },
  avg_order_value: {
    type: 'number',
    empty: null,
    feature: 'avg_order_value',
    label: 'segmentField.order.avg_order_value',
    unit: 'segmentField.unit.won',
  },
  avg_discount_rate: {
    type: 'number',
    empty: null,
    feature: 'avg_discount_rate',
    label: 'segmentField.order.avg_discount_rate',
  },
  coupon_count: {
    type: 'number',
    empty: 0,
    feature: 'coupon_count',
    label: 'segmentField.order.coupon_count',
    unit: 'segmentField.unit.times',
  },
  discounted_count: {
    type: 'number',
    empty: 0,
    feature: 'discounted_count',
    label: 'segmentField.order.discounted_count',
    unit: 'segmentField.unit.times',
  },
  cancel_return_rate: {
    type: 'number',
    empty: null,
    feature: 'cancel_return_rate',
    allStatuses: true,
    label: 'segmentField.order.cancel_return_rate',
  },
  first_date: {
    type: 'date',
    empty: null,
    feature: 'first_order_at',
    label: 'segmentField.order.first_date',
  },
  last_date: {
    type: 'date',
    empty: null,
    feature: 'last_order_at',
    label: 'segmentField.order.last_date',
  },
  days_since_first: {
    type: 'number',
    empty: null,
    feature: 'first_order_at',
    daysSince: true,
    label: 'segmentField.order.days_since_first',
  },
  days_since_last: {
    type: 'number',
    empty: null,
    feature: 'last_order_at',
    daysSince: true,
    label: 'segmentField.order.days_since_last',
  },
} as const satisfies Record<string, OrderMeasure>;
export type OrderMeasureName = keyof typeof ORDER_MEASURES;

/** Order statuses that count as a purchase unless a condition names its own. */
export const PURCHASE_STATUSES = ['paid', 'exchanged'] as const;
export const CANCEL_RETURN_STATUSES = ['cancelled', 'returned'] as const;

/** Sales channels that are marketplaces: their buyers consented to the marketplace, not the brand. */
export const MARKETPLACE_CHANNELS = [
  'smartstore',
  'coupang',
  'musinsa',
  '29cm',
  '11st',
  'gmarket',
  'auction',
  'ssg',
  'lotteon',
  'kakaostyle',
  'zigzag',
  'ably',
  'wconcept',
] as const;

export interface AnalyticsField {
  readonly table: TableDef;
  readonly column: string;
  readonly type: FieldType;
}

const ANALYTICS_SOURCES = { rfm: RFM_SCORES, clv: CLV_SCORES, traits: CUSTOMER_TRAITS } as const;
const TYPE_OF: Record<ColumnType, FieldType | undefined> = {
  string: 'string',
  int: 'number',
  float: 'number',
  bool: 'bool',
  timestamp: 'date',
  date: undefined,
  json: undefined,
};

/** `rfm.r_score`, `clv.p_alive`, `traits.cancel_rate`, … derived from the analytics table definitions. */
export const ANALYTICS_FIELDS: ReadonlyMap<string, AnalyticsField> = new Map(
  Object.entries(ANALYTICS_SOURCES).flatMap(([prefix, table]) =>
    table.columns.flatMap((c) => {
      const type = TYPE_OF[c.type];
      return c.name === 'customer_id' || c.name === 'as_of' || type === undefined
        ? []
        : [[`${prefix}.${c.name}`, { table, column: c.name, type }] as const];
    }),
  ),
);

/** Tables the compiler reads, by role. */
export const TABLES = {
  features: CUSTOMER_FEATURES,
  orders: ORDERS,
  orderItems: ORDER_ITEMS,
  events: EVENTS,
  channels: CUSTOMER_CHANNELS,
  consents: CONSENTS,
  warranties: WARRANTIES,
  relatedProducts: RELATED_PRODUCTS,
  memberships: SEGMENT_MEMBERSHIPS,
} as const;

/** Column name of `table`, or a thrown programming error: catalog entries must name real columns. */
export function column(table: TableDef, name: string): string {
  if (!table.columns.some((c) => c.name === name)) throw new Error(`catalog: ${table.name}.${name} does not exist`);
  return name;
}
