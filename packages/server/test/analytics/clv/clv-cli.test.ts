import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openWarehouse } from '../../../src/engines/open-engine.ts';
import { insertRows } from '../../support/insert-rows.ts';
import { runCli } from '../../support/run-cli.ts';
import { cdnowOrders } from './cdnow-orders-fixture.ts';

// End to end through the CLI entry on Hardie's CDNOW sample CBS (test-data/cdnow; published BG/NBD
// r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL −9582.4; Gamma-Gamma p = 6.25, q = 3.74, γ = 15.44;
// Pareto/NBD LL −9595.0; E[Y(39) | x=2, t.x=30.43, T=38.86] ≈ 1.226 for customer 1).
const CBS = fileURLToPath(new URL('../../../../../test-data/cdnow/cdnow_sample_cbs.csv', import.meta.url));

const run = (argv: string[]) => runCli(argv, { DALBIT_DATA_DIR: mkdtempSync(join(tmpdir(), 'dalbit-clv-')) });

const sig3 = (v: number): number => Number(v.toPrecision(3));
afterEach(() => vi.restoreAllMocks());

describe('dalbit clv (file mode)', () => {
  it('fit --cbs --json prints the published CDNOW estimates', async () => {
    const r = await run(['clv', 'fit', '--cbs', CBS, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.customers).toBe(2357);
    expect([j.bgnbd.params.r, j.bgnbd.params.alpha, j.bgnbd.params.a, j.bgnbd.params.b].map(sig3)).toEqual([
      0.243, 4.41, 0.793, 2.43,
    ]);
    expect(j.bgnbd.logLikelihood).toBeCloseTo(-9582.4292, 3);
    expect([j.gammaGamma.params.p, j.gammaGamma.params.q, j.gammaGamma.params.gamma].map(sig3)).toEqual([
      6.25, 3.74, 15.4,
    ]);
    expect(j.paretoNbd.logLikelihood).toBeCloseTo(-9594.976, 2);
  });

  it('score --horizon 39 --format csv prints one row per customer', async () => {
    const r = await run(['clv', 'score', '--cbs', CBS, '--horizon', '39', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('cust,p_alive,expected_purchases,expected_spend,clv');
    expect(lines.length).toBe(2358);
    const [cust, pAlive, expected, spend] = (lines[1] ?? '').split(',').map(Number);
    expect(cust).toBe(1);
    expect(expected).toBeCloseTo(1.226, 2);
    expect(pAlive).toBeGreaterThan(0.5);
    // Gamma-Gamma: between the population mean pγ/(q−1) ≈ 35.2 and the customer's own 22.345
    expect(spend).toBeGreaterThan(22.345);
    expect(spend).toBeLessThan(35.3);
  });

  it('score --format json works on a file without m.x (no spend model)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalbit-clv-in-'));
    const file = join(dir, 'cbs.csv');
    writeFileSync(file, 'cust,x,t.x,T.cal\na,2,30.43,38.86\nb,0,0,38.86\nc,1,5,20\n');
    const r = await run(['clv', 'score', '--cbs', file, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.customers.map((c: { cust: string }) => c.cust)).toEqual(['a', 'b', 'c']);
    expect(j.customers[0].expected_spend).toBeNull();
  });

  it('reports bad rows with file and line, and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalbit-clv-in-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'cust,x,t.x,T.cal\n1,2,30,38\n2,x,1,2\n3,1,9,4\n');
    const r = await run(['clv', 'fit', '--cbs', file, '--json']);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain(`${file}:3 (x): not a number: 'x'`);
    expect(r.stderr).toContain(`${file}:4: 3: need 0 < t.x ≤ T.cal`);
  });
});

describe('dalbit clv (warehouse mode)', () => {
  it('fit --as-of stores clv_scores for every customer with a paid order', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dalbit-clv-wh-'));
    const engine = await openWarehouse({ dataDir });
    await insertRows(engine, 'orders', cdnowOrders());
    await engine.close();
    const r = await run(['--data-dir', dataDir, 'clv', 'fit', '--as-of', '1997-10-01', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.stored).toBe(2357);
    expect(j.timeUnitDays).toBe(7);
    expect(sig3(j.bgnbd.params.r)).toBe(0.243);
    const check = await openWarehouse({ dataDir });
    const [row] = await check.query<{ n: number }>('SELECT count(*) AS n FROM clv_scores');
    await check.close();
    expect(Number(row?.n)).toBe(2357);
  });
});
