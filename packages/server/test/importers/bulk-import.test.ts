// The set-based import path (DuckDB reads the CSV, SQL maps, groups and writes) against the
// row-by-row path: the same files imported both ways into fresh warehouses must leave the same
// rows in every table (customers, identities, person records, channels, orders, lines), the same
// row issues word for word, and the same rejects file.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoContext } from '@dalbit/core/demo/demo-context';
import { DemoParamsSchema } from '@dalbit/core/demo/demo-params';
import { seededCustomerIds } from '@dalbit/core/identity/ids';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOrdersCsv } from '../../../../bench/import-files.ts';
import { writeDemoFiles } from '../../src/demo/write-demo-files.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { type ImportFileOptions, importFile } from '../../src/importers/import-file.ts';
import { NOW, ORDERS_HEADER, POS_HEADER, tempDir, writeCsv } from './fixtures.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every table but the import history (ids and times of its own), rows sorted, as JSON. */
async function dump(engine: Engine): Promise<Record<string, unknown[]>> {
  const tables = await engine.query<{ t: string }>(
    "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const out: Record<string, unknown[]> = {};
  for (const { t } of tables) {
    if (t === 'imports' || t.startsWith('import_') || t === 'schema_migrations') continue;
    const rows = await engine.query(`SELECT * FROM "${t}" ORDER BY ALL`);
    if (rows.length > 0) out[t] = rows.map((r) => JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? String(v) : v)));
  }
  return out;
}

async function importBoth(opts: Omit<ImportFileOptions, 'bulk' | 'now'>) {
  const run = async (bulk: 'always' | 'never') => {
    const engine = await openMemoryWarehouse('duckdb');
    try {
      const timings: Record<string, number> = {};
      const s = await importFile(engine, {
        ...opts,
        now: NOW,
        bulk,
        timings,
        newCustomerId: seededCustomerIds('bulk-test'),
        ...(opts.rejectsPath ? { rejectsPath: `${opts.rejectsPath}.${bulk}` } : {}),
      });
      return { summary: s, tables: await dump(engine), tookBulk: timings.bulk === 1 };
    } finally {
      await engine.close();
    }
  };
  return { bulk: await run('always'), old: await run('never') };
}

/** The summary without what differs by nature (import id, time, rejects path). */
const comparable = (s: Awaited<ReturnType<typeof importFile>>) => ({
  ...s,
  importId: undefined,
  seconds: undefined,
  rejectsPath: undefined,
});

describe('bulk order import = row-by-row import', () => {
  it('a generated marketplace export (8,000 lines): same summary and same rows in every table', async () => {
    const path = join(dir, 'orders.csv');
    writeOrdersCsv(path, 8_000);
    const { bulk, old } = await importBoth({ path });
    expect(bulk.tookBulk).toBe(true);
    expect(old.tookBulk).toBe(false);
    expect(bulk.summary.status).toBe('imported');
    expect(comparable(bulk.summary)).toEqual(comparable(old.summary));
    expect(Object.keys(bulk.tables)).toEqual(
      expect.arrayContaining(['customers', 'identities', 'orders', 'order_items']),
    );
    expect(bulk.tables).toEqual(old.tables);
  }, 120_000);

  it('the same export in CP949 (transcoded as a stream first)', async () => {
    const utf8 = join(dir, 'orders-utf8.csv');
    writeOrdersCsv(utf8, 3_000);
    const path = join(dir, 'orders-cp949.csv');
    writeFileSync(path, iconv.encode(readFileSync(utf8, 'utf8').replace(/^\uFEFF/, ''), 'cp949'));
    const { bulk, old } = await importBoth({ path });
    expect(bulk.tookBulk).toBe(true);
    expect(bulk.summary.encoding).toBe('cp949');
    expect(comparable(bulk.summary)).toEqual(comparable(old.summary));
    expect(bulk.tables).toEqual(old.tables);
  }, 60_000);

  it('odd forms, bad rows and duplicate lines: same issues, same rejects file, same rows', async () => {
    const rows = [
      ORDERS_HEADER,
      [
        '무신사',
        'A1',
        'A1-1',
        '2024-03-01 14:05:00',
        '홍길동',
        '010-1234-5678',
        'hong**',
        'P1',
        '셔츠',
        'M',
        '1',
        '0',
        '12,000',
        '',
        '구매확정',
      ],
      [
        '무신사',
        'A1',
        'A1-2',
        '2024.03.01 오후 2:05',
        '홍길동',
        '+82 10-1234-5678',
        'hong**',
        'P2',
        '바지',
        '',
        '2',
        '1,000',
        '23,000원',
        'WELCOME',
        '배송완료',
      ],
      [
        '29CM',
        'B1',
        'B1-1',
        '20240302',
        ' 김철수 ',
        '01012345679',
        '',
        'P1',
        '셔츠',
        'L',
        '1',
        '',
        '15000',
        '',
        '취소완료',
      ],
      [
        '29CM',
        'B2',
        'B2-1',
        'not a date',
        '이영희',
        '010-9999-8888',
        '',
        'P3',
        '모자',
        '',
        '1',
        '0',
        '9,000',
        '',
        '구매확정',
      ],
      [
        '29CM',
        'B3',
        'B1-1',
        '2024-03-03 10:00:00',
        '박민수',
        '010-5555-4444',
        '',
        'P3',
        '모자',
        '',
        '1',
        '0',
        '9,000',
        '',
        '구매확정',
      ],
      [
        '지그재그',
        'C1',
        'C1-1',
        '2024-03-04 09:00',
        '최지우',
        '0505-123-4567',
        '',
        'P4',
        '가방',
        '',
        '0',
        '0',
        '5,000',
        '',
        '구매확정',
      ],
      [
        '지그재그',
        'C2',
        'C2-1',
        '2024-03-04 09:00:00',
        '정하늘',
        '02-123-4567',
        '',
        'P4',
        '가방',
        '',
        '1',
        '0',
        '5.5',
        '',
        '이상한상태',
      ],
      [
        '지그재그',
        'C3',
        'C3-1',
        '2024-02-30 09:00:00',
        '한가람',
        '010-****-1234',
        '',
        'P5',
        '양말',
        'NA',
        '3',
        '-',
        '6,000',
        '',
        'N40',
      ],
      [
        '에이블리',
        'D1',
        '',
        '2024-03-05 11:11:11',
        '오하나',
        '010-2222-3333',
        'd1',
        'P6',
        '코트',
        '',
        '1',
        '0',
        '50,000',
        '',
        '',
      ],
      [
        '에이블리',
        'D1',
        '',
        '2024-03-05 11:11:11',
        '오하나',
        '010-2222-3333',
        'd1',
        'P6',
        '코트',
        '',
        '1',
        '0',
        '50,000',
        '',
        '',
      ],
    ];
    const path = writeCsv(dir, 'odd.csv', rows, 'utf8-bom');
    const blocked = await importBoth({ path });
    expect(blocked.bulk.tookBulk).toBe(true);
    expect(blocked.bulk.summary.status).toBe('failed');
    expect(blocked.bulk.summary.issues.length).toBeGreaterThan(3);
    expect(comparable(blocked.bulk.summary)).toEqual(comparable(blocked.old.summary));
    expect(blocked.bulk.tables.orders).toBeUndefined();
    expect(blocked.bulk.tables).toEqual(blocked.old.tables);

    const rejectsPath = join(dir, 'odd-rejects.csv');
    const taken = await importBoth({ path, rejectsPath });
    expect(taken.bulk.tookBulk).toBe(true);
    expect(taken.bulk.summary.status).toBe('imported');
    expect(comparable(taken.bulk.summary)).toEqual(comparable(taken.old.summary));
    expect(taken.bulk.tables).toEqual(taken.old.tables);
    expect(readFileSync(`${rejectsPath}.always`, 'utf8')).toBe(readFileSync(`${rejectsPath}.never`, 'utf8'));
  }, 60_000);

  it('an order export without a product code column: products keyed by name and option the same way', async () => {
    const keep = (r: readonly string[]) => r.filter((_, i) => ORDERS_HEADER[i] !== '상품코드');
    const rows = [
      keep(ORDERS_HEADER),
      keep([
        '무신사',
        'A1',
        'A1-1',
        '2024-03-01 14:05:00',
        '홍길동',
        '010-1234-5678',
        '',
        'P1',
        '니트',
        '블랙',
        '1',
        '0',
        '12,000',
        '',
        '구매확정',
      ]),
      keep([
        '무신사',
        'A2',
        'A2-1',
        '2024-03-01 15:05:00',
        '김철수',
        '010-1234-5679',
        '',
        'P1',
        '니트  울',
        '블랙 / M',
        '1',
        '0',
        '12,000',
        '',
        '구매확정',
      ]),
      keep([
        '무신사',
        'A3',
        'A3-1',
        '2024-03-01 16:05:00',
        '이영희',
        '010-1234-5670',
        '',
        'P1',
        '니트',
        '',
        '1',
        '0',
        '12,000',
        '',
        '구매확정',
      ]),
      keep([
        '무신사',
        'A4',
        'A4-1',
        '2024-03-01 17:05:00',
        '박민수',
        '010-1234-5671',
        '',
        'P1',
        '',
        '',
        '1',
        '0',
        '12,000',
        '',
        '구매확정',
      ]),
    ];
    const path = writeCsv(dir, 'no-code.csv', rows);
    const rejectsPath = join(dir, 'no-code-rejects.csv');
    const { bulk, old } = await importBoth({ path, rejectsPath });
    expect(bulk.tookBulk).toBe(true);
    expect(bulk.summary.warnings.length).toBe(1);
    expect(bulk.summary.rowsRejected).toBe(1);
    expect(comparable(bulk.summary)).toEqual(comparable(old.summary));
    expect(bulk.tables).toEqual(old.tables);
  }, 60_000);

  it('POS sales in CP949 (returns as negative rows, members as keys)', async () => {
    const rows = [
      POS_HEADER,
      ['2024-03-01 10:00:00', 'R1', '강남점', 'P1', '크림', '1', '30,000', '0', 'M100', '010-1111-2222'],
      ['2024-03-01 11:00:00', 'R2', '강남점', 'P2', '토너', '-1', '-20,000', '0', 'M100', '010-1111-2222'],
      ['2024-03-02 12:00:00', 'R3', '홍대점', 'P1', '크림', '2', '60,000', '5,000', '', '010-3333-4444'],
      ['2024-03-02 12:00:00', 'R3', '홍대점', 'P1', '크림', '1', '30,000', '0', '', '010-3333-4444'],
    ];
    const path = writeCsv(dir, 'pos.csv', rows, 'cp949');
    const { bulk, old } = await importBoth({ path });
    expect(bulk.tookBulk).toBe(true);
    expect(comparable(bulk.summary)).toEqual(comparable(old.summary));
    expect(bulk.tables).toEqual(old.tables);
  }, 60_000);

  it('a CSV whose quoted cell holds a line break is imported the old way (line numbers kept)', async () => {
    const rows = [
      ORDERS_HEADER,
      [
        '무신사',
        'A1',
        'A1-1',
        '2024-03-01 14:05:00',
        '홍길동',
        '010-1234-5678',
        '',
        'P1',
        '셔츠\n긴팔',
        'M',
        '1',
        '0',
        '12,000',
        '',
        '구매확정',
      ],
    ];
    const path = writeCsv(dir, 'newline.csv', rows);
    const { bulk, old } = await importBoth({ path });
    expect(bulk.tookBulk).toBe(false);
    expect(comparable(bulk.summary)).toEqual(comparable(old.summary));
  }, 60_000);
});

describe('the demo brand imported with the bulk path = the row-by-row path', () => {
  it('every table matches after all demo files (CSV order files take the bulk path)', async () => {
    const params = DemoParamsSchema.parse({ customers: 400, seed: 11, eventsPerCustomer: 1 });
    const out = join(dir, 'demo');
    const manifest = writeDemoFiles({ params, outDir: out });
    const now = new Date(createDemoContext(params).exportedAt);
    const run = async (bulk: 'always' | 'never') => {
      const engine = await openMemoryWarehouse('duckdb');
      const took: string[] = [];
      try {
        for (const f of manifest.files) {
          const timings: Record<string, number> = {};
          const s = await importFile(engine, {
            path: join(out, f.file),
            source: f.source,
            now,
            bulk,
            timings,
            newCustomerId: seededCustomerIds(`dalbit-demo:${params.seed}`),
          });
          expect(s.status).toBe('imported');
          if (timings.bulk === 1) took.push(f.file);
        }
        return { tables: await dump(engine), took };
      } finally {
        await engine.close();
      }
    };
    const bulk = await run('always');
    const old = await run('never');
    // The marketplace, Coupang and POS exports are CSV order files: all three take the bulk path.
    expect(bulk.took.map((f) => f.replace(/[-.].*$/, '')).sort()).toEqual(['coupang', 'marketplace', 'pos']);
    expect(old.took).toEqual([]);
    expect(bulk.tables.orders?.length).toBeGreaterThan(100);
    expect(bulk.tables).toEqual(old.tables);
  }, 180_000);
});
