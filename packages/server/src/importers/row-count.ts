import type { Engine } from '../engines/engine.ts';
import { ImportError } from './import-error.ts';

export async function countRows(engine: Engine, table: string): Promise<number> {
  const r = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(r[0]?.n ?? 0);
}

/**
 * Fails loudly when a bulk statement did not leave `expected` rows in `table`, so a write that
 * silently lost rows aborts the import's transaction instead of committing a partial file.
 */
export async function expectRowCount(engine: Engine, table: string, expected: number, what: string): Promise<void> {
  const actual = await countRows(engine, table);
  if (actual !== expected)
    throw new ImportError(
      'ROW_COUNT_MISMATCH',
      `${what}: ${table} holds ${actual} rows, expected ${expected}; the import was rolled back`,
    );
}
