import { CLICKHOUSE_DIALECT } from '@dalbit/core/sql/clickhouse-dialect';
import type { CompiledQuery } from '@dalbit/core/sql/dialect';
import { Session } from 'chdb';
import { makePrivateDir, restrictUmask } from '../../files/private-files.ts';
import type { Engine, Row } from '../engine.ts';
import { WriterQueue } from '../pool.ts';
import { assertScopeOpen, currentQueryScope, queryTimeoutError, remainingMs } from '../query-scope.ts';

/** Formats a value the way ClickHouse parses it from a bound parameter or a JSON row. */
export function toClickHouseValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return v.toISOString().replace('T', ' ').replace('Z', '');
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map(toClickHouseValue);
  return v;
}

/** Settings of the session, for every statement (reads, `INSERT … SELECT`, DDL). */
export const SESSION_SETTINGS = [
  'final = 1',
  'insert_allow_materialized_columns = 1',
  // Standard SQL where ClickHouse differs by default (outer-join NULLs, columns before aliases, UNION).
  'join_use_nulls = 1',
  'prefer_column_name_to_alias = 1',
  "union_default_mode = 'DISTINCT'",
]
  .map((s) => `SET ${s}`)
  .join('; ');

interface JsonCompact {
  meta: { name: string; type: string }[];
  data: unknown[][];
}

function fromClickHouse(type: string, v: unknown): unknown {
  if (v === null) return null;
  const t = type.replace(/^Nullable\((.*)\)$/, '$1');
  if (t.startsWith('DateTime')) return new Date(`${String(v).replace(' ', 'T')}Z`);
  if (/^U?Int(8|16|32|64|128|256)$/.test(t)) {
    const b = BigInt(String(v));
    return b <= BigInt(Number.MAX_SAFE_INTEGER) && b >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(b) : b;
  }
  if (t.startsWith('Float') || t.startsWith('Decimal')) return Number(v);
  return v;
}

/**
 * ClickHouse through chDB (the engine embedded in-process). Same SQL as a ClickHouse server;
 * used by tests and by single-machine installs that want the ClickHouse dialect.
 */
export class ChdbEngine implements Engine {
  readonly dialect = CLICKHOUSE_DIALECT;
  /** chDB has one session and runs each statement synchronously; transactions take turns. */
  private readonly turns = new WriterQueue<ChdbEngine>(this);
  private constructor(private readonly session: Session) {}

  static async open(path?: string): Promise<ChdbEngine> {
    if (path) {
      restrictUmask(); // chDB writes its parts itself: private like the DuckDB warehouse
      makePrivateDir(path);
    }
    const session = path ? new Session(path) : new Session();
    // Every read sees the newest live version of each row (decision 0019); tombstones are written
    // into the materialised `_deleted` column.
    session.query(SESSION_SETTINGS, 'CSV');
    return new ChdbEngine(session);
  }

  async exec(sql: string): Promise<void> {
    this.session.query(sql, 'CSV');
  }

  async query<T extends Row = Row>(q: CompiledQuery | string): Promise<T[]> {
    const { sql, params } = typeof q === 'string' ? { sql: q, params: [] as unknown[] } : q;
    const args: Record<string, unknown> = {};
    params.forEach((p, i) => {
      args[`p${i + 1}`] = toClickHouseValue(p);
    });
    const scope = currentQueryScope();
    assertScopeOpen(scope);
    const left = remainingMs(scope);
    // A statement cannot be interrupted from outside (chDB runs on this thread): ClickHouse stops it.
    const limit = left === undefined ? '' : `, max_execution_time = ${Math.max(1, Math.ceil(left / 1000))}`;
    // An INSERT returns nothing, and `VALUES (…)` cannot be followed by a SETTINGS clause.
    const settings = /^\s*INSERT\b/i.test(sql)
      ? ''
      : ` SETTINGS output_format_json_quote_64bit_integers = 0, output_format_json_quote_64bit_floats = 0${limit}`;
    let text: string;
    try {
      text = params.length
        ? this.session.queryBind(sql + settings, args, 'JSONCompact')
        : this.session.query(sql + settings, 'JSONCompact');
    } catch (e) {
      if (limit && /TIMEOUT_EXCEEDED/.test(String(e))) throw queryTimeoutError(scope, e);
      throw e;
    }
    if (!text) return [];
    const out = JSON.parse(text) as JsonCompact;
    return out.data.map((r) => {
      const o: Row = {};
      out.meta.forEach((m, i) => {
        o[m.name] = fromClickHouse(m.type, r[i]);
      });
      return o as T;
    });
  }

  async insert(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
    if (rows.length === 0) return;
    const payload = rows.map((r) => JSON.stringify(r.map(toClickHouseValue))).join('\n');
    await this.session.insert({ table, values: payload, format: 'JSONCompactEachRow', columns });
  }

  /** Not atomic (ClickHouse has no multi-statement transactions); transactions do take turns. */
  transaction<T>(fn: (tx: Engine) => Promise<T>): Promise<T> {
    return this.turns.run(() => fn(this.handle()));
  }

  build<T>(fn: (tx: Engine) => Promise<T>): Promise<T> {
    return fn(this.handle());
  }

  private handle(): Engine {
    const self: Engine = {
      dialect: this.dialect,
      exec: (s) => this.exec(s),
      query: (q) => this.query(q),
      insert: (t, c, r) => this.insert(t, c, r),
      transaction: (fn) => fn(self),
      build: (fn) => fn(self),
      close: async () => undefined,
    };
    return self;
  }

  async close(): Promise<void> {
    this.session.cleanup();
  }
}
