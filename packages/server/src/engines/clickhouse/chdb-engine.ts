import { CLICKHOUSE_DIALECT } from '@dalbit/core/sql/clickhouse-dialect';
import type { CompiledQuery } from '@dalbit/core/sql/dialect';
import { Session } from 'chdb';
import { makePrivateDir, restrictUmask } from '../../files/private-files.ts';
import type { Engine, Row } from '../engine.ts';
import { WriterQueue } from '../pool.ts';
import { assertScopeOpen, currentQueryScope, queryTimeoutError, remainingMs } from '../query-scope.ts';
import {
  boundParams,
  JSON_OUTPUT_SETTINGS,
  type JsonCompact,
  rowsFromJsonCompact,
  STATEMENT_SETTINGS,
  setStatements,
  toClickHouseValue,
} from './values.ts';

const OUTPUT_SETTINGS = Object.entries(JSON_OUTPUT_SETTINGS)
  .map(([k, v]) => `${k} = ${v}`)
  .join(', ');

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
    session.query(setStatements(STATEMENT_SETTINGS), 'CSV');
    return new ChdbEngine(session);
  }

  async exec(sql: string): Promise<void> {
    this.session.query(sql, 'CSV');
  }

  async query<T extends Row = Row>(q: CompiledQuery | string): Promise<T[]> {
    const { sql, params } = typeof q === 'string' ? { sql: q, params: [] as unknown[] } : q;
    const args = boundParams(params);
    const scope = currentQueryScope();
    assertScopeOpen(scope);
    const left = remainingMs(scope);
    // A statement cannot be interrupted from outside (chDB runs on this thread): ClickHouse stops it.
    const limit = left === undefined ? '' : `, max_execution_time = ${Math.max(1, Math.ceil(left / 1000))}`;
    // An INSERT returns nothing, and `VALUES (…)` cannot be followed by a SETTINGS clause.
    const settings = /^\s*INSERT\b/i.test(sql) ? '' : ` SETTINGS ${OUTPUT_SETTINGS}${limit}`;
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
    return rowsFromJsonCompact<T>(JSON.parse(text) as JsonCompact);
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
