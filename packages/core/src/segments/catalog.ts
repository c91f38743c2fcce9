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
  readonly label: Label;
  readonly unit?: Label;
  readonly values?: readonly string[];
}

export const PROFILE_FIELDS = {
  gender: { type: 'string', column: 'gender', label: { ko: '성별', en: 'gender' }, values: ['F', 'M'] },
  grade: { type: 'string', column: 'grade', label: { ko: '회원 등급', en: 'grade' } },
  age: { type: 'number', column: 'birth_year', label: { ko: '나이', en: 'age' }, unit: { ko: '세', en: ' years' } },
  birth_year: { type: 'number', column: 'birth_year', label: { ko: '출생연도', en: 'birth year' } },
  registered_at: { type: 'date', column: 'registered_at', label: { ko: '고객 등록일', en: 'registration date' } },
  has_phone: { type: 'bool', column: 'has_phone', label: { ko: '휴대폰 번호 보유', en: 'has a mobile number' } },
  has_email: { type: 'bool', column: 'has_email', label: { ko: '이메일 보유', en: 'has an email' } },
  marketplace_only: {
    type: 'bool',
    column: 'marketplace_only',
    label: { ko: '마켓플레이스 전용 고객', en: 'marketplace-only contact' },
  },
  channel_count: { type: 'number', column: 'channel_count', label: { ko: '가입 채널 수', en: 'number of channels' } },
  spend_percentile: {
    type: 'number',
    column: 'spend_percentile',
    label: { ko: '구매 금액 백분위', en: 'spend percentile' },
  },
  first_utm_source: {
    type: 'string',
    column: 'first_utm_source',
    label: { ko: '첫 유입 소스 (UTM)', en: 'first-touch UTM source' },
  },
  first_utm_medium: {
    type: 'string',
    column: 'first_utm_medium',
    label: { ko: '첫 유입 매체 (UTM)', en: 'first-touch UTM medium' },
  },
  first_utm_campaign: {
    type: 'string',
    column: 'first_utm_campaign',
    label: { ko: '첫 유입 캠페인 (UTM)', en: 'first-touch UTM campaign' },
  },
  first_touch_at: { type: 'date', column: 'first_touch_at', label: { ko: '첫 유입일', en: 'first-touch date' } },
  last_utm_source: {
    type: 'string',
    column: 'last_utm_source',
    label: { ko: '마지막 유입 소스 (UTM)', en: 'last-touch UTM source' },
  },
  last_utm_medium: {
    type: 'string',
    column: 'last_utm_medium',
    label: { ko: '마지막 유입 매체 (UTM)', en: 'last-touch UTM medium' },
  },
  last_utm_campaign: {
    type: 'string',
    column: 'last_utm_campaign',
    label: { ko: '마지막 유입 캠페인 (UTM)', en: 'last-touch UTM campaign' },
  },
  last_touch_at: { type: 'date', column: 'last_touch_at', label: { ko: '마지막 유입일', en: 'last-touch date' } },
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
  readonly label: Label;
  readonly unit?: Label;
}

export const ORDER_MEASURES = {
  count: {
    type: 'number',
    empty: 0,
    feature: 'order_count',
    label: { ko: '구매 횟수', en: 'purchase count' },
    unit: { ko: '회', en: '' },
  },
  sum: {
    type: 'number',
    empty: 0,
    feature: 'order_sum',
    label: { ko: '구매 금액', en: 'total spend' },
    unit: { ko: '원', en: ' KRW' },
  },
  avg_order_value: {
    type: 'number',
    empty: null,
    feature: 'avg_order_value',
    label: { ko: '평균 주문 금액', en: 'average order value' },
    unit: { ko: '원', en: ' KRW' },
  },
  avg_discount_rate: {
    type: 'number',
    empty: null,
    feature: 'avg_discount_rate',
    label: { ko: '평균 할인율', en: 'average discount rate' },
  },
  coupon_count: {
    type: 'number',
    empty: 0,
    feature: 'coupon_count',
    label: { ko: '쿠폰 사용 횟수', en: 'coupon uses' },
    unit: { ko: '회', en: '' },
  },
  discounted_count: {
    type: 'number',
    empty: 0,
    feature: 'discounted_count',
    label: { ko: '할인 구매 횟수', en: 'discounted purchases' },
    unit: { ko: '회', en: '' },
  },
  cancel_return_rate: {
    type: 'number',
    empty: null,
    feature: 'cancel_return_rate',
    allStatuses: true,
    label: { ko: '취소·반품 비율', en: 'cancel/return rate' },
  },
  first_date: {
    type: 'date',
    empty: null,
    feature: 'first_order_at',
    label: { ko: '첫 구매일', en: 'first purchase date' },
  },
  last_date: {
    type: 'date',
    empty: null,
    feature: 'last_order_at',
    label: { ko: '마지막 구매일', en: 'last purchase date' },
  },
  days_since_first: {
    type: 'number',
    empty: null,
    feature: 'first_order_at',
    daysSince: true,
    label: { ko: '첫 구매', en: 'first purchase' },
  },
  days_since_last: {
    type: 'number',
    empty: null,
    feature: 'last_order_at',
    daysSince: true,
    label: { ko: '마지막 구매', en: 'last purchase' },
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
