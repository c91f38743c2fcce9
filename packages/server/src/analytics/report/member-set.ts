import type { CompiledQuery, ParamType, SqlDialect } from '@dalbit/core/sql/dialect';

/**
 * Who an audience report is about: the whole base, the result of a member query (a compiled
 * segment, a cluster), or an explicit list of customer ids.
 */
export type MemberSet =
  | { readonly kind: 'all' }
  | { readonly kind: 'query'; readonly query: CompiledQuery }
  | { readonly kind: 'ids'; readonly ids: readonly string[] };

/**
 * A statement under construction whose first parameters are the member query's, so its placeholder
 * numbers stay valid when the member query is embedded as `customer_id IN (…)`.
 */
export class MemberBoundQuery {
  private readonly params: unknown[] = [];
  private readonly types: ParamType[] = [];
  private readonly memberSql: string | undefined;

  constructor(
    private readonly dialect: SqlDialect,
    members: MemberSet,
  ) {
    if (members.kind === 'query') {
      this.params.push(...members.query.params);
      this.types.push(...members.query.paramTypes);
      this.memberSql = members.query.sql.trim().replace(/;$/, '');
    } else if (members.kind === 'ids') {
      // '' = the empty set
      this.memberSql = members.ids.map((id) => this.bind(id, 'string')).join(', ');
    }
  }

  bind(value: unknown, type: ParamType): string {
    this.params.push(value);
    this.types.push(type);
    return this.dialect.placeholder(this.params.length, type);
  }

  list(values: readonly string[]): string {
    return values.map((v) => this.bind(v, 'string')).join(', ');
  }

  /** `column IN (members)`, or a true condition for the whole base. */
  members(column: string): string {
    if (this.memberSql === undefined) return '1 = 1';
    if (this.memberSql === '') return '1 = 0';
    return `${column} IN (${this.memberSql})`;
  }

  build(text: string): CompiledQuery {
    return { sql: text, params: [...this.params], paramTypes: [...this.types] };
  }
}
