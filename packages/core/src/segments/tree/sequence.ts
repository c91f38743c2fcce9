import { column, PURCHASE_STATUSES, TABLES } from '../catalog.ts';
import type { SequenceCondition } from '../schema.ts';
import { agg, and, cmp, col, count, flag, inList, inQuery, lit, notNull, param } from '../sql/build.ts';
import type { BoolExpr, SelectColumn, SelectNode, ValueExpr } from '../sql/node.ts';
import type { z } from 'zod';
import type { TreeContext } from './context.ts';
import { countBetween, ev, eventRowFilter } from './events.ts';
import { rangePredicate } from './predicate.ts';

type Sequence = z.infer<typeof SequenceCondition>;
const HOUR_MS = 3_600_000;

/**
 * "Did A, then not B within T": the customer's latest A (per product with `sameProduct`) must be
 * old enough for B to have happened (A ≤ asOf − T), and no B may fall in [A, A + T) (or [A, asOf]
 * without T). A LEFT JOIN plus a conditional count, so neither engine needs a correlated subquery.
 */
export function sequenceTree(cond: Sequence, ctx: TreeContext): BoolExpr {
  const same = cond.sameProduct === true;
  const ea = ctx.alias('e');
  const a = ctx.alias('a');
  const b = ctx.alias('b');
  const aCols: SelectColumn[] = [{ expr: ev(ea, 'customer_id'), alias: 'cid' }];
  if (same) aCols.push({ expr: ev(ea, 'product_id'), alias: 'pid' });
  aCols.push({ expr: agg('max', ev(ea, 'occurred_at')), alias: 't' });
  const first: SelectNode = {
    kind: 'select',
    columns: aCols,
    from: { kind: 'table', table: TABLES.events.name, alias: ea },
    where: and(eventRowFilter(ea, cond.did, cond.did.window, ctx), ...(same ? [notNull(ev(ea, 'product_id'))] : [])),
    groupBy: same ? [ev(ea, 'customer_id'), ev(ea, 'product_id')] : [ev(ea, 'customer_id')],
    ...(cond.did.count ? { having: countBetween(count(), cond.did.count) } : {}),
  };
  const then = thenRows(cond, same, ctx);
  const at = col(a, 't');
  const bt = col(b, 't');
  const within = cond.withinHours === undefined ? undefined : cond.withinHours * HOUR_MS;
  const follows = and(
    cmp(bt, '>=', at),
    within === undefined
      ? cmp(bt, '<=', param(ctx.asOf, 'timestamp'))
      : cmp({ kind: 'epoch_ms', item: bt }, '<', { kind: 'arith', op: '+', left: { kind: 'epoch_ms', item: at }, right: param(within, 'int') }),
  );
  const on = same ? and(cmp(col(b, 'cid'), '=', col(a, 'cid')), cmp(col(b, 'pid'), '=', col(a, 'pid'))) : cmp(col(b, 'cid'), '=', col(a, 'cid'));
  const query: SelectNode = {
    kind: 'select',
    columns: [{ expr: col(a, 'cid'), alias: 'customer_id' }],
    from: {
      kind: 'join',
      join: 'left',
      left: { kind: 'subquery', query: first, alias: a },
      right: { kind: 'subquery', query: then, alias: b },
      on,
    },
    ...(within === undefined ? {} : { where: cmp(at, '<=', param(new Date(ctx.asOf.getTime() - within), 'timestamp')) }),
    groupBy: same ? [col(a, 'cid'), col(a, 'pid'), at] : [col(a, 'cid'), at],
    having: cmp(agg('sum', flag(follows)), '=', lit(0)),
  };
  return inQuery(col(ctx.base, 'customer_id'), query);
}

/** The rows that would break the sequence: events of type B, or purchases (per product when needed). */
function thenRows(cond: Sequence, same: boolean, ctx: TreeContext): SelectNode {
  const t = cond.thenNot;
  if (t.source === 'event') {
    const x = ctx.alias('e');
    const cols: SelectColumn[] = [{ expr: ev(x, 'customer_id'), alias: 'cid' }];
    if (same) cols.push({ expr: ev(x, 'product_id'), alias: 'pid' });
    cols.push({ expr: ev(x, 'occurred_at'), alias: 't' });
    return { kind: 'select', columns: cols, from: { kind: 'table', table: TABLES.events.name, alias: x }, where: eventRowFilter(x, t, undefined, ctx) };
  }
  const byItem = same || t.product !== undefined;
  const table = byItem ? TABLES.orderItems : TABLES.orders;
  const x = ctx.alias(byItem ? 'i' : 'o');
  const c = (name: string): ValueExpr => col(x, column(table, name));
  const cols: SelectColumn[] = [{ expr: c('customer_id'), alias: 'cid' }];
  if (same) cols.push({ expr: c('product_id'), alias: 'pid' });
  cols.push({ expr: c('ordered_at'), alias: 't' });
  const where: BoolExpr[] = [notNull(c('customer_id')), inList(c('status'), PURCHASE_STATUSES, 'string')];
  if (t.product !== undefined) where.push(cmp(c('product_id'), '=', param(t.product, 'string')));
  where.push(rangePredicate(c('ordered_at'), { hi: new Date(ctx.asOf.getTime() + 1) }));
  return { kind: 'select', columns: cols, from: { kind: 'table', table: table.name, alias: x }, where: and(...where) };
}
