import { civilFromDays } from '../../time/kst.ts';
import { ATTRIBUTE_PREFIX, column, PROFILE_FIELDS, type ProfileFieldName, TABLES } from '../catalog.ts';
import type { Comparison } from '../comparison.ts';
import { col } from '../sql/build.ts';
import type { BoolExpr } from '../sql/node.ts';
import type { TreeContext } from './context.ts';
import { jsonFieldPredicate } from './json-field.ts';
import { fieldPredicate } from './predicate.ts';

const FLIP: Record<string, string> = { gt: 'lt', gte: 'lte', lt: 'gt', lte: 'gte' };

/** Profile attributes read from the features row; `age` becomes a birth-year comparison. */
export function profileTree(cond: { readonly field: string } & Comparison, ctx: TreeContext): BoolExpr {
  const F = TABLES.features;
  if (cond.field.startsWith(ATTRIBUTE_PREFIX)) {
    const key = cond.field.slice(ATTRIBUTE_PREFIX.length);
    const numeric = typeof cond.value === 'number' || (Array.isArray(cond.value) && typeof cond.value[0] === 'number');
    return jsonFieldPredicate(col(ctx.base, column(F, 'attributes')), key, numeric, cond, ctx.asOf);
  }
  const field = PROFILE_FIELDS[cond.field as ProfileFieldName];
  const expr = col(ctx.base, column(F, field.column));
  if (cond.field !== 'age') return fieldPredicate(expr, field.type, cond, ctx.asOf);
  // Age in years by calendar year in Seoul (연 나이): age = asOf year − birth year.
  const year = civilFromDays(ctx.today).year;
  const v = cond.value;
  const value = Array.isArray(v)
    ? v.map((x) => year - Number(x)).reverse()
    : v === undefined
      ? undefined
      : year - Number(v);
  return fieldPredicate(expr, 'number', { op: FLIP[cond.op] ?? cond.op, value }, ctx.asOf);
}
