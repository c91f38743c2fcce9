import { assertNever } from '../../sql/dialect.ts';
import {
  CANCEL_RETURN_STATUSES,
  column,
  ORDER_MEASURES,
  type OrderMeasure,
  type OrderMeasureName,
  PURCHASE_STATUSES,
  TABLES,
} from '../catalog.ts';
import type { Comparison } from '../comparison.ts';
import type { OrderFilter } from '../schema.ts';
import { agg, and, cmp, col, count, flag, inList, inQuery, isTrue, lit, not, notNull, param } from '../sql/build.ts';
import type { BoolExpr, SelectNode, ValueExpr } from '../sql/node.ts';
import { windowToRange } from '../window.ts';
import type { TreeContext } from './context.ts';
import { daysSincePredicate, fieldPredicate, holdsFor, rangePredicate } from './predicate.ts';

const O = TABLES.orders;
const c = (alias: string, name: string): ValueExpr => col(alias, column(O, name));

/** Aggregate of one measure over the `orders` rows aliased `alias` (shared with the feature refresh). */
export function measureAggregate(name: OrderMeasureName, alias: string): ValueExpr {
  const div = (a: ValueExpr, b: ValueExpr): ValueExpr => ({
    kind: 'arith',
    op: '/',
    left: { kind: 'to_float', item: a },
    right: { kind: 'nullif_zero', item: b },
  });
  switch (name) {
    case 'count':
      return count();
    case 'sum':
      return agg('sum', c(alias, 'paid_amount'));
    case 'avg_order_value':
      return div(agg('sum', c(alias, 'paid_amount')), count());
    case 'avg_discount_rate':
      return div(agg('sum', c(alias, 'discount_amount')), agg('sum', c(alias, 'gross_amount')));
    case 'coupon_count':
      return agg(
        'sum',
        flag(and(notNull(c(alias, 'coupon_code')), cmp(c(alias, 'coupon_code'), '<>', param('', 'string')))),
      );
    case 'discounted_count':
      return agg('sum', flag(cmp(c(alias, 'discount_amount'), '>', lit(0))));
    case 'cancel_return_rate':
      return div(agg('sum', flag(inList(c(alias, 'status'), CANCEL_RETURN_STATUSES, 'string'))), count());
    case 'first_date':
    case 'days_since_first':
      return agg('min', c(alias, 'ordered_at'));
    case 'last_date':
    case 'days_since_last':
      return agg('max', c(alias, 'ordered_at'));
    default:
      return assertNever(name);
  }
}

export function measurePredicate(value: ValueExpr, m: OrderMeasure, cmpn: Comparison, asOf: Date): BoolExpr {
  return m.daysSince ? daysSincePredicate(value, cmpn, asOf) : fieldPredicate(value, m.type, cmpn, asOf);
}

/** True when the filter is only the default purchase statuses: the feature table answers. */
export function isFeatureFilter(filter: OrderFilter | undefined): boolean {
  if (!filter) return true;
  const { statuses, ...rest } = filter;
  const defaultStatuses =
    statuses === undefined ||
    (statuses.length === PURCHASE_STATUSES.length && PURCHASE_STATUSES.every((s) => statuses.includes(s)));
  return defaultStatuses && Object.values(rest).every((v) => v === undefined);
}

const ALL_STATUSES = ['paid', 'cancelled', 'returned', 'exchanged'] as const;

/** Only a status filter naming every status: the all-orders count in the features answers. */
function isAllStatusesFilter(filter: OrderFilter | undefined): boolean {
  if (!filter?.statuses) return false;
  const { statuses, ...rest } = filter;
  return ALL_STATUSES.every((s) => statuses.includes(s)) && Object.values(rest).every((v) => v === undefined);
}

/** Row filter on `orders` for a condition's filter (always bounded by asOf). */
export function orderRowFilter(
  alias: string,
  filter: OrderFilter | undefined,
  allStatuses: boolean,
  ctx: TreeContext,
): BoolExpr {
  const f = filter ?? {};
  const parts: BoolExpr[] = [notNull(c(alias, 'customer_id'))];
  if (!allStatuses) parts.push(inList(c(alias, 'status'), f.statuses ?? PURCHASE_STATUSES, 'string'));
  if (f.channels) parts.push(inList(c(alias, 'channel'), f.channels, 'string'));
  if (f.stores) parts.push(isTrue(inList(c(alias, 'store'), f.stores, 'string')));
  parts.push(
    rangePredicate(
      c(alias, 'ordered_at'),
      f.window ? windowToRange(f.window, ctx.asOf) : { hi: new Date(ctx.asOf.getTime() + 1) },
    ),
  );
  if (f.discounted !== undefined) parts.push(cmp(c(alias, 'discount_amount'), f.discounted ? '>' : '=', lit(0)));
  if (f.coupon !== undefined) {
    const used = isTrue(and(notNull(c(alias, 'coupon_code')), cmp(c(alias, 'coupon_code'), '<>', param('', 'string'))));
    parts.push(f.coupon ? used : not(used));
  }
  if (f.products || f.categories) {
    const i = ctx.alias('i');
    const I = TABLES.orderItems;
    const where: BoolExpr[] = [];
    if (f.products) where.push(inList(col(i, column(I, 'product_id')), f.products, 'string'));
    if (f.categories) where.push(isTrue(inList(col(i, column(I, 'category')), f.categories, 'string')));
    parts.push(
      inQuery(c(alias, 'order_id'), {
        kind: 'select',
        columns: [{ expr: col(i, column(I, 'order_id')), alias: 'order_id' }],
        from: { kind: 'table', table: I.name, alias: i },
        where: and(...where),
      }),
    );
  }
  return and(...parts);
}

/** Order aggregate condition: from `customer_features` when unfiltered, else a grouped subquery. */
export function ordersTree(
  cond: { readonly filter?: OrderFilter | undefined; readonly measure: string } & Comparison,
  ctx: TreeContext,
): BoolExpr {
  const name = cond.measure as OrderMeasureName;
  const m: OrderMeasure = ORDER_MEASURES[name];
  if (isFeatureFilter(cond.filter)) {
    return measurePredicate(col(ctx.base, column(TABLES.features, m.feature)), m, cond, ctx.asOf);
  }
  if (name === 'count' && isAllStatusesFilter(cond.filter)) {
    return measurePredicate(col(ctx.base, column(TABLES.features, 'all_order_count')), m, cond, ctx.asOf);
  }
  const o = ctx.alias('o');
  const pred = measurePredicate(measureAggregate(name, o), m, cond, ctx.asOf);
  const emptyHolds = holdsFor(m.empty, cond);
  const query: SelectNode = {
    kind: 'select',
    columns: [{ expr: c(o, 'customer_id'), alias: 'customer_id' }],
    from: { kind: 'table', table: O.name, alias: o },
    where: orderRowFilter(o, cond.filter, m.allStatuses === true, ctx),
    groupBy: [c(o, 'customer_id')],
    having: emptyHolds ? not(pred) : pred,
  };
  const member = inQuery(col(ctx.base, 'customer_id'), query);
  return emptyHolds ? not(member) : member;
}
