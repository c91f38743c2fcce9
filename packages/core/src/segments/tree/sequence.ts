import type { z } from 'zod';
import { column, PURCHASE_STATUSES, TABLES } from '../catalog.ts';
import type { SequenceCondition } from '../schema.ts';
import { agg, and, cmp, col, count, flag, inList, inQuery, lit, notNull, param } from '../sql/build.ts';
import type { BoolExpr, SelectColumn, SelectNode, ValueExpr } from '../sql/node.ts';
import { type InstantRange, windowToRange } from '../window.ts';
import type { TreeContext } from './context.ts';
import { countBetween, ev, eventRowFilter } from './events.ts';
import { rangePredicate } from './predicate.ts';

type Sequence = z.infer<typeof SequenceCondition>;
const HOUR_MS = 3_600_000;

/**
 * "Did A, then not B within T": the customer's latest A (per product with `sameProduct`) must be
 * old enough for B to have happened (A ≤ asOf − T), and no B may fall in [A, A + T) (or [A, asOf]
 * without T). A LEFT JOIN plus a conditional count, so neither engine needs a correlated subquery.
 * Only B rows that can follow some A are read: B ≥ A ≥ A's window start, B < A + T < A's window
 * end + T (and ≤ asOf). Without T only the latest B per customer (product) matters, so B is
 * pre-aggregated to its maximum and the join is one-to-one.
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
  const within = cond.withinHours === undefined ? undefined : cond.withinHours * HOUR_MS;
  const then = thenRows(cond, same, followRange(cond, within, ctx.asOf), within === undefined, ctx);
  const at = col(a, 't');
  const bt = col(b, 't');
  const follows = and(
    cmp(bt, '>=', at),
    within === undefined
      ? cmp(bt, '<=', param(ctx.asOf, 'timestamp'))
      : cmp({ kind: 'epoch_ms', item: bt }, '<', {
          kind: 'arith',
          op: '+',
          left: { kind: 'epoch_ms', item: at },
          right: param(within, 'int'),
        }),
  );
  const on = same
    ? and(cmp(col(b, 'cid'), '=', col(a, 'cid')), cmp(col(b, 'pid'), '=', col(a, 'pid')))
    : cmp(col(b, 'cid'), '=', col(a, 'cid'));
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
    ...(within === undefined
      ? {}
      : { where: cmp(at, '<=', param(new Date(ctx.asOf.getTime() - within), 'timestamp')) }),
    groupBy: same ? [col(a, 'cid'), col(a, 'pid'), at] : [col(a, 'cid'), at],
    having: cmp(agg('sum', flag(follows)), '=', lit(0)),
  };
  return inQuery(col(ctx.base, 'customer_id'), query);
}

/** Instants at which a B can follow an A of the `did` window: [A's lo, min(A's hi + T, asOf]]. */
function followRange(cond: Sequence, within: number | undefined, asOf: Date): InstantRange {
  const end = asOf.getTime() + 1;
  const a = cond.did.window ? windowToRange(cond.did.window, asOf) : {};
  const hi = within !== undefined && a.hi ? Math.min(end, a.hi.getTime() + within) : end;
  return { ...(a.lo ? { lo: a.lo } : {}), hi: new Date(hi) };
}

/**
 * The rows that would break the sequence: events of type B, or purchases (per product when
 * needed), inside `range`; with `latest`, only the latest such row per customer (product).
 */
function thenRows(cond: Sequence, same: boolean, range: InstantRange, latest: boolean, ctx: TreeContext): SelectNode {
  const t = cond.thenNot;
  const rows = (
    x: string,
    c: (name: string) => ValueExpr,
    table: string,
    time: string,
    where: BoolExpr,
  ): SelectNode => {
    const keys: SelectColumn[] = [{ expr: c('customer_id'), alias: 'cid' }];
    if (same) keys.push({ expr: c('product_id'), alias: 'pid' });
    const from = { kind: 'table', table, alias: x } as const;
    if (!latest) return { kind: 'select', columns: [...keys, { expr: c(time), alias: 't' }], from, where };
    return {
      kind: 'select',
      columns: [...keys, { expr: agg('max', c(time)), alias: 't' }],
      from,
      where,
      groupBy: keys.map((k) => k.expr),
    };
  };
  if (t.source === 'event') {
    const x = ctx.alias('e');
    const where = and(eventRowFilter(x, t, undefined, ctx), rangePredicate(ev(x, 'occurred_at'), range));
    return rows(x, (name) => ev(x, name), TABLES.events.name, 'occurred_at', where);
  }
  const byItem = same || t.product !== undefined;
  const table = byItem ? TABLES.orderItems : TABLES.orders;
  const x = ctx.alias(byItem ? 'i' : 'o');
  const c = (name: string): ValueExpr => col(x, column(table, name));
  const where: BoolExpr[] = [notNull(c('customer_id')), inList(c('status'), PURCHASE_STATUSES, 'string')];
  if (t.product !== undefined) where.push(cmp(c('product_id'), '=', param(t.product, 'string')));
  where.push(rangePredicate(c('ordered_at'), range));
  return rows(x, c, table.name, 'ordered_at', and(...where));
}
