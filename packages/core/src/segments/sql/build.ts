import type { ParamType } from '../../sql/dialect.ts';
import type { BoolExpr, CompareOp, ParamNode, SelectNode, ValueExpr } from './node.ts';

/** Small constructors that keep tree-building code readable. */
export const col = (table: string, name: string): ValueExpr => ({ kind: 'column', table, name });
export const param = (value: unknown, type: ParamType): ParamNode => ({ kind: 'param', value, type });
export const lit = (value: number | boolean | null): ValueExpr => ({ kind: 'literal', value });
export const cmp = (left: ValueExpr, op: CompareOp, right: ValueExpr): BoolExpr => ({
  kind: 'compare',
  left,
  op,
  right,
});
export const and = (...items: BoolExpr[]): BoolExpr => ({ kind: 'and', items });
export const or = (...items: BoolExpr[]): BoolExpr => ({ kind: 'or', items });
export const not = (item: BoolExpr): BoolExpr => ({ kind: 'not', item });
export const isTrue = (item: BoolExpr): BoolExpr => ({ kind: 'is_true', item });
export const TRUE: BoolExpr = { kind: 'const', value: true };
export const FALSE: BoolExpr = { kind: 'const', value: false };
export const isNull = (item: ValueExpr): BoolExpr => ({ kind: 'is_null', item, negated: false });
export const notNull = (item: ValueExpr): BoolExpr => ({ kind: 'is_null', item, negated: true });
export const inQuery = (left: ValueExpr, query: SelectNode): BoolExpr => ({ kind: 'in_query', left, query });
export const count = (): ValueExpr => ({ kind: 'agg', fn: 'count' });
export const agg = (fn: 'sum' | 'min' | 'max' | 'count', arg: ValueExpr): ValueExpr => ({ kind: 'agg', fn, arg });
export const when = (cond: BoolExpr, then: ValueExpr, otherwise: ValueExpr): ValueExpr => ({
  kind: 'case',
  when: cond,
  then,
  else: otherwise,
});
/** 1 when `cond` holds else 0 — summed to count rows matching a condition. */
export const flag = (cond: BoolExpr): ValueExpr => when(cond, lit(1), lit(0));
export function inList(left: ValueExpr, values: readonly unknown[], type: ParamType): BoolExpr {
  return { kind: 'in_list', left, values: values.map((v) => param(v, type)) };
}
