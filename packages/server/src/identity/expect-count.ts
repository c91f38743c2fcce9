import type { Engine } from '../engines/engine.ts';
import { IdentityError } from './identity-error.ts';

/**
 * Fails loudly when `countSql` (a query returning `n`) is not `expected`: a bulk statement that
 * silently wrote fewer rows aborts the import's transaction instead of committing lost rows.
 */
export async function expectCount(engine: Engine, countSql: string, expected: number, what: string): Promise<void> {
  const r = await engine.query<{ n: number }>(countSql);
  const actual = Number(r[0]?.n ?? 0);
  if (actual !== expected)
    throw new IdentityError(
      'ROW_COUNT_MISMATCH',
      `${what}: found ${actual} rows, expected ${expected}; nothing was written`,
    );
}
