import type { ParamType } from '../../sql/dialect.ts';

/**
 * The SQL tree: data only, readonly, discriminated by `kind`. Built by `toSqlTree` (identifiers
 * taken from the catalog), printed by `printSql` with a dialect supplying the leaves.
 */
export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

export interface ParamNode {
  readonly kind: 'param';
  readonly value: unknown;
  readonly type: ParamType;
}

export type ValueExpr =
  | { readonly kind: 'column'; readonly table: string; readonly name: string }
  | ParamNode
  /** Compiler constants only (never user values): finite numbers, booleans, NULL. */
  | { readonly kind: 'literal'; readonly value: number | boolean | null }
  | { readonly kind: 'agg'; readonly fn: 'count' | 'sum' | 'min' | 'max'; readonly arg?: ValueExpr }
  | { readonly kind: 'arg_max'; readonly value: ValueExpr; readonly by: ValueExpr }
  /** `value` on the row with the smallest / largest `by` (compared part by part: ties broken by later parts). */
  | {
      readonly kind: 'arg_by';
      readonly fn: 'min' | 'max';
      readonly value: ValueExpr;
      readonly by: readonly ValueExpr[];
    }
  | { readonly kind: 'arith'; readonly op: '+' | '-' | '*' | '/'; readonly left: ValueExpr; readonly right: ValueExpr }
  | { readonly kind: 'nullif_zero'; readonly item: ValueExpr }
  | { readonly kind: 'coalesce'; readonly items: readonly ValueExpr[] }
  | { readonly kind: 'to_float'; readonly item: ValueExpr }
  | { readonly kind: 'epoch_ms'; readonly item: ValueExpr }
  | { readonly kind: 'kst_day'; readonly item: ValueExpr }
  | { readonly kind: 'kst_month_day'; readonly item: ValueExpr }
  | { readonly kind: 'nullable'; readonly item: ValueExpr }
  | { readonly kind: 'json_string' | 'json_number'; readonly json: ValueExpr; readonly key: string }
  | { readonly kind: 'case'; readonly when: BoolExpr; readonly then: ValueExpr; readonly else: ValueExpr }
  | { readonly kind: 'percent_rank'; readonly orderBy: ValueExpr; readonly partitionBy?: ValueExpr }
  | { readonly kind: 'bool_value'; readonly item: BoolExpr };

export type BoolExpr =
  | { readonly kind: 'and' | 'or'; readonly items: readonly BoolExpr[] }
  | { readonly kind: 'not'; readonly item: BoolExpr }
  | { readonly kind: 'const'; readonly value: boolean }
  | { readonly kind: 'compare'; readonly left: ValueExpr; readonly op: CompareOp; readonly right: ValueExpr }
  | { readonly kind: 'in_list'; readonly left: ValueExpr; readonly values: readonly ParamNode[] }
  | { readonly kind: 'is_null'; readonly item: ValueExpr; readonly negated: boolean }
  | { readonly kind: 'in_query'; readonly left: ValueExpr; readonly query: SelectNode }
  /** `needle` occurs in the string `text` (plain substring, no pattern characters). */
  | { readonly kind: 'contains'; readonly text: ValueExpr; readonly needle: ParamNode }
  /** Two-valued logic: NULL counts as false, so NOT behaves as a marketer expects. */
  | { readonly kind: 'is_true'; readonly item: BoolExpr }
  | { readonly kind: 'value_true'; readonly item: ValueExpr };

export interface SelectColumn {
  readonly expr: ValueExpr;
  readonly alias: string;
}

export type FromNode =
  | { readonly kind: 'table'; readonly table: string; readonly alias: string }
  | { readonly kind: 'subquery'; readonly query: SelectNode; readonly alias: string }
  | {
      readonly kind: 'join';
      readonly join: 'inner' | 'left';
      readonly left: FromNode;
      readonly right: FromNode;
      readonly on: BoolExpr;
    };

export interface SelectNode {
  readonly kind: 'select';
  readonly columns: readonly SelectColumn[];
  readonly from: FromNode;
  readonly where?: BoolExpr;
  readonly groupBy?: readonly ValueExpr[];
  readonly having?: BoolExpr;
  readonly orderBy?: readonly { readonly expr: ValueExpr; readonly desc?: boolean }[];
  readonly limit?: number;
}

export interface InsertNode {
  readonly kind: 'insert';
  readonly table: string;
  readonly columns: readonly string[];
  readonly query: SelectNode;
}

export type Statement = SelectNode | InsertNode;
