import { assertNever, type CompiledQuery, type ParamType, type SqlDialect } from '../../sql/dialect.ts';
import { DAY_MS, KST_OFFSET_MS } from '../../time/kst.ts';
import type { BoolExpr, FromNode, ParamNode, SelectNode, Statement, ValueExpr } from './node.ts';

/**
 * Prints a statement for one engine. The dialect supplies only the leaves (quoting, placeholders,
 * a few function spellings); values are always bound parameters, identifiers always quoted.
 * @example printSql(membersQuery(tree), DUCKDB_DIALECT) // { sql: 'SELECT "f"."customer_id" …', params: [...] }
 */
export function printSql(statement: Statement, dialect: SqlDialect): CompiledQuery {
  const params: unknown[] = [];
  const paramTypes: ParamType[] = [];
  const q = (name: string): string => dialect.quoteIdent(name);
  const bind = (p: ParamNode): string => {
    params.push(p.value);
    paramTypes.push(p.type);
    return dialect.placeholder(params.length, p.type);
  };
  const bindKey = (key: string): string => bind({ kind: 'param', value: dialect.fn.jsonKeyValue(key), type: 'string' });

  const value = (e: ValueExpr): string => {
    switch (e.kind) {
      case 'column':
        return `${q(e.table)}.${q(e.name)}`;
      case 'param':
        return bind(e);
      case 'literal':
        return printLiteral(e.value);
      case 'agg':
        return e.arg ? `${e.fn}(${value(e.arg)})` : `${e.fn}(*)`;
      case 'arg_max':
        return dialect.fn.argMax(value(e.value), value(e.by));
      case 'arg_by': {
        const by = dialect.fn.orderKey(e.by.map(value));
        return e.fn === 'max' ? dialect.fn.argMax(value(e.value), by) : dialect.fn.argMin(value(e.value), by);
      }
      case 'arith':
        return `(${value(e.left)} ${e.op} ${value(e.right)})`;
      case 'nullif_zero':
        return `NULLIF(${value(e.item)}, 0)`;
      case 'coalesce':
        return `COALESCE(${e.items.map(value).join(', ')})`;
      case 'to_float':
        return `CAST(${value(e.item)} AS DOUBLE)`;
      case 'epoch_ms':
        return dialect.fn.epochMs(value(e.item));
      case 'kst_day':
        return `floor((${dialect.fn.epochMs(value(e.item))} + ${KST_OFFSET_MS}) / ${DAY_MS})`;
      case 'kst_month_day':
        return dialect.fn.kstMonthDay(value(e.item));
      case 'nullable':
        return dialect.fn.nullable(value(e.item));
      case 'json_string':
        return dialect.fn.jsonString(value(e.json), bindKey(e.key));
      case 'json_number':
        return dialect.fn.jsonNumber(value(e.json), bindKey(e.key));
      case 'case':
        return `CASE WHEN ${bool(e.when)} THEN ${value(e.then)} ELSE ${value(e.else)} END`;
      case 'percent_rank':
        return `percent_rank() OVER (${e.partitionBy ? `PARTITION BY ${value(e.partitionBy)} ` : ''}ORDER BY ${value(e.orderBy)})`;
      case 'bool_value':
        return `(${bool(e.item)})`;
      default:
        return assertNever(e);
    }
  };

  const bool = (e: BoolExpr): string => {
    switch (e.kind) {
      case 'and':
      case 'or':
        return e.items.map((i) => `(${bool(i)})`).join(` ${e.kind.toUpperCase()} `);
      case 'not':
        return `NOT (${bool(e.item)})`;
      case 'const':
        return e.value ? 'TRUE' : 'FALSE';
      case 'compare':
        return `${value(e.left)} ${e.op} ${value(e.right)}`;
      case 'in_list':
        return `${value(e.left)} IN (${e.values.map(bind).join(', ')})`;
      case 'is_null':
        return `${value(e.item)} IS ${e.negated ? 'NOT ' : ''}NULL`;
      case 'in_query':
        return `${value(e.left)} IN (${select(e.query)})`;
      case 'contains':
        return dialect.fn.contains(value(e.text), bind(e.needle));
      case 'is_true':
        return `COALESCE(${bool(e.item)}, FALSE)`;
      case 'value_true':
        return `COALESCE(${value(e.item)}, FALSE)`;
      default:
        return assertNever(e);
    }
  };

  const from = (f: FromNode): string => {
    switch (f.kind) {
      case 'table':
        return `${q(f.table)} AS ${q(f.alias)}`;
      case 'subquery':
        return `(${select(f.query)}) AS ${q(f.alias)}`;
      case 'join':
        return `${from(f.left)} ${f.join === 'left' ? 'LEFT' : 'INNER'} JOIN ${from(f.right)} ON ${bool(f.on)}`;
      default:
        return assertNever(f);
    }
  };

  const select = (s: SelectNode): string => {
    const parts = [
      `SELECT ${s.columns.map((c) => `${value(c.expr)} AS ${q(c.alias)}`).join(', ')}`,
      `FROM ${from(s.from)}`,
    ];
    if (s.where) parts.push(`WHERE ${bool(s.where)}`);
    if (s.groupBy?.length) parts.push(`GROUP BY ${s.groupBy.map(value).join(', ')}`);
    if (s.having) parts.push(`HAVING ${bool(s.having)}`);
    if (s.orderBy?.length)
      parts.push(`ORDER BY ${s.orderBy.map((o) => `${value(o.expr)}${o.desc ? ' DESC' : ''}`).join(', ')}`);
    if (s.limit !== undefined) parts.push(`LIMIT ${printLiteral(s.limit)}`);
    return parts.join(' ');
  };

  const text =
    statement.kind === 'insert'
      ? `INSERT INTO ${q(statement.table)} (${statement.columns.map(q).join(', ')}) ${select(statement.query)}`
      : select(statement);
  return Object.freeze({ sql: text, params: Object.freeze(params), paramTypes: Object.freeze(paramTypes) });
}

function printLiteral(v: number | boolean | null): string {
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (!Number.isFinite(v)) throw new Error(`non-finite literal ${v}`);
  return String(v);
}
