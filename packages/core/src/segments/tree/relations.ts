import type { TableDef } from '../../schema/table.ts';
import { ANALYTICS_FIELDS, column, TABLES } from '../catalog.ts';
import type { Comparison } from '../comparison.ts';
import type { Window } from '../schema.ts';
import { and, cmp, col, inList, inQuery, lit, not, notNull, param, TRUE } from '../sql/build.ts';
import type { BoolExpr, SelectNode } from '../sql/node.ts';
import { windowToRange } from '../window.ts';
import type { TreeContext } from './context.ts';
import { fieldPredicate, rangePredicate } from './predicate.ts';

/** `f.customer_id IN (SELECT x.customer_id FROM table x WHERE …)`. */
function memberOf(
  table: TableDef,
  ctx: TreeContext,
  where: (alias: string) => BoolExpr,
  extra?: (alias: string) => Pick<SelectNode, 'groupBy' | 'having'>,
): BoolExpr {
  const x = ctx.alias('s');
  return inQuery(col(ctx.base, 'customer_id'), {
    kind: 'select',
    columns: [{ expr: col(x, column(table, 'customer_id')), alias: 'customer_id' }],
    from: { kind: 'table', table: table.name, alias: x },
    where: where(x),
    ...extra?.(x),
  });
}

const upTo = (asOf: Date) => ({ hi: new Date(asOf.getTime() + 1) });

export function channelTree(
  cond: { readonly channels: readonly string[]; readonly joined?: Window | undefined },
  ctx: TreeContext,
): BoolExpr {
  const C = TABLES.channels;
  return memberOf(C, ctx, (x) =>
    and(
      inList(col(x, column(C, 'channel')), cond.channels, 'string'),
      ...(cond.joined ? [rangePredicate(col(x, column(C, 'joined_at')), windowToRange(cond.joined, ctx.asOf))] : []),
    ),
  );
}

export function warrantyTree(
  cond: { readonly window?: Window | undefined; readonly product?: string | undefined },
  ctx: TreeContext,
): BoolExpr {
  const W = TABLES.warranties;
  return memberOf(W, ctx, (x) =>
    and(
      rangePredicate(
        col(x, column(W, 'registered_at')),
        cond.window ? windowToRange(cond.window, ctx.asOf) : upTo(ctx.asOf),
      ),
      ...(cond.product === undefined ? [] : [cmp(col(x, column(W, 'product_id')), '=', param(cond.product, 'string'))]),
    ),
  );
}

export function relatedProductTree(cond: { readonly product?: string | undefined }, ctx: TreeContext): BoolExpr {
  const R = TABLES.relatedProducts;
  return memberOf(R, ctx, (x) =>
    cond.product === undefined ? TRUE : cmp(col(x, column(R, 'product_id')), '=', param(cond.product, 'string')),
  );
}

/** Current members of another segment: spells with no closing row. */
export function segmentTree(cond: { readonly segmentId: string }, ctx: TreeContext): BoolExpr {
  const M = TABLES.memberships;
  return memberOf(
    M,
    ctx,
    (x) => cmp(col(x, column(M, 'segment_id')), '=', param(cond.segmentId, 'string')),
    (x) => ({
      groupBy: [col(x, column(M, 'customer_id')), col(x, column(M, 'entered_at'))],
      having: cmp({ kind: 'agg', fn: 'count', arg: col(x, column(M, 'exited_at')) }, '=', lit(0)),
    }),
  );
}

/** Analytics outputs (RFM, CLV, traits); a customer without a row satisfies only `not_exists`. */
export function analyticsTree(cond: { readonly field: string } & Comparison, ctx: TreeContext): BoolExpr {
  const f = ANALYTICS_FIELDS.get(cond.field);
  if (!f) return { kind: 'const', value: false };
  if (cond.op === 'not_exists') return not(memberOf(f.table, ctx, (x) => notNull(col(x, column(f.table, f.column)))));
  return memberOf(f.table, ctx, (x) => fieldPredicate(col(x, column(f.table, f.column)), f.type, cond, ctx.asOf));
}
