import { AsyncLocalStorage } from 'node:async_hooks';
import { dirname } from 'node:path';
import type { CompiledQuery } from '@dalbit/core/sql/dialect';
import { DUCKDB_DIALECT } from '@dalbit/core/sql/duckdb-dialect';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { makePrivate, makePrivateDir, restrictUmask } from '../../files/private-files.ts';
import type { Engine, Row } from '../engine.ts';
import { ConnectionPool, WriterQueue } from '../pool.ts';
import { isReadOnly } from '../read-only.ts';
import { corruptWarehouseError, diskFullError, storageFailure } from '../storage-errors.ts';
import type { TableLayout } from './append-rows.ts';
import { DuckDbSession } from './session.ts';

export interface DuckDbOptions {
  readonly threads?: number;
  /** DuckDB `memory_limit`, e.g. '2GB' (default: DALBIT_MEMORY_LIMIT, else DuckDB's 80 % of RAM). */
  readonly memoryLimit?: string;
  /** Connections for reads beside the writer (default 4). */
  readonly readers?: number;
}

export { isReadOnly } from '../read-only.ts';

/**
 * Embedded DuckDB: one database instance, a pool of reader connections, and one writer connection
 * behind a queue (DuckDB allows concurrent writers only optimistically; conflicting writers fail at
 * commit, so writers are serialised instead of retried). Reads see the last committed state and
 * never wait for a writer. Long builds of fresh tables (`build`) get a connection of their own
 * outside the queue. See docs/decisions/0014-connection-pool-writer-queue.md.
 */
export class DuckDbEngine implements Engine {
  readonly dialect = DUCKDB_DIALECT;
  private readonly layouts = new Map<string, TableLayout>();
  /** Set while a transaction callback of this engine runs: engine calls there are bugs (use tx). */
  private readonly inside = new AsyncLocalStorage<true>();
  private readonly writer: WriterQueue<DuckDbSession>;
  private readonly readers: ConnectionPool<DuckDbSession>;
  private closed = false;
  /** A full disk becomes DISK_FULL with what to do (storage-errors.ts). */
  private readonly failed: (e: unknown) => never;

  private constructor(
    private readonly instance: DuckDBInstance,
    writer: DuckDBConnection,
    readers: number,
    path: string,
  ) {
    this.failed = storageFailure(path);
    this.writer = new WriterQueue(new DuckDbSession(writer, this.layouts));
    this.readers = new ConnectionPool(readers, async () => new DuckDbSession(await instance.connect(), this.layouts));
  }

  /** `path` is a database file, or ':memory:'. */
  static async open(path: string, options: DuckDbOptions = {}): Promise<DuckDbEngine> {
    if (path !== ':memory:') {
      // The warehouse holds customers' data: 0600 files in a 0700 directory, WAL included.
      restrictUmask();
      makePrivateDir(dirname(path));
    }
    const config: Record<string, string> = {};
    if (options.threads) config.threads = String(options.threads);
    const memoryLimit = options.memoryLimit ?? process.env.DALBIT_MEMORY_LIMIT;
    if (memoryLimit) config.memory_limit = memoryLimit;
    const instance = await DuckDBInstance.create(path, config).catch((e: unknown) => {
      throw corruptWarehouseError(e, path) ?? diskFullError(e, path) ?? e;
    });
    if (path !== ':memory:') makePrivate(path, `${path}.wal`);
    return new DuckDbEngine(instance, await instance.connect(), Math.max(1, options.readers ?? 4), path);
  }

  private guard(what: string): void {
    if (this.closed) throw new Error('the warehouse is closed');
    if (this.inside.getStore())
      throw new Error(`engine.${what} called inside engine.transaction: use the transaction handle (tx)`);
  }

  exec(sql: string): Promise<void> {
    this.guard('exec');
    return this.writer.run((s) => s.exec(sql)).catch(this.failed);
  }

  query<T extends Row = Row>(q: CompiledQuery | string): Promise<T[]> {
    this.guard('query');
    const text = typeof q === 'string' ? q : q.sql;
    if (isReadOnly(text)) return this.readers.use((s) => s.query<T>(q)).catch(this.failed);
    return this.writer.run((s) => s.query<T>(q)).catch(this.failed);
  }

  queryChunks<T extends Row = Row>(
    q: CompiledQuery | string,
    onRows: (rows: readonly T[]) => void | Promise<void>,
  ): Promise<void> {
    this.guard('queryChunks');
    const text = typeof q === 'string' ? q : q.sql;
    if (isReadOnly(text)) return this.readers.use((s) => s.queryChunks<T>(q, onRows)).catch(this.failed);
    return this.writer.run((s) => s.queryChunks<T>(q, onRows)).catch(this.failed);
  }

  insert(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
    this.guard('insert');
    return this.writer.run((s) => s.insert(table, columns, rows)).catch(this.failed);
  }

  transaction<T>(fn: (tx: Engine) => Promise<T>): Promise<T> {
    this.guard('transaction');
    return this.writer.run((s) => s.inTransaction((tx) => this.inside.run(true, () => fn(tx)))).catch(this.failed);
  }

  async build<T>(fn: (tx: Engine) => Promise<T>): Promise<T> {
    this.guard('build');
    const session = new DuckDbSession(await this.instance.connect(), this.layouts);
    try {
      return await session.inTransaction((tx) => this.inside.run(true, () => fn(tx)));
    } catch (e) {
      return this.failed(e);
    } finally {
      session.connection.closeSync();
    }
  }

  /** Connections in use and waiting (for tests and the stats of `dalbit serve`). */
  poolState(): { readersBusy: number; readersWaiting: number; writerWaiting: number } {
    return { ...this.readers.state(), writerWaiting: this.writer.waiting };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writer.drain();
    for (const s of await this.readers.drain()) s.connection.closeSync();
    this.writer.resource.connection.closeSync();
    this.instance.closeSync();
  }
}
