import { join } from 'node:path';
import type { WarehouseEngine } from '../config.ts';
import { bindAccessLog } from '../http/access-log.ts';
import type { ClickHouseServerConfig } from './clickhouse/server-config.ts';
import { DuckDbEngine } from './duckdb/engine.ts';
import type { Engine } from './engine.ts';
import { migrate } from './migrate.ts';

/** The engines embedded in this process (a warehouse in the data directory or in memory). */
export type EngineKind = 'duckdb' | 'chdb';

/** chDB (a large native library) is loaded only when the ClickHouse engine is chosen. */
async function loadChdb() {
  return (await import('./clickhouse/chdb-engine.ts')).ChdbEngine;
}

/** The ClickHouse server engine (and its HTTP client) is loaded only when it is chosen. */
async function openServer(config: ClickHouseServerConfig | undefined): Promise<Engine> {
  const { serverNotConfiguredError } = await import('./clickhouse/server-errors.ts');
  if (!config) throw serverNotConfiguredError();
  return (await import('./clickhouse/server-engine.ts')).ClickHouseServerEngine.open(config);
}

/**
 * Opens the warehouse in `dataDir` (DuckDB, chDB) or on the ClickHouse server of `clickhouse`
 * and brings its schema up to date. The access log stays in `dataDir` for every engine.
 */
export async function openWarehouse(opts: {
  dataDir: string;
  engine?: WarehouseEngine;
  clickhouse?: ClickHouseServerConfig | undefined;
}): Promise<Engine> {
  const engine =
    opts.engine === 'clickhouse'
      ? await openServer(opts.clickhouse)
      : opts.engine === 'chdb'
        ? await (await loadChdb()).open(join(opts.dataDir, 'chdb'))
        : await DuckDbEngine.open(join(opts.dataDir, 'dalbit.duckdb'));
  await migrate(engine);
  bindAccessLog(engine, opts.dataDir);
  return engine;
}

/** A throwaway in-memory warehouse (tests, file mode); embedded engines only. */
export async function openMemoryWarehouse(kind: EngineKind = 'duckdb'): Promise<Engine> {
  const engine = kind === 'chdb' ? await (await loadChdb()).open() : await DuckDbEngine.open(':memory:');
  await migrate(engine);
  return engine;
}
