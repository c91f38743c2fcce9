import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbEngine, isReadOnly } from '../../src/engines/duckdb/engine.ts';
import { withQueryScope } from '../../src/engines/query-scope.ts';

// A cross join large enough to run for minutes unless interrupted.
const ENDLESS = 'SELECT count(*) AS n FROM range(100000000000) a WHERE a.range % 7 = 3';

describe('DuckDB engine: pooled readers beside one writer queue', () => {
  let dir: string;
  let engine: DuckDbEngine;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dalbit-pool-'));
    engine = await DuckDbEngine.open(join(dir, 'w.duckdb'), { threads: 2 });
    await engine.exec('CREATE TABLE t (id INTEGER, v VARCHAR)');
    await engine.insert('t', ['id', 'v'], [[1, 'a']]);
  });
  afterAll(async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('classifies statements: reads go to the pool, anything that writes to the writer', () => {
    expect(isReadOnly('SELECT 1')).toBe(true);
    expect(isReadOnly('  WITH x AS (SELECT 1) SELECT * FROM x')).toBe(true);
    expect(isReadOnly('SELECT created_at, is_deleted FROM t')).toBe(true);
    expect(isReadOnly('INSERT INTO t SELECT 1')).toBe(false);
    expect(isReadOnly('UPDATE t SET v = 1 RETURNING *')).toBe(false);
    expect(isReadOnly('CREATE TEMP TABLE x AS SELECT 1')).toBe(false);
  });

  it('answers a read while a write transaction is open, from the last committed state', async () => {
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const writing = engine.transaction(async (tx) => {
      await tx.insert('t', ['id', 'v'], [[2, 'b']]);
      order.push('tx wrote');
      await held;
      order.push('tx commits');
    });
    while (!order.includes('tx wrote')) await new Promise((r) => setTimeout(r, 5));
    const seen = await engine.query<{ n: number }>('SELECT count(*) AS n FROM t');
    order.push(`read saw ${seen[0]?.n}`);
    release();
    await writing;
    const after = await engine.query<{ n: number }>('SELECT count(*) AS n FROM t');
    expect(order).toEqual(['tx wrote', 'read saw 1', 'tx commits']);
    expect(after[0]?.n).toBe(2);
  });

  it('refuses engine calls inside its own transaction (they would escape it)', async () => {
    await expect(engine.transaction(async () => engine.query('SELECT 1'))).rejects.toThrow(/transaction handle/);
    const [n] = await engine.query<{ n: number }>('SELECT count(*) AS n FROM t');
    expect(n?.n).toBe(2);
  });

  it('rolls a failed transaction back whole', async () => {
    await expect(
      engine.transaction(async (tx) => {
        await tx.insert('t', ['id', 'v'], [[3, 'c']]);
        await tx.query('SELECT * FROM no_such_table');
      }),
    ).rejects.toThrow();
    const [n] = await engine.query<{ n: number }>('SELECT count(*) AS n FROM t');
    expect(n?.n).toBe(2);
  });

  it('stops a statement at the scope deadline (QUERY_TIMEOUT) while other reads keep answering', async () => {
    const finished: string[] = [];
    const heavy = withQueryScope({ timeoutMs: 1500 }, () => engine.query(ENDLESS)).then(
      () => finished.push('heavy ok'),
      (e: { code?: string }) => finished.push(`heavy ${e.code}`),
    );
    await new Promise((r) => setTimeout(r, 100));
    await engine.query('SELECT count(*) FROM t');
    finished.push('light');
    await heavy;
    expect(finished).toEqual(['light', 'heavy QUERY_TIMEOUT']);
    // The interrupted connection is reusable.
    expect(await engine.query<{ x: number }>('SELECT 7 AS x')).toEqual([{ x: 7 }]);
  });

  it('stops a statement when its signal aborts (a client that went away)', async () => {
    const ac = new AbortController();
    const heavy = withQueryScope({ signal: ac.signal }, () => engine.query(ENDLESS));
    setTimeout(() => ac.abort(), 200);
    await expect(heavy).rejects.toMatchObject({ code: 'QUERY_CANCELLED' });
  });

  it('an interrupted transaction leaves nothing behind', async () => {
    const run = withQueryScope({ timeoutMs: 800 }, () =>
      engine.transaction(async (tx) => {
        await tx.insert('t', ['id', 'v'], [[9, 'z']]);
        await tx.query(ENDLESS);
      }),
    );
    await expect(run).rejects.toMatchObject({ code: 'QUERY_TIMEOUT' });
    const [n] = await engine.query<{ n: number }>('SELECT count(*) AS n FROM t WHERE id = 9');
    expect(n?.n).toBe(0);
  });

  it('builds a fresh table beside the writer queue: writes keep committing meanwhile', async () => {
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const building = engine.build(async (tx) => {
      await tx.exec('CREATE TABLE t__next AS SELECT * FROM t');
      order.push('built');
      await held;
    });
    while (!order.includes('built')) await new Promise((r) => setTimeout(r, 5));
    await engine.transaction((tx) => tx.insert('t', ['id', 'v'], [[4, 'd']]));
    order.push('writer committed');
    release();
    await building;
    expect(order).toEqual(['built', 'writer committed']);
    const [n] = await engine.query<{ n: number }>('SELECT count(*) AS n FROM t__next');
    expect(n?.n).toBe(2);
  });
});
