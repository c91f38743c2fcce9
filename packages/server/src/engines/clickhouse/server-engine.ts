import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { type ClickHouseClient, ClickHouseError, type ClickHouseSettings, createClient } from '@clickhouse/client';
import { clickHouseDialect } from '@dalbit/core/sql/clickhouse-cluster-dialect';
import type { CompiledQuery, SqlDialect } from '@dalbit/core/sql/dialect';
import type { Engine, Row } from '../engine.ts';
import { WriterQueue } from '../pool.ts';
import { currentQueryScope, queryTimeoutError, remainingMs, underScope } from '../query-scope.ts';
import { isReadOnly } from '../read-only.ts';
import type { ClickHouseServerConfig } from './server-config.ts';
import { serverUnreachableError } from './server-errors.ts';
import {
  boundParams,
  JSON_OUTPUT_SETTINGS,
  type JsonCompact,
  returnsRows,
  rowsFromJsonCompact,
  STATEMENT_SETTINGS,
  splitStatements,
  toClickHouseValue,
} from './values.ts';

/** Rows per INSERT request (decision 0019 §5). */
const INSERT_BATCH_ROWS = 100_000;

/**
 * Statements sent to one HTTP session (temporary tables and `SET` live in a session) or to none.
 * A ClickHouse session runs one request at a time, so a session's statements take turns.
 */
class Channel {
  private readonly turns = new WriterQueue<null>(null);
  constructor(
    private readonly client: ClickHouseClient,
    private readonly settings: ClickHouseSettings,
    readonly sessionId: string | undefined,
    private readonly batchRows: number,
  ) {}

  exec(sql: string, params: readonly unknown[] = []): Promise<void> {
    return this.run(async (signal, limits) => {
      for (const statement of splitStatements(sql))
        await this.client.command({
          query: statement,
          query_params: boundParams(params),
          clickhouse_settings: { ...this.settings, ...limits },
          abort_signal: signal,
          ...(this.sessionId ? { session_id: this.sessionId } : {}),
        });
    });
  }

  async query<T extends Row>(q: CompiledQuery | string): Promise<T[]> {
    const { sql, params } = typeof q === 'string' ? { sql: q, params: [] as unknown[] } : q;
    const statements = splitStatements(sql);
    const last = statements.pop() ?? '';
    if (statements.length > 0) await this.exec(statements.join(';\n'), params);
    if (!returnsRows(last)) {
      await this.exec(last, params);
      return [];
    }
    return this.run(async (signal, limits) => {
      const result = await this.client.query({
        query: last,
        format: 'JSONCompact',
        query_params: boundParams(params),
        clickhouse_settings: { ...this.settings, ...JSON_OUTPUT_SETTINGS, ...limits },
        abort_signal: signal,
        ...(this.sessionId ? { session_id: this.sessionId } : {}),
      });
      return rowsFromJsonCompact<T>((await result.json()) as unknown as JsonCompact);
    });
  }

  insert(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
    return this.run(async (signal) => {
      for (let i = 0; i < rows.length; i += this.batchRows) {
        await this.client.insert({
          table,
          columns: columns as [string, ...string[]],
          values: rows.slice(i, i + this.batchRows).map((r) => r.map(toClickHouseValue)),
          format: 'JSONCompactEachRow',
          clickhouse_settings: this.settings,
          abort_signal: signal,
          ...(this.sessionId ? { session_id: this.sessionId } : {}),
        });
      }
    });
  }

  /**
   * One request (or a few) under the query scope: the server stops it at the deadline
   * (`max_execution_time`) and the request is aborted when the caller goes away.
   */
  private run<T>(fn: (signal: AbortSignal, limits: ClickHouseSettings) => Promise<T>): Promise<T> {
    const go = async () => {
      const scope = currentQueryScope();
      const left = remainingMs(scope);
      const limits: ClickHouseSettings =
        left === undefined ? {} : { max_execution_time: Math.max(1, Math.ceil(left / 1000)) };
      const abort = new AbortController();
      try {
        return await underScope(
          () => abort.abort(),
          () => fn(abort.signal, limits),
        );
      } catch (e) {
        if (e instanceof ClickHouseError && e.type === 'TIMEOUT_EXCEEDED') throw queryTimeoutError(scope, e);
        throw e;
      }
    };
    return this.sessionId ? this.turns.run(go) : go();
  }
}

/**
 * ClickHouse server over HTTP(S) with `@clickhouse/client`: the same dialect, DDL and settings as
 * the chDB engine (values.ts); only the transport differs. Like the DuckDB engine (decision 0014),
 * reads run side by side without a session; writes, `exec` and transactions go through one writer
 * session in turns (a session keeps temporary tables; ClickHouse runs one request per session);
 * a `build` gets a session of its own. ClickHouse has no multi-statement transactions: a
 * transaction takes turns but is not atomic (decision 0019 §4).
 */
export class ClickHouseServerEngine implements Engine {
  readonly dialect: SqlDialect;
  private readonly settings: ClickHouseSettings;
  private readonly batchRows: number;
  private readonly readers: Channel;
  private readonly writer: WriterQueue<Channel>;
  /** Set while a transaction callback runs: engine calls there would wait for themselves (use tx). */
  private readonly inside = new AsyncLocalStorage<true>();
  private closed = false;

  private constructor(
    private readonly client: ClickHouseClient,
    readonly config: ClickHouseServerConfig,
  ) {
    this.dialect = clickHouseDialect(config.cluster);
    this.batchRows = config.insertBatchRows ?? INSERT_BATCH_ROWS;
    this.settings = {
      ...STATEMENT_SETTINGS,
      ...(config.maxMemoryUsage ? { max_memory_usage: String(config.maxMemoryUsage) } : {}),
      // On a cluster an INSERT into a Distributed table returns once every shard has the rows.
      ...(config.cluster ? { insert_distributed_sync: 1, optimize_distributed_group_by_sharding_key: 1 } : {}),
    } as ClickHouseSettings;
    this.readers = new Channel(client, this.settings, undefined, this.batchRows);
    this.writer = new WriterQueue(new Channel(client, this.settings, randomUUID(), this.batchRows));
  }

  /** Connects and checks the server answers (a clear error before anything is read or written). */
  static async open(config: ClickHouseServerConfig): Promise<ClickHouseServerEngine> {
    const client = createClient({
      url: config.url,
      username: config.username ?? 'default',
      password: config.password ?? '',
      ...(config.database ? { database: config.database } : {}),
      request_timeout: config.requestTimeoutMs ?? 300_000,
      max_open_connections: config.maxConnections ?? 8,
      application: 'dalbit',
      // Progress headers keep a long statement's connection alive through proxies and load balancers.
      clickhouse_settings: { send_progress_in_http_headers: 1, http_headers_progress_interval_ms: '60000' },
    });
    const ping = await client.ping();
    if (!ping.success) {
      await client.close();
      throw serverUnreachableError(config.url, ping.error);
    }
    return new ClickHouseServerEngine(client, config);
  }

  private guard(what = 'call'): void {
    if (this.closed) throw new Error('the warehouse is closed');
    if (this.inside.getStore())
      throw new Error(`engine.${what} called inside engine.transaction: use the transaction handle (tx)`);
  }

  exec(sql: string): Promise<void> {
    this.guard();
    return this.writer.run((w) => w.exec(sql));
  }

  query<T extends Row = Row>(q: CompiledQuery | string): Promise<T[]> {
    this.guard();
    const text = typeof q === 'string' ? q : q.sql;
    if (isReadOnly(text)) return this.readers.query<T>(q);
    return this.writer.run((w) => w.query<T>(q));
  }

  insert(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
    this.guard();
    if (rows.length === 0) return Promise.resolve();
    return this.writer.run((w) => w.insert(table, columns, rows));
  }

  transaction<T>(fn: (tx: Engine) => Promise<T>): Promise<T> {
    this.guard();
    return this.writer.run((w) => this.inside.run(true, () => fn(this.handle(w))));
  }

  build<T>(fn: (tx: Engine) => Promise<T>): Promise<T> {
    this.guard();
    return fn(this.handle(new Channel(this.client, this.settings, randomUUID(), this.batchRows)));
  }

  private handle(channel: Channel): Engine {
    const self: Engine = {
      dialect: this.dialect,
      exec: (s) => channel.exec(s),
      query: (q) => channel.query(q),
      insert: (t, c, r) => (r.length === 0 ? Promise.resolve() : channel.insert(t, c, r)),
      transaction: (fn) => fn(self),
      build: (fn) => fn(self),
      close: async () => undefined,
    };
    return self;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writer.drain();
    await this.client.close();
  }
}
