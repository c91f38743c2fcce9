import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { CompiledQuery } from '@dalbit/core/sql/dialect';
import { DUCKDB_DIALECT } from '@dalbit/core/sql/duckdb-dialect';
import { type DuckDBConnection, DuckDBTimestampValue, type DuckDBValue } from '@duckdb/node-api';
import { type Engine, type Row, toJsNumber } from '../engine.ts';
import { underScope } from '../query-scope.ts';
import { appendRows, type TableLayout, toLayout } from './append-rows.ts';

function toDuckValue(v: unknown): DuckDBValue {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return new DuckDBTimestampValue(BigInt(v.getTime()) * 1000n);
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  return v as DuckDBValue;
}

function fromDuckValue(v: unknown): unknown {
  if (typeof v === 'bigint') return toJsNumber(v);
  if (v instanceof DuckDBTimestampValue) return new Date(Number(v.micros / 1000n));
  if (Array.isArray(v)) return v.map(fromDuckValue);
  return v;
}

/** Rows appended between two turns of the event loop (about 10–30 ms of native calls). */
const APPEND_SLICE = 8192;

export const DDL = /\b(CREATE|ALTER|DROP)\b/i;

/** Forgets the appender layouts of the tables a DDL statement names (a temp table leaves the others). */
function forgetLayouts(layouts: Map<string, TableLayout>, sql: string): void {
  if (!DDL.test(sql)) return;
  for (const table of layouts.keys())
    if (new RegExp(`\\b${table.replace(/[^\w]/g, '\\$&')}\\b`, 'i').test(sql)) layouts.delete(table);
}

/**
 * Statements on one DuckDB connection. Each statement obeys the current query scope (deadline,
 * cancellation) by interrupting the connection. `layouts` (appender column layouts) is shared by
 * every session of one database and dropped whenever DDL runs.
 */
export class DuckDbSession {
  constructor(
    readonly connection: DuckDBConnection,
    private readonly layouts: Map<string, TableLayout>,
  ) {}

  private guarded<T>(run: () => Promise<T>): Promise<T> {
    return underScope(() => this.connection.interrupt(), run);
  }

  async exec(sql: string): Promise<void> {
    forgetLayouts(this.layouts, sql);
    await this.guarded(() => this.connection.run(sql));
  }

  async query<T extends Row = Row>(q: CompiledQuery | string): Promise<T[]> {
    const out: T[] = [];
    await this.queryChunks<T>(q, (rows) => {
      for (const r of rows) out.push(r);
    });
    return out;
  }

  /**
   * The result chunk by chunk (2,048 rows): each fetch is a real asynchronous step, so converting a
   * result of millions of rows never holds the event loop for more than one chunk, and a caller
   * that folds the chunks (into columns) never holds millions of row objects at once.
   */
  async queryChunks<T extends Row = Row>(
    q: CompiledQuery | string,
    onRows: (rows: readonly T[]) => void | Promise<void>,
  ): Promise<void> {
    const { sql, params } = typeof q === 'string' ? { sql: q, params: [] as unknown[] } : q;
    forgetLayouts(this.layouts, sql);
    const result = await this.guarded(() =>
      this.connection.run(sql, params.length ? params.map(toDuckValue) : undefined),
    );
    const names = result.columnNames();
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      const rows: T[] = [];
      for (const r of chunk.getRows()) {
        const o: Row = {};
        for (let i = 0; i < names.length; i++) o[names[i] as string] = fromDuckValue(r[i]);
        rows.push(o as T);
      }
      await onRows(rows);
    }
  }

  async insert(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
    if (rows.length === 0) return;
    const names = await this.columnNamesOf(table);
    const appender = await this.connection.createAppender(table);
    try {
      let layout = this.layouts.get(table);
      if (layout === undefined || layout.names !== names) {
        const types = names.map((_, i) => appender.columnType(i));
        layout = toLayout(names, types);
        this.layouts.set(table, layout);
      }
      const order = names.map((n) => columns.indexOf(n));
      // In slices, letting the event loop run between them: appending and flushing are synchronous
      // native work (one flush of a million rows at the end held the loop for seconds).
      for (let at = 0; at < rows.length; at += APPEND_SLICE) {
        if (at > 0) await yieldToEventLoop();
        appendRows(appender, layout, order, rows.slice(at, at + APPEND_SLICE));
        appender.flushSync();
      }
    } finally {
      appender.closeSync();
    }
  }

  private async columnNamesOf(table: string): Promise<readonly string[]> {
    const cached = this.layouts.get(table);
    if (cached) return cached.names;
    const cols = await this.query<{ n: string }>({
      sql: 'SELECT column_name AS n FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position',
      params: [table],
      paramTypes: ['string'],
    });
    return cols.map((c) => c.n);
  }

  /** BEGIN … COMMIT around `fn(tx)`; ROLLBACK on failure (an interrupted statement already ended it). */
  async inTransaction<T>(fn: (tx: Engine) => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const out = await fn(this.handle());
      await this.connection.run('COMMIT');
      return out;
    } catch (e) {
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  /** The transaction handle: this connection; nested transactions and builds join it. */
  handle(): Engine {
    const self: Engine = {
      dialect: DUCKDB_DIALECT,
      exec: (s) => this.exec(s),
      query: (q) => this.query(q),
      queryChunks: (q, onRows) => this.queryChunks(q, onRows),
      insert: (t, c, r) => this.insert(t, c, r),
      transaction: (fn) => fn(self),
      build: (fn) => fn(self),
      close: async () => undefined,
    };
    return self;
  }
}
