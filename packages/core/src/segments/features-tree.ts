import { columnNames } from '../schema/table.ts';
import { CONSENTS, CUSTOMER_CHANNELS, CUSTOMERS, EVENTS, ORDERS } from '../schema/tables.ts';
import { DAY_MS } from '../time/kst.ts';
import { column, MARKETPLACE_CHANNELS, type OrderMeasureName, PURCHASE_STATUSES } from './catalog.ts';
import { agg, and, cmp, col, count, flag, inList, lit, notNull, param, when } from './sql/build.ts';
import type { BoolExpr, FromNode, InsertNode, SelectColumn, SelectNode, ValueExpr } from './sql/node.ts';
import { ANNIVERSARY_CALENDAR, CUSTOMER_FEATURES, GRADE_CHANGES, LAST_EVENT_TYPES, lastEventColumn } from './tables.ts';
import { measureAggregate } from './tree/orders.ts';

const REACH = [
  ['sms', 'ad'],
  ['sms', 'night_ad'],
  ['kakao', 'ad'],
  ['kakao', 'night_ad'],
  ['email', 'ad'],
] as const;

const nullable = (item: ValueExpr): ValueExpr => ({ kind: 'nullable', item });
const coalesce = (...items: ValueExpr[]): ValueExpr => ({ kind: 'coalesce', items });
const boolValue = (item: BoolExpr): ValueExpr => ({ kind: 'bool_value', item });
const sel = (columns: SelectColumn[], from: FromNode, rest: Partial<SelectNode> = {}): SelectNode => ({
  kind: 'select',
  columns,
  from,
  ...rest,
});
const left = (l: FromNode, query: SelectNode, alias: string, on: BoolExpr): FromNode => ({
  kind: 'join',
  join: 'left',
  left: l,
  right: { kind: 'subquery', query, alias },
  on,
});

/** Keeps only customers in `only` (the ones without a features row), or everyone. */
type Restrict = (id: ValueExpr) => BoolExpr[];

/** Customers that have no `customer_features` row yet (created after the last refresh). */
function missingCustomers(): SelectNode {
  const known = sel([{ expr: col('nf', 'customer_id'), alias: 'customer_id' }], {
    kind: 'table',
    table: CUSTOMER_FEATURES.name,
    alias: 'nf',
  });
  const id = col('nc', column(CUSTOMERS, 'customer_id'));
  return sel(
    [{ expr: id, alias: 'customer_id' }],
    { kind: 'table', table: CUSTOMERS.name, alias: 'nc' },
    { where: { kind: 'not', item: { kind: 'in_query', left: id, query: known } } },
  );
}

/** Per-customer order aggregates (shared measure definitions), bounded by asOf. */
function orderAggregates(
  asOf: Date,
  statuses: readonly string[] | undefined,
  measures: readonly [OrderMeasureName, string][],
  extra: readonly SelectColumn[] = [],
  restrict: Restrict = () => [],
): SelectNode {
  const o = 'o';
  const id = col(o, column(ORDERS, 'customer_id'));
  const where: BoolExpr[] = [notNull(id), cmp(col(o, 'ordered_at'), '<=', param(asOf, 'timestamp')), ...restrict(id)];
  if (statuses) where.push(inList(col(o, column(ORDERS, 'status')), statuses, 'string'));
  const columns: SelectColumn[] = [
    { expr: id, alias: 'cid' },
    ...measures.map(([m, alias]) => ({ expr: nullable(measureAggregate(m, o)), alias })),
    ...extra,
  ];
  return sel(columns, { kind: 'table', table: ORDERS.name, alias: o }, { where: and(...where), groupBy: [id] });
}

const UTM = ['source', 'medium', 'campaign'] as const;

/**
 * Per customer, the first and the last event up to asOf that carried a non-empty `utm_source`,
 * with that event's source, medium and campaign (ties at one instant broken by event id).
 */
function touchAggregates(asOf: Date, restrict: Restrict): SelectNode {
  const t = 't';
  const tc = (name: string): ValueExpr => col(t, column(EVENTS, name));
  const id = tc('customer_id');
  const by = [tc('occurred_at'), tc('event_id')];
  // Blank instead of NULL so both engines' arg_min/arg_max keep the row (NULLs are skipped).
  const text = (k: (typeof UTM)[number]): ValueExpr => coalesce(tc(`utm_${k}`), param('', 'string'));
  return sel(
    [
      { expr: id, alias: 'cid' },
      { expr: nullable(agg('min', tc('occurred_at'))), alias: 'first_touch_at' },
      { expr: nullable(agg('max', tc('occurred_at'))), alias: 'last_touch_at' },
      ...UTM.flatMap((k) => [
        { expr: { kind: 'arg_by', fn: 'min', value: text(k), by } as ValueExpr, alias: `first_utm_${k}` },
        { expr: { kind: 'arg_by', fn: 'max', value: text(k), by } as ValueExpr, alias: `last_utm_${k}` },
      ]),
    ],
    { kind: 'table', table: EVENTS.name, alias: t },
    {
      where: and(
        notNull(id),
        notNull(tc('utm_source')),
        cmp(tc('utm_source'), '<>', param('', 'string')),
        cmp(tc('occurred_at'), '<=', param(asOf, 'timestamp')),
        ...restrict(id),
      ),
      groupBy: [id],
    },
  );
}

/** Per customer, the latest grade change up to asOf and the grade it changed from. */
function gradeChanges(asOf: Date, restrict: Restrict): SelectNode {
  const g = 'g';
  const gc = (name: string): ValueExpr => col(g, column(GRADE_CHANGES, name));
  const id = gc('customer_id');
  return sel(
    [
      { expr: id, alias: 'cid' },
      { expr: nullable(agg('max', gc('changed_at'))), alias: 'changed_at' },
      {
        expr: nullable({ kind: 'arg_by', fn: 'max', value: gc('from_grade'), by: [gc('changed_at'), gc('to_grade')] }),
        alias: 'from_grade',
      },
    ],
    { kind: 'table', table: GRADE_CHANGES.name, alias: g },
    { where: and(cmp(gc('changed_at'), '<=', param(asOf, 'timestamp')), ...restrict(id)), groupBy: [id] },
  );
}

/** The touch columns of a features row: blanks (no medium or campaign on that event) read as NULL. */
function touchColumns(alias: string): Record<string, ValueExpr> {
  const blankToNull = (e: ValueExpr): ValueExpr => ({
    kind: 'case',
    when: cmp(e, '=', param('', 'string')),
    then: lit(null),
    else: e,
  });
  return {
    first_touch_at: col(alias, 'first_touch_at'),
    last_touch_at: col(alias, 'last_touch_at'),
    ...Object.fromEntries(
      UTM.flatMap((k) => [
        [`first_utm_${k}`, blankToNull(col(alias, `first_utm_${k}`))],
        [`last_utm_${k}`, blankToNull(col(alias, `last_utm_${k}`))],
      ]),
    ),
  };
}

/**
 * How far before the refresh's asOf the last-event columns stop: events that arrive late (a
 * tracker batch sent after a reconnect) with a time in that last day are still found by the live
 * scan a count does from `last_events_before` on (decision 0024).
 */
export const LAST_EVENTS_MARGIN_MS = DAY_MS;

/** The instant before which a refresh as of `asOf` records each customer's last events. */
export const lastEventsBefore = (asOf: Date): Date => new Date(asOf.getTime() - LAST_EVENTS_MARGIN_MS);

/** Per-customer last time of each tracked event type, over events before `before` (one pass). */
function lastEvents(before: Date, restrict: Restrict): SelectNode {
  const e = 'e';
  const id = col(e, column(EVENTS, 'customer_id'));
  const type = col(e, column(EVENTS, 'type'));
  const at = col(e, column(EVENTS, 'occurred_at'));
  return sel(
    [
      { expr: id, alias: 'cid' },
      ...LAST_EVENT_TYPES.map((t) => ({
        expr: nullable(agg('max', when(cmp(type, '=', param(t, 'string')), at, lit(null)))),
        alias: lastEventColumn(t),
      })),
    ],
    { kind: 'table', table: EVENTS.name, alias: e },
    {
      where: and(
        notNull(id),
        cmp(at, '<', param(before, 'timestamp')),
        inList(type, LAST_EVENT_TYPES, 'string'),
        ...restrict(id),
      ),
      groupBy: [id],
    },
  );
}

/** Purchase and all-status order aggregates per customer (aliases `p` and `a` in the features join). */
function orderParts(asOf: Date, restrict: Restrict): { purchases: SelectNode; all: SelectNode } {
  const purchases = orderAggregates(
    asOf,
    PURCHASE_STATUSES,
    [
      ['count', 'order_count'],
      ['sum', 'order_sum'],
      ['avg_order_value', 'avg_order_value'],
      ['avg_discount_rate', 'avg_discount_rate'],
      ['coupon_count', 'coupon_count'],
      ['discounted_count', 'discounted_count'],
      ['first_date', 'first_order_at'],
      ['last_date', 'last_order_at'],
    ],
    [{ expr: nullable({ kind: 'percent_rank', orderBy: measureAggregate('sum', 'o') }), alias: 'spend_percentile' }],
    restrict,
  );
  const all = orderAggregates(
    asOf,
    undefined,
    [
      ['count', 'all_order_count'],
      ['cancel_return_rate', 'cancel_return_rate'],
    ],
    [],
    restrict,
  );
  return { purchases, all };
}

/** Channels per customer: how many, how many marketplaces, first join (and its KST day). */
function channelAggregates(restrict: Restrict, restricted: boolean): SelectNode {
  const h = 'h';
  const hc = (name: string): ValueExpr => col(h, column(CUSTOMER_CHANNELS, name));
  const joined = agg('min', hc('joined_at'));
  return sel(
    [
      { expr: hc('customer_id'), alias: 'cid' },
      { expr: count(), alias: 'n' },
      { expr: agg('sum', flag(inList(hc('channel'), MARKETPLACE_CHANNELS, 'string'))), alias: 'marketplace_n' },
      { expr: nullable(joined), alias: 'joined_at' },
      { expr: nullable({ kind: 'kst_month_day', item: joined }), alias: 'joined_md' },
      { expr: nullable({ kind: 'kst_day', item: joined }), alias: 'joined_day' },
    ],
    { kind: 'table', table: CUSTOMER_CHANNELS.name, alias: h },
    { groupBy: [hc('customer_id')], ...(restricted ? { where: and(...restrict(hc('customer_id'))) } : {}) },
  );
}

/** Latest consent per customer, channel and purpose as of `asOf`, pivoted to one column per reach. */
function consentAggregates(asOf: Date, restrict: Restrict, restricted: boolean): SelectNode {
  const k = 'k';
  const kc = (name: string): ValueExpr => col(k, column(CONSENTS, name));
  const granted = flag(cmp(kc('granted'), '=', lit(true)));
  const latestFirst: ValueExpr = {
    kind: 'arith',
    op: '-',
    left: { kind: 'arith', op: '*', left: { kind: 'epoch_ms', item: kc('at') }, right: lit(2) },
    right: granted,
  };
  const upToAsOf = cmp(kc('at'), '<=', param(asOf, 'timestamp'));
  const latest = sel(
    [
      { expr: kc('customer_id'), alias: 'cid' },
      { expr: kc('channel'), alias: 'ch' },
      { expr: kc('purpose'), alias: 'pu' },
      // Latest by time; at equal times a refusal wins (as consent-state.ts and the reports decide).
      { expr: { kind: 'arg_max', value: granted, by: latestFirst }, alias: 'g' },
    ],
    { kind: 'table', table: CONSENTS.name, alias: k },
    {
      where: restricted ? and(upToAsOf, ...restrict(kc('customer_id'))) : upToAsOf,
      groupBy: [kc('customer_id'), kc('channel'), kc('purpose')],
    },
  );
  return sel(
    [
      { expr: col('l', 'cid'), alias: 'cid' },
      ...REACH.map(([ch, pu]) => ({
        expr: agg(
          'max',
          when(
            and(cmp(col('l', 'ch'), '=', param(ch, 'string')), cmp(col('l', 'pu'), '=', param(pu, 'string'))),
            col('l', 'g'),
            lit(0),
          ),
        ),
        alias: `consent_${ch}_${pu}`,
      })),
    ],
    { kind: 'subquery', query: latest, alias: 'l' },
    { groupBy: [col('l', 'cid')] },
  );
}

const customerColumn = (name: string): ValueExpr => col('c', column(CUSTOMERS, name));

/** customers `c` left-joined with every per-customer part and the anniversary calendar (`b`, `s`). */
function featureSources(asOf: Date, restrict: Restrict, restricted: boolean): FromNode {
  const cc = customerColumn;
  const on = (alias: string): BoolExpr => cmp(col(alias, 'cid'), '=', cc('customer_id'));
  const { purchases, all } = orderParts(asOf, restrict);
  let from: FromNode = { kind: 'table', table: CUSTOMERS.name, alias: 'c' };
  from = left(from, purchases, 'p', on('p'));
  from = left(from, all, 'a', on('a'));
  from = left(from, channelAggregates(restrict, restricted), 'ch', on('ch'));
  from = left(from, consentAggregates(asOf, restrict, restricted), 'k', on('k'));
  from = left(from, touchAggregates(asOf, restrict), 't', on('t'));
  from = left(from, gradeChanges(asOf, restrict), 'gr', on('gr'));
  from = left(from, lastEvents(lastEventsBefore(asOf), restrict), 'ev', on('ev'));
  from = {
    kind: 'join',
    join: 'left',
    left: from,
    right: { kind: 'table', table: ANNIVERSARY_CALENDAR.name, alias: 'b' },
    on: and(
      cmp(col('b', 'md'), '=', cc('birthday_md')),
      cmp(col('b', 'lunar'), '=', coalesce(cc('birthday_lunar'), lit(false))),
    ),
  };
  return {
    kind: 'join',
    join: 'left',
    left: from,
    right: { kind: 'table', table: ANNIVERSARY_CALENDAR.name, alias: 's' },
    on: and(cmp(col('s', 'md'), '=', col('ch', 'joined_md')), cmp(col('s', 'lunar'), '=', lit(false))),
  };
}

/** Each `customer_features` column's expression over the sources of `featureSources`. */
function featureColumns(asOf: Date, restricted: boolean): Record<string, ValueExpr> {
  const cc = customerColumn;
  const yes = (e: BoolExpr): ValueExpr => boolValue(e);
  const positive = (e: ValueExpr): ValueExpr => yes(cmp(coalesce(e, lit(0)), '=', lit(1)));
  const zeroIfNone = (alias: string, name: string): ValueExpr => coalesce(col(alias, name), lit(0));
  return {
    customer_id: cc('customer_id'),
    refreshed_at: param(asOf, 'timestamp'),
    gender: cc('gender'),
    grade: cc('grade'),
    birth_year: cc('birth_year'),
    registered_at: cc('created_at'),
    attributes: cc('attributes'),
    has_phone: yes(and(notNull(cc('phone')), cmp(cc('phone'), '<>', param('', 'string')))),
    has_email: yes(and(notNull(cc('email')), cmp(cc('email'), '<>', param('', 'string')))),
    channel_count: zeroIfNone('ch', 'n'),
    marketplace_only: yes(
      and(cmp(zeroIfNone('ch', 'n'), '>', lit(0)), cmp(zeroIfNone('ch', 'marketplace_n'), '=', zeroIfNone('ch', 'n'))),
    ),
    order_count: zeroIfNone('p', 'order_count'),
    order_sum: zeroIfNone('p', 'order_sum'),
    avg_order_value: col('p', 'avg_order_value'),
    avg_discount_rate: col('p', 'avg_discount_rate'),
    coupon_count: zeroIfNone('p', 'coupon_count'),
    discounted_count: zeroIfNone('p', 'discounted_count'),
    first_order_at: col('p', 'first_order_at'),
    last_order_at: col('p', 'last_order_at'),
    all_order_count: zeroIfNone('a', 'all_order_count'),
    cancel_return_rate: col('a', 'cancel_return_rate'),
    spend_percentile: restricted ? lit(null) : col('p', 'spend_percentile'),
    ...touchColumns('t'),
    grade_changed_at: col('gr', 'changed_at'),
    previous_grade: col('gr', 'from_grade'),
    ...Object.fromEntries(REACH.map(([ch, pu]) => [`consent_${ch}_${pu}`, positive(col('k', `consent_${ch}_${pu}`))])),
    ...Object.fromEntries([1, 2, 3].map((n) => [`birthday_day_${n}`, col('b', `day_${n}`)])),
    // An anniversary only counts after the sign-up day itself.
    ...Object.fromEntries(
      [1, 2, 3].map((n) => [
        `signup_day_${n}`,
        when(cmp(col('s', `day_${n}`), '>', col('ch', 'joined_day')), col('s', `day_${n}`), lit(null)),
      ]),
    ),
    last_events_before: param(lastEventsBefore(asOf), 'timestamp'),
    ...Object.fromEntries(LAST_EVENT_TYPES.map((t) => [lastEventColumn(t), col('ev', lastEventColumn(t))])),
  };
}

/**
 * `INSERT INTO customer_features SELECT …` — one row per customer as of `asOf`: profile copy,
 * order aggregates (the same measure SQL the compiler uses), channels, latest consents, first and
 * last UTM touch, the last time of each tracked event type, and solar birthday / sign-up anniversary days from
 * `anniversary_calendar`. `onlyMissing`: only the customers without a row yet (new sign-ups
 * between refreshes), every part restricted to them so it stays cheap; their spend percentile
 * waits for the next full refresh (it ranks everyone).
 */
export function refreshFeaturesTree(asOf: Date, opts: { onlyMissing?: boolean } = {}): InsertNode {
  const only = opts.onlyMissing ? missingCustomers() : undefined;
  const restrict: Restrict = (id) => (only ? [{ kind: 'in_query', left: id, query: only }] : []);
  const columns = featureColumns(asOf, only !== undefined);
  const names = columnNames(CUSTOMER_FEATURES);
  return {
    kind: 'insert',
    table: CUSTOMER_FEATURES.name,
    columns: names,
    query: sel(
      names.map((n) => ({ expr: columns[n] ?? lit(null), alias: n })),
      featureSources(asOf, restrict, only !== undefined),
      only ? { where: and(...restrict(customerColumn('customer_id'))) } : {},
    ),
  };
}
