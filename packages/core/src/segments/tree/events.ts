import { column, TABLES } from '../catalog.ts';
import type { EventStep, PropertyFilter, Window } from '../schema.ts';
import { and, cmp, col, count, inQuery, isTrue, lit, not, notNull, or, param } from '../sql/build.ts';
import type { BoolExpr, SelectNode, ValueExpr } from '../sql/node.ts';
import { LAST_EVENT_TYPES, lastEventColumn } from '../tables.ts';
import { type InstantRange, windowToRange } from '../window.ts';
import type { TreeContext } from './context.ts';
import { jsonFieldPredicate } from './json-field.ts';
import { fieldPredicate, rangePredicate } from './predicate.ts';

const E = TABLES.events;
export const ev = (alias: string, name: string): ValueExpr => col(alias, column(E, name));

/** Inflow fields the tracker and importers store in their own columns, not in `properties`. */
export const EVENT_COLUMN_PROPERTIES: readonly string[] = ['utm_source', 'utm_medium', 'utm_campaign'];

function propertyPredicate(alias: string, p: PropertyFilter, asOf: Date): BoolExpr {
  const numeric = typeof p.value === 'number' || (Array.isArray(p.value) && typeof p.value[0] === 'number');
  if (!numeric && EVENT_COLUMN_PROPERTIES.includes(p.key)) return fieldPredicate(ev(alias, p.key), 'string', p, asOf);
  return jsonFieldPredicate(ev(alias, 'properties'), p.key, numeric, p, asOf);
}

/** Rows of `events` matching one step, inside `window` (or anything up to asOf). */
export function eventRowFilter(alias: string, step: EventStep, window: Window | undefined, ctx: TreeContext): BoolExpr {
  const parts: BoolExpr[] = [
    notNull(ev(alias, 'customer_id')),
    cmp(ev(alias, 'type'), '=', param(step.type, 'string')),
  ];
  if (step.product !== undefined) parts.push(cmp(ev(alias, 'product_id'), '=', param(step.product, 'string')));
  for (const p of step.properties ?? []) parts.push(propertyPredicate(alias, p, ctx.asOf));
  parts.push(
    rangePredicate(
      ev(alias, 'occurred_at'),
      window ? windowToRange(window, ctx.asOf) : { hi: new Date(ctx.asOf.getTime() + 1) },
    ),
  );
  return and(...parts);
}

export function countBetween(
  n: ValueExpr,
  range: { readonly min?: number | undefined; readonly max?: number | undefined },
): BoolExpr {
  const parts: BoolExpr[] = [];
  if (range.min !== undefined) parts.push(cmp(n, '>=', lit(range.min)));
  if (range.max !== undefined) parts.push(cmp(n, '<=', lit(range.max)));
  return and(...parts);
}

/**
 * "Did X at least once in [lo, hi)" from the features row's last-event column, when every row's
 * column covers the events before a cut-off no later than `hi` (ctx.lastEvents): the column
 * answers for events before the row's cut-off (its last such event lies in the window exactly when
 * it is at or after `lo`), and a scan of the events from the earliest cut-off on answers for the
 * rest (a few recent row groups, not a join of every customer). Undefined when it does not apply.
 */
function lastEventTree(step: EventStep, range: InstantRange, ctx: TreeContext): BoolExpr | undefined {
  const span = ctx.lastEvents;
  if (!span || step.product !== undefined || (step.properties?.length ?? 0) > 0) return undefined;
  if (!LAST_EVENT_TYPES.includes(step.type) || !range.hi || range.hi.getTime() < span.to.getTime()) return undefined;
  const last = col(ctx.base, lastEventColumn(step.type));
  const fromColumn = range.lo ? isTrue(cmp(last, '>=', param(range.lo, 'timestamp'))) : notNull(last);
  const lo = range.lo && range.lo.getTime() > span.from.getTime() ? range.lo : span.from;
  const e = ctx.alias('e');
  const recent: SelectNode = {
    kind: 'select',
    columns: [{ expr: ev(e, 'customer_id'), alias: 'customer_id' }],
    from: { kind: 'table', table: E.name, alias: e },
    where: and(
      notNull(ev(e, 'customer_id')),
      cmp(ev(e, 'type'), '=', param(step.type, 'string')),
      rangePredicate(ev(e, 'occurred_at'), { lo, hi: range.hi }),
    ),
  };
  return or(fromColumn, inQuery(col(ctx.base, 'customer_id'), recent));
}

/** "Did event X between min and max times in the window"; min 0 includes customers with none. */
export function eventsTree(
  cond: EventStep & {
    readonly window?: Window | undefined;
    readonly count?: { readonly min?: number | undefined; readonly max?: number | undefined } | undefined;
  },
  ctx: TreeContext,
): BoolExpr {
  const min = cond.count?.min ?? (cond.count?.max === undefined ? 1 : 0);
  const max = cond.count?.max;
  if (min === 0 && max === undefined) return { kind: 'const', value: true };
  const e = ctx.alias('e');
  const query = (having?: BoolExpr): SelectNode => ({
    kind: 'select',
    columns: [{ expr: ev(e, 'customer_id'), alias: 'customer_id' }],
    from: { kind: 'table', table: E.name, alias: e },
    where: eventRowFilter(e, cond, cond.window, ctx),
    ...(having ? { groupBy: [ev(e, 'customer_id')], having } : {}),
  });
  const base = col(ctx.base, 'customer_id');
  if (min === 0) return not(inQuery(base, query(not(countBetween(count(), { max })))));
  // "At least once": a semi-join on the matching rows; grouping them first only costs (about half
  // of a live count's CPU at 1M customers, issue 12).
  if (min === 1 && max === undefined) {
    const range = cond.window ? windowToRange(cond.window, ctx.asOf) : { hi: new Date(ctx.asOf.getTime() + 1) };
    return lastEventTree(cond, range, ctx) ?? inQuery(base, query());
  }
  return inQuery(base, query(countBetween(count(), { min, max })));
}
