import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { type EngineKind, openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { importFile } from '../../src/importers/import-file.ts';
import { NOW, tempDir, writeCsv } from './fixtures.ts';

/** DuckDB both ways: order CSVs row by row and by the set-based bulk path. */
const RUNS: { kind: EngineKind; bulk: 'never' | 'always' }[] = [
  { kind: 'duckdb', bulk: 'never' },
  { kind: 'duckdb', bulk: 'always' },
  { kind: 'chdb', bulk: 'never' },
];
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MEMBERS_HEAD = ['회원아이디', '이름', '휴대폰번호', '이메일', 'SMS 수신여부', '뉴스메일 수신여부', '가입일'];
const member = (id: string, name: string, phone: string, sms = 'Y') => [
  id,
  name,
  phone,
  `${id}@example.com`,
  sms,
  'N',
  '2024-01-05',
];
const ORDERS_HEAD = ['주문번호', '품목별 주문번호', '주문일시', '주문자명', '주문자 휴대전화', '회원아이디'];
const ORDER_COLS = [...ORDERS_HEAD, '상품코드', '상품명', '수량', '실결제금액', '주문경로', '주문상태'];
const line = (
  order: string,
  n: number,
  who: [string, string, string],
  product: string,
  amount: number,
  status = '배송완료',
) => [
  order,
  `${order}-${n}`,
  '2024-03-02 10:00:00',
  who[1],
  who[2],
  who[0],
  product,
  `상품 ${product}`,
  1,
  amount,
  'PC',
  status,
];
const KIM: [string, string, string] = ['kim01', '김하나', '010-1111-2222'];
const LEE: [string, string, string] = ['lee02', '이두리', '010-3333-4444'];
const PARK: [string, string, string] = ['park03', '박세나', '010-5555-6666'];
const JUNG: [string, string, string] = ['jung05', '정다섯', '010-7777-8888'];

for (const { kind, bulk } of RUNS) {
  describe(`${kind} (bulk ${bulk}): the import summary counts customers and orders inserted, updated and unchanged`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await openMemoryWarehouse(kind);
    });
    afterAll(() => engine.close());
    const run = async (name: string, rows: (string | number)[][]) => {
      const timings: Record<string, number> = {};
      const path = writeCsv(dir, `${kind}-${bulk}-${name}.csv`, rows);
      const s = await importFile(engine, { path, now: NOW, bulk, timings });
      expect(s.status, JSON.stringify(s.issues)).toBe('imported');
      // The order files really took the set-based path when asked to.
      if (bulk === 'always' && name.startsWith('orders')) expect(timings.bulk).toBe(1);
      return s.changes;
    };

    it('a first import is all inserted; the same files again are all unchanged', async () => {
      const members = [MEMBERS_HEAD, member(...KIM), member(...LEE), member(...JUNG)];
      const orders = [
        ORDER_COLS,
        line('A1', 1, KIM, 'P1', 10000),
        line('A1', 2, KIM, 'P2', 5000),
        line('A2', 1, LEE, 'P1', 10000),
      ];
      expect(await run('members-1', members)).toEqual({
        customers: { inserted: 3, updated: 0, unchanged: 0 },
        orders: { inserted: 0, updated: 0, unchanged: 0 },
      });
      // The buyers are the members (same member ids, same name and phone): their orders are new,
      // the customers themselves unchanged.
      expect(await run('orders-1', orders)).toEqual({
        customers: { inserted: 0, updated: 0, unchanged: 2 },
        orders: { inserted: 2, updated: 0, unchanged: 0 },
      });
      expect(await run('members-2', members)).toEqual({
        customers: { inserted: 0, updated: 0, unchanged: 3 },
        orders: { inserted: 0, updated: 0, unchanged: 0 },
      });
      expect(await run('orders-2', orders)).toEqual({
        customers: { inserted: 0, updated: 0, unchanged: 2 },
        orders: { inserted: 0, updated: 0, unchanged: 2 },
      });
    });

    it('a changed status, a dropped line, a new buyer, a consent withdrawn and a rename are told apart', async () => {
      const orders = [
        ORDER_COLS,
        line('A1', 1, KIM, 'P1', 10000), // A1 loses its second line: updated
        line('A2', 1, LEE, 'P1', 10000, '반품완료'), // status changed: updated
        line('A3', 1, PARK, 'P3', 7000), // new order of a new buyer
      ];
      expect(await run('orders-3', orders)).toEqual({
        customers: { inserted: 1, updated: 0, unchanged: 2 },
        orders: { inserted: 1, updated: 2, unchanged: 0 },
      });
      // Kim withdraws SMS consent and Jung (no orders) is renamed: updated. Lee's name in the member
      // export is older than her order's, so the warehouse keeps the order's: unchanged.
      const members = [
        MEMBERS_HEAD,
        member(...KIM, 'N'),
        member(LEE[0], '이두리2', LEE[2]),
        member(JUNG[0], '정다섯2', JUNG[2]),
      ];
      expect(await run('members-3', members)).toEqual({
        customers: { inserted: 0, updated: 2, unchanged: 1 },
        orders: { inserted: 0, updated: 0, unchanged: 0 },
      });
      expect(await run('orders-4', orders)).toMatchObject({ orders: { inserted: 0, updated: 0, unchanged: 3 } });
    });
  });
}
