// End-to-end file modes of `dalbit basket rules` and `dalbit rfm`, run through main() with argv.
// References: arules Groceries rules (Hahsler et al. 2006; test-data/groceries) and the UCI
// Online Retail invoices (CC BY 4.0; test-data/online_retail) recomputed in DuckDB SQL.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DuckDbEngine } from '../../../src/engines/duckdb/engine.ts';
import { sql } from '../../../src/engines/engine.ts';
import { runCli } from '../../support/run-cli.ts';

const DATA = new URL('../../../../../test-data/', import.meta.url);
const path = (p: string): string => fileURLToPath(new URL(p, DATA));

const run = (args: string[], env: Record<string, string> = {}) =>
  runCli(args, { DALBIT_DATA_DIR: mkdtempSync(join(tmpdir(), 'dalbit-cli-')), ...env });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('dalbit basket rules --transactions', () => {
  it('prints the arules reference rows for Groceries byte for byte (order-insensitive)', async () => {
    const r = await run([
      'basket',
      'rules',
      '--transactions',
      path('groceries/transactions.csv'),
      '--support',
      '0.01',
      '--confidence',
      '0.5',
      '--format',
      'csv',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const ours = r.stdout.trimEnd().split('\n');
    const ref = readFileSync(path('groceries/rules_supp0.01_conf0.5.arules.csv'), 'utf8').trimEnd().split(/\r?\n/);
    expect(ours[0]).toBe('"lhs","rhs","lhs_size","support","confidence","coverage","lift","count"');
    expect(ours[0]).toBe(ref[0]);
    expect(ours.slice(1).sort()).toEqual(ref.slice(1).sort());
  });

  it('json output, minlen/maxlen/lift flags, 410 rules at supp 0.001 / conf 0.8', async () => {
    const r = await run([
      'basket',
      'rules',
      '--transactions',
      path('groceries/transactions.csv'),
      '--support',
      '0.001',
      '--confidence',
      '0.8',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as {
      transactions: number;
      rules: { lhs: string[]; rhs: string; lift: number; leverage: number }[];
    };
    expect(body.transactions).toBe(9835);
    expect(body.rules).toHaveLength(410);
    expect(body.rules[0]?.lift).toBeGreaterThanOrEqual(body.rules[1]?.lift ?? 0);
    const capped = await run([
      'basket',
      'rules',
      '--transactions',
      path('groceries/transactions.csv'),
      '--support',
      '0.001',
      '--confidence',
      '0.8',
      '--maxlen',
      '3',
      '--lift',
      '4',
      '--json',
    ]);
    const few = (JSON.parse(capped.stdout) as typeof body).rules;
    expect(few.length).toBe(body.rules.filter((x) => x.lhs.length + 1 <= 3 && x.lift >= 4).length);
  });

  it('customer level needs a customer_id column; bad rows are reported with line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalbit-basket-'));
    const file = join(dir, 'tx.csv');
    writeFileSync(file, 'transaction_id,item,customer_id\n1,milk,c1\n2,bread,c1\n3,milk,c2\n4,,c2\n');
    const bad = await run(['basket', 'rules', '--transactions', file, '--support', '0.5', '--confidence', '0.5']);
    expect(bad.code).toBe(65);
    expect(bad.stderr).toContain(`${file}:5 (item): empty item`);
    writeFileSync(file, 'transaction_id,item,customer_id\n1,milk,c1\n2,bread,c1\n3,milk,c2\n4,bread,c2\n5,milk,c3\n');
    const cust = await run([
      'basket',
      'rules',
      '--transactions',
      file,
      '--support',
      '0.5',
      '--confidence',
      '0.5',
      '--minlen',
      '2',
      '--level',
      'customer',
    ]);
    expect(cust.code).toBe(0);
    // per customer: c1 {milk,bread}, c2 {milk,bread}, c3 {milk}: bread => milk conf 1, milk => bread conf 2/3
    expect(cust.stdout.trimEnd().split('\n').slice(1).sort()).toEqual([
      '"{bread}","{milk}",1,0.666666666666667,1,0.666666666666667,1,2',
      '"{milk}","{bread}",1,0.666666666666667,0.666666666666667,1,1,2',
    ]);
    const opts = await run(['basket', 'rules', '--transactions', file, '--support', '0', '--confidence', '0.5']);
    expect(opts.code).toBe(64);
    expect(opts.stderr).toContain('--support');
    // a file's rules are never stored: --store is refused in file mode
    const store = await run([
      'basket',
      'rules',
      '--transactions',
      file,
      '--support',
      '0.5',
      '--confidence',
      '0.5',
      '--store',
    ]);
    expect(store.code).toBe(64);
    expect(store.stderr).toContain('--store 는 웨어하우스 모드에서만');
  });
});

describe('dalbit rfm --invoices', () => {
  it('prints every Online Retail customer with the scores DuckDB NTILE gives', async () => {
    const r = await run([
      'rfm',
      '--invoices',
      path('online_retail/invoices.csv'),
      '--as-of',
      '2011-12-10',
      '--format',
      'csv',
    ]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('customer,recency,frequency,monetary,r,f,m,segment,segment_ko');
    expect(lines).toHaveLength(4339);
    const engine = await DuckDbEngine.open(':memory:');
    try {
      const ref = await engine.query<{ line: string }>(
        sql(
          `WITH agg AS (
             SELECT CustomerID AS cid, DATE '2011-12-10' - max(CAST(InvoiceDate AS DATE)) AS recency,
                    count(DISTINCT InvoiceNo) AS frequency,
                    CAST(sum(round(CAST(TotalPrice AS DOUBLE) * 100)) AS BIGINT) AS cents
             FROM read_csv($1, header = true, all_varchar = true) GROUP BY CustomerID)
           SELECT concat_ws(',', cid, recency, frequency, printf('%.2f', cents / 100),
                    6 - NTILE(5) OVER (ORDER BY recency, cid), NTILE(5) OVER (ORDER BY frequency, cid),
                    NTILE(5) OVER (ORDER BY cents, cid)) AS line
           FROM agg ORDER BY cid`,
          [path('online_retail/invoices.csv')],
          ['string'],
        ),
      );
      expect(lines.slice(1).map((l) => l.split(',').slice(0, 7).join(','))).toEqual(ref.map((x) => x.line));
    } finally {
      await engine.close();
    }
    expect(lines.find((l) => l.startsWith('12347,'))).toBe('12347,3,7,4310.00,5,5,5,Champions,최우수 고객');
  });

  it('rejects a bad date and a malformed file clearly', async () => {
    const bad = await run(['rfm', '--invoices', path('online_retail/invoices.csv'), '--as-of', '2011-13-01']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--as-of');
    const dir = mkdtempSync(join(tmpdir(), 'dalbit-rfm-'));
    const file = join(dir, 'inv.csv');
    writeFileSync(
      file,
      'InvoiceNo,InvoiceDate,CustomerID,TotalPrice\n1,2011-12-01,7,10.5\n2,yesterday,7,3\n3,2011-12-02,8,abc\n',
    );
    const r = await run(['rfm', '--invoices', file, '--as-of', '2011-12-10']);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain(`${file}:3 (InvoiceDate): not a date: 'yesterday'`);
    expect(r.stderr).toContain(`${file}:4 (TotalPrice): not a number: 'abc'`);
  });
});

describe('file modes with a file that cannot be read', () => {
  it.each([
    ['basket', 'rules', '--transactions', '<file>', '--support', '0.1', '--confidence', '0.1'],
    ['rfm', '--invoices', '<file>'],
  ])(
    '%s %s: a missing file is exit 66 (EX_NOINPUT), a directory exit 74, each with 파일을 읽을 수 없습니다, not a stack',
    async (...args) => {
      const dir = mkdtempSync(join(tmpdir(), 'dalbit-cli-unreadable-'));
      for (const [file, code, exit] of [
        [join(dir, 'nope.csv'), 'ENOENT', 66],
        [dir, 'EISDIR', 74],
      ] as const) {
        const r = await run(args.map((a) => (a === '<file>' ? file : a)));
        expect(r.code).toBe(exit);
        expect(r.stderr).toContain(`파일을 읽을 수 없습니다: ${file} (${code})\n`);
        expect(r.stderr).not.toContain('    at ');
        const en = await run(['--lang', 'en', ...args.map((a) => (a === '<file>' ? file : a))]);
        expect(en.code).toBe(exit);
        expect(en.stderr).toContain(`cannot read ${file}: ${code}\n`);
        expect(en.stderr).not.toMatch(/[\uac00-\ud7a3]/);
      }
    },
  );
});
