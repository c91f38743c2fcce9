import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  type DuckDBConnection,
  DuckDBInstance,
  DuckDBTimestampValue,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { CompiledQuery } from '@dalbit/core/sql/dialect';
import { DUCKDB_DIALECT } from '@dalbit/core/sql/duckdb-dialect';
import { type Engine, type Row, toJsNumber } from '../engine.ts';

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
    await this.connection.run(sql);
  }

  async query<T extends Row = Row>(q: CompiledQuery | string): Promise<T[]> {
    const { sql, params } = typeof q === 'string' ? { sql: q, params: [] as unknown[] } : q;
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
    const appender = await this.connection.createAppender(table);
    try {
      const types = (await this.query<{ t: string }>({
        sql: 'SELECT data_type AS t, column_name AS n FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position',
        params: [table],
        paramTypes: ['string'],
      })) as unknown as { t: string; n: string }[];
      const order = types.map((t) => columns.indexOf(t.n));
      for (const row of rows) {
        for (let i = 0; i < types.length; i++) {
          const idx = order[i] ?? -1;
          const v = idx < 0 ? null : row[idx];
          appendValue(appender, types[i]?.t ?? 'VARCHAR', v);
        }
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
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

type Appender = Awaited<ReturnType<DuckDBConnection['createAppender']>>;

function appendValue(a: Appender, type: string, v: unknown): void {
  if (v === null || v === undefined) return a.appendNull();
  switch (type) {
    case 'BIGINT':
      return a.appendBigInt(typeof v === 'bigint' ? v : BigInt(Math.round(Number(v))));
    case 'DOUBLE':
      return a.appendDouble(Number(v));
    case 'BOOLEAN':
      return a.appendBoolean(Boolean(v));
    case 'TIMESTAMP':
      return a.appendTimestamp(new DuckDBTimestampValue(BigInt((v instanceof Date ? v : new Date(String(v))).getTime()) * 1000n));
    default:
      return a.appendVarchar(typeof v === 'string' ? v : JSON.stringify(v));
  }
}
