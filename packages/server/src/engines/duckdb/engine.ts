import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CompiledQuery } from '@dalbit/core/sql/dialect';
import { DUCKDB_DIALECT } from '@dalbit/core/sql/duckdb-dialect';
import { type DuckDBConnection, DuckDBInstance, DuckDBTimestampValue, type DuckDBValue } from '@duckdb/node-api';
import { type Engine, type Row, toJsNumber } from '../engine.ts';
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

export class DuckDbEngine implements Engine {
  readonly dialect = DUCKDB_DIALECT;
  /** Columns of each table appended to; dropped whenever DDL runs. */
  private readonly layouts = new Map<string, TableLayout>();
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  /** `path` is a database file, or ':memory:'. */
  static async open(path: string, options: { threads?: number; memoryLimit?: string } = {}): Promise<DuckDbEngine> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const config: Record<string, string> = {};
    if (options.threads) config.threads = String(options.threads);
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    const instance = await DuckDBInstance.create(path, config);
    const connection = await instance.connect();
    return new DuckDbEngine(instance, connection);
  }

  async exec(sql: string): Promise<void> {
    if (DDL.test(sql)) this.layouts.clear();
    await this.connection.run(sql);
  }

  async query<T extends Row = Row>(q: CompiledQuery | string): Promise<T[]> {
    const { sql, params } = typeof q === 'string' ? { sql: q, params: [] as unknown[] } : q;
    if (DDL.test(sql)) this.layouts.clear();
    const reader = await this.connection.runAndReadAll(sql, params.length ? params.map(toDuckValue) : undefined);
    const names = reader.columnNames();
    return reader.getRows().map((r) => {
      const o: Row = {};
      names.forEach((n, i) => {
        o[n] = fromDuckValue(r[i]);
      });
      return o as T;
    });
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
      appendRows(
        appender,
        layout,
        names.map((n) => columns.indexOf(n)),
        rows,
      );
      appender.flushSync();
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

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const out = await fn();
      await this.connection.run('COMMIT');
      return out;
    } catch (e) {
      await this.connection.run('ROLLBACK');
      throw e;
    }
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

const DDL = /\b(CREATE|ALTER|DROP)\b/i;
