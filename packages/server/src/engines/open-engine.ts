import { join } from 'node:path';
import { bindAccessLog } from '../http/access-log.ts';
import { DuckDbEngine } from './duckdb/engine.ts';
import type { Engine } from './engine.ts';
import { migrate } from './migrate.ts';

export type EngineKind = 'duckdb' | 'chdb';

/** chDB (a large native library) is loaded only when the ClickHouse engine is chosen. */
async function loadChdb() {
  return (await import('./clickhouse/chdb-engine.ts')).ChdbEngine;
}

/** Opens the warehouse in `dataDir` and brings its schema up to date. */
export async function openWarehouse(opts: { dataDir: string; engine?: EngineKind }): Promise<Engine> {
  const engine =
    opts.engine === 'chdb'
      ? await (await loadChdb()).open(join(opts.dataDir, 'chdb'))
      : await DuckDbEngine.open(join(opts.dataDir, 'dalbit.duckdb'));
  await migrate(engine);
  bindAccessLog(engine, opts.dataDir);
  return engine;
}

/** A throwaway in-memory warehouse (tests, file mode). */
export async function openMemoryWarehouse(kind: EngineKind = 'duckdb'): Promise<Engine> {
  const engine = kind === 'chdb' ? await (await loadChdb()).open() : await DuckDbEngine.open(':memory:');
  await migrate(engine);
  return engine;
}
