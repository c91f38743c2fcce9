import type { ParamType } from '../../sql/dialect.ts';
import { assertNever } from '../../sql/dialect.ts';
import type { FieldType, Operator } from '../catalog.ts';
import type { Comparison } from '../comparison.ts';
import { and, cmp, FALSE, inList, isNull, isTrue, not, notNull, param, TRUE } from '../sql/build.ts';
import type { BoolExpr, ValueExpr } from '../sql/node.ts';
import { daysAgoRange, type InstantRange, windowToRange } from '../window.ts';

export function paramTypeOf(type: FieldType, v: unknown): ParamType {
  if (type === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (type === 'bool') return 'bool';
  return type === 'date' ? 'timestamp' : 'string';
}

/** lo ≤ expr < hi, with bound timestamps. */
export function rangePredicate(expr: ValueExpr, r: InstantRange): BoolExpr {
  const parts: BoolExpr[] = [];
  if (r.lo) parts.push(cmp(expr, '>=', param(r.lo, 'timestamp')));
  if (r.hi) parts.push(cmp(expr, '<', param(r.hi, 'timestamp')));
  return parts.length ? and(...parts) : notNull(expr);
}

/**
 * A two-valued predicate on one value: NULL satisfies only `not_exists`. The comparison has been
 * validated against `type` (see checkComparison).
 */
export function fieldPredicate(expr: ValueExpr, type: FieldType, c: Comparison, asOf: Date): BoolExpr {
  const op = c.op as Operator;
  const v = c.value;
  const p = (x: unknown) => param(x, paramTypeOf(type, x));
  const list = Array.isArray(v) ? v : [v];
  switch (op) {
    case 'exists':
      return notNull(expr);
    case 'not_exists':
      return isNull(expr);
    case 'eq':
      return isTrue(cmp(expr, '=', p(v)));
    case 'neq':
      return isTrue(cmp(expr, '<>', p(v)));
    case 'gt':
      return isTrue(cmp(expr, '>', p(v)));
    case 'gte':
      return isTrue(cmp(expr, '>=', p(v)));
    case 'lt':
      return isTrue(cmp(expr, '<', p(v)));
    case 'lte':
      return isTrue(cmp(expr, '<=', p(v)));
    case 'between':
      return isTrue(and(cmp(expr, '>=', p(list[0])), cmp(expr, '<=', p(list[1]))));
    case 'in':
      return isTrue(inList(expr, list, paramTypeOf(type, list[0])));
    case 'not_in':
      return list.length === 0 ? notNull(expr) : isTrue(not(inList(expr, list, paramTypeOf(type, list[0]))));
    case 'within':
      return c.window ? isTrue(rangePredicate(expr, windowToRange(c.window, asOf))) : FALSE;
    case 'not_within':
      return c.window ? isTrue(and(notNull(expr), not(rangePredicate(expr, windowToRange(c.window, asOf))))) : TRUE;
    default:
      return assertNever(op);
  }
}

/**
 * "Days since" compared as a number, turned into bounds on the timestamp itself (Seoul calendar
 * days before asOf's day), so engines compare instants with parameters only.
 */
export function daysSincePredicate(ts: ValueExpr, c: Comparison, asOf: Date): BoolExpr {
  const op = c.op as Operator;
  const v = Array.isArray(c.value) ? c.value.map(Number) : [Number(c.value)];
  const n = v[0] ?? 0;
  const range = (min: number | undefined, max: number | undefined): BoolExpr =>
    isTrue(rangePredicate(ts, daysAgoRange(asOf, min, max)));
  switch (op) {
    case 'exists':
      return notNull(ts);
    case 'not_exists':
      return isNull(ts);
    case 'eq':
      return Number.isInteger(n) ? range(n, n) : FALSE;
    case 'neq':
      return Number.isInteger(n) ? isTrue(and(notNull(ts), not(range(n, n)))) : notNull(ts);
    case 'gt':
      return range(Math.floor(n) + 1, undefined);
    case 'gte':
      return range(Math.ceil(n), undefined);
    case 'lt':
      return range(undefined, Math.ceil(n) - 1);
    case 'lte':
      return range(undefined, Math.floor(n));
    case 'between':
      return range(Math.ceil(n), Math.floor(v[1] ?? n));
    case 'in':
    case 'not_in':
    case 'within':
    case 'not_within':
      return FALSE;
    default:
      return assertNever(op);
  }
}

/** Does the comparison hold for `x` (used for the value of a customer with no matching rows)? */
export function holdsFor(x: number | null, c: Comparison): boolean {
  const op = c.op as Operator;
  if (op === 'not_exists') return x === null;
  if (x === null) return false;
  const v = c.value;
  const list = (Array.isArray(v) ? v : [v]).map(Number);
  const n = Number(v);
  switch (op) {
    case 'exists':
      return true;
    case 'eq':
      return x === n;
    case 'neq':
      return x !== n;
    case 'gt':
      return x > n;
    case 'gte':
      return x >= n;
    case 'lt':
      return x < n;
    case 'lte':
      return x <= n;
    case 'between':
      return x >= (list[0] ?? 0) && x <= (list[1] ?? 0);
    case 'in':
      return list.includes(x);
    case 'not_in':
      return !list.includes(x);
    case 'within':
    case 'not_within':
      return false;
    default:
      return assertNever(op);
  }
}
