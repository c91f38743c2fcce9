import { hashToUnit } from '@dalbit/core/experiments/assign-arm';
import { afterAll, describe, expect, it } from 'vitest';
import { ChdbEngine } from '../../src/engines/clickhouse/chdb-engine.ts';
import { DuckDbEngine } from '../../src/engines/duckdb/engine.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { sql } from '../../src/engines/engine.ts';

// The assignment hash can be evaluated inside the warehouse (e.g. to assign a whole segment in one
// query). These are the SQL spellings documented on hashToUnit; both engines must reproduce the
// TypeScript value bit for bit. (Ids travel as one bound comma-joined string: the ids here have no commas.)
const EXPRESSIONS = {
  duckdb: (p: (i: number) => string) =>
    `SELECT id, ('0x' || left(sha256(${p(1)} || ':' || id), 13))::UBIGINT::DOUBLE / 4503599627370496.0 AS u FROM unnest(string_split(${p(2)}, ',')) AS t(id) ORDER BY id`,
  clickhouse: (p: (i: number) => string) =>
    `SELECT id, toFloat64(bitShiftRight(reinterpretAsUInt64(reverse(substring(SHA256(concat(${p(1)}, ':', id)), 1, 8))), 12)) / 4503599627370496.0 AS u FROM (SELECT arrayJoin(splitByChar(',', ${p(2)})) AS id) ORDER BY id`,
} as const;

const ids = Array.from({ length: 2000 }, (_, i) => `cust-${i}-고객`).sort();
const open: Engine[] = [];
afterAll(async () => {
  for (const e of open) await e.close();
});

describe.each([
  ['duckdb', () => DuckDbEngine.open(':memory:')],
  ['chdb', () => ChdbEngine.open()],
] as const)('%s: hashToUnit in SQL', (_name, openEngine) => {
  it('matches the TypeScript assignment hash', async () => {
    const engine = await openEngine();
    open.push(engine);
    const text = EXPRESSIONS[engine.dialect.name]((i) => engine.dialect.placeholder(i, 'string'));
    const rows = await engine.query<{ id: string; u: number }>(
      sql(text, ['spring-sale', ids.join(',')], ['string', 'string']),
    );
    expect(rows.map((r) => r.id)).toEqual(ids);
    for (const r of rows) expect(r.u).toBe(hashToUnit('spring-sale', r.id));
  });
});
