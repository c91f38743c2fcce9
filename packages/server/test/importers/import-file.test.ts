import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { importFile } from '../../src/importers/import-file.ts';
import {
  CAFE24_CUSTOMERS_HEADER,
  CAFE24_ORDERS_HEADER,
  COUPANG_HEADER,
  kstSerial,
  NOW,
  ORDERS_HEADER,
  POS_HEADER,
  SMARTSTORE_HEADER,
  tempDir,
  writeCsv,
  writeText,
  writeXlsxFile,
} from './fixtures.ts';

let engine: Engine;
let dir: string;
beforeEach(async () => {
  engine = await openMemoryWarehouse('duckdb');
  dir = tempDir();
});
afterEach(async () => {
  await engine.close();
});

const count = async (table: string) => (await engine.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]?.n;
const rows = (sql: string) => engine.query(sql);

const musinsa = (order: string, line: string, phone: string, amount: string, status = '배송완료') => [
  '무신사',
  order,
  line,
  '2024-03-01 14:05:00',
  '홍길동',
  phone,
  'hong**',
  'P1',
  '니트',
  'M',
  '1',
  '1,000',
  amount,
  '',
  status,
];

describe('importFile: encodings and formats', () => {
  it('imports a POS export in CP949 with store, members and phones', async () => {
    const path = writeCsv(
      dir,
      'pos.csv',
      [
        POS_HEADER,
        ['2024-03-02 11:00:00', 'R-0001', '강남점', 'P1', '니트', '1', '39,000', '1,000', 'M-77', '010-2222-3333'],
        ['2024-03-02 11:00:00', 'R-0001', '강남점', 'P2', '양말', '2', '6000', '0', 'M-77', '010-2222-3333'],
        ['2024-03-03 15:30:00', 'R-0002', '성수점', 'P1', '니트', '1', '39000', '0', '', ''],
      ],
      'cp949',
    );
    const s = await importFile(engine, { path, now: NOW });
    expect(s).toMatchObject({
      status: 'imported',
      encoding: 'cp949',
      source: 'pos_sales',
      forced: false,
      rowsRead: 3,
      rowsWritten: 3,
      orders: 2,
      orderLines: 3,
      customersCreated: 1,
    });
    expect(
      await rows(
        'SELECT order_id, store, paid_amount, discount_amount, gross_amount, customer_id IS NOT NULL AS known FROM orders ORDER BY order_id',
      ),
    ).toEqual([
      {
        order_id: 'offline:R-0001',
        store: '강남점',
        paid_amount: 45000,
        discount_amount: 1000,
        gross_amount: 46000,
        known: true,
      },
      {
        order_id: 'offline:R-0002',
        store: '성수점',
        paid_amount: 39000,
        discount_amount: 0,
        gross_amount: 39000,
        known: false,
      },
    ]);
    expect(await rows('SELECT kind, value FROM identities ORDER BY kind')).toEqual([
      { kind: 'member', value: 'offline:M-77' },
      { kind: 'phone', value: '+821022223333' },
    ]);
    const imp = await rows('SELECT source_kind, rows_read, rows_written, sha256 FROM imports');
    expect(imp).toEqual([
      { source_kind: 'pos_sales', rows_read: 3, rows_written: 3, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    // The same file again under a display name and a caller: the history says who; nothing changed.
    const again = await importFile(engine, { path, now: NOW, fileName: '매장 판매.csv', actor: 'user:u1' });
    expect(again).toMatchObject({ customersCreated: 0, customersUpdated: 0, orders: 2 });
    expect(again.changes).toEqual({
      customers: { inserted: 0, updated: 0, unchanged: 1 },
      orders: { inserted: 0, updated: 0, unchanged: 2 },
    });
    expect(again.headers).toEqual(POS_HEADER);
    expect(again.candidates[0]?.kind).toBe('pos_sales');
    expect(
      await rows(
        "SELECT file, actor, customers_created, customers_updated, customers_merged, orders FROM imports WHERE actor = 'user:u1'",
      ),
    ).toEqual([
      {
        file: '매장 판매.csv',
        actor: 'user:u1',
        customers_created: 0,
        customers_updated: 0,
        customers_merged: 0,
        orders: 2,
      },
    ]);
  });

  it('reads UTF-8 with and without BOM to the same rows', async () => {
    const data = [ORDERS_HEADER, musinsa('M1', 'M1-1', '010-1234-5678', '12,000원')];
    const a = await importFile(engine, { path: writeCsv(dir, 'bom.csv', data, 'utf8-bom'), now: NOW });
    const b = await importFile(engine, { path: writeCsv(dir, 'plain.csv', data, 'utf8'), now: NOW });
    expect([a.encoding, b.encoding]).toEqual(['utf-8-bom', 'utf-8']);
    expect([a.source, b.source]).toEqual(['orders', 'orders']);
    expect(await rows('SELECT order_id, channel, paid_amount FROM orders')).toEqual([
      { order_id: 'musinsa:M1', channel: 'musinsa', paid_amount: 12000 },
    ]);
  });

  it('imports a SmartStore xlsx with instruction rows, serial dates in KST, and never keys on 050 recipient numbers', async () => {
    const path = writeXlsxFile(dir, 'smartstore.xlsx', [
      ['스마트스토어 주문조회 - 상품주문번호 기준 다운로드'],
      ['※ 개인정보 보호를 위해 구매자 ID는 일부 마스킹되어 제공됩니다. 수취인 연락처는 안심번호일 수 있습니다.'],
      SMARTSTORE_HEADER,
      [
        '2024030100000101',
        '2024030100000100',
        kstSerial(2024, 3, 1, 9, 30),
        '홍길동',
        'hong****',
        '010-1234-5678',
        '0504-1111-2222',
        '1001',
        '니트',
        '블랙',
        1,
        2000,
        37000,
        '구매확정',
      ],
      [
        '2024030100000201',
        '2024030100000200',
        kstSerial(2024, 3, 1, 23, 59),
        '김영희',
        'kim*****',
        '010-9999-8888',
        '0504-1111-2222',
        '1002',
        '셔츠',
        '',
        2,
        0,
        50000,
        '결제완료',
      ],
    ]);
    const s = await importFile(engine, { path, now: NOW });
    expect(s).toMatchObject({
      status: 'imported',
      format: 'xlsx',
      source: 'smartstore_orders',
      headerLine: 3,
      orders: 2,
      customersCreated: 2,
    });
    expect(await rows('SELECT order_id, ordered_at FROM orders ORDER BY order_id')).toEqual([
      { order_id: 'smartstore:2024030100000100', ordered_at: new Date('2024-03-01T00:30:00Z') },
      { order_id: 'smartstore:2024030100000200', ordered_at: new Date('2024-03-01T14:59:00Z') },
    ]);
    expect(await rows("SELECT value FROM identities WHERE value LIKE '%504%'")).toEqual([]);
    expect(await rows("SELECT count(*) AS n FROM identities WHERE kind = 'member'")).toEqual([{ n: 0 }]);
    expect(await count('consents')).toBe(0);
  });

  it('does not merge two Coupang buyers who share a 050 safe number', async () => {
    const path = writeCsv(dir, 'coupang.csv', [
      COUPANG_HEADER,
      ['C-1', '2024-03-01', '박민수', '0503-0000-1111', '111', '가방', '1', '50000', '결제완료'],
      ['C-2', '2024-03-02', '최지우', '0503-0000-1111', '112', '지갑', '1', '30000', '배송완료'],
    ]);
    const s = await importFile(engine, { path, now: NOW });
    expect(s).toMatchObject({ status: 'imported', source: 'coupang_orders', customersCreated: 2, customersMerged: 0 });
    expect(await rows('SELECT count(DISTINCT customer_id) AS n FROM orders')).toEqual([{ n: 2 }]);
    expect(await rows('SELECT count(*) AS n FROM customers WHERE phone IS NOT NULL')).toEqual([{ n: 0 }]);
  });
});

describe('importFile: atomicity and rejects', () => {
  const bad = () => [
    ORDERS_HEADER,
    musinsa('M1', 'M1-1', '010-1234-5678', '12000'),
    musinsa('M2', 'M2-1', '010-1234-5678', '12000.50'),
    [
      '무신사',
      'M3',
      'M3-1',
      '2024-02-30',
      '김',
      '010-1111-2222',
      '',
      'P1',
      '니트',
      'M',
      '1',
      '0',
      '1000',
      '',
      '배송완료',
    ],
  ];

  it('writes nothing when any row is bad, and says where', async () => {
    const s = await importFile(engine, { path: writeCsv(dir, 'bad.csv', bad()), now: NOW });
    expect(s.status).toBe('failed');
    expect(s.issues.map((i) => `${i.file}:${i.line}: ${i.column}: ${i.message}`)).toEqual([
      'bad.csv:3: 결제액: fractional amount: 12000.50',
      'bad.csv:4: 주문일시: no such day: 2024-02-30',
    ]);
    for (const t of ['orders', 'order_items', 'customers', 'identities', 'imports']) expect(await count(t)).toBe(0);
  });

  it('with --rejects, lands the good rows and writes the bad ones with line and reason', async () => {
    const rejectsPath = join(dir, 'rejects.csv');
    const s = await importFile(engine, { path: writeCsv(dir, 'bad.csv', bad()), now: NOW, rejectsPath });
    expect(s).toMatchObject({ status: 'imported', rowsRead: 3, rowsWritten: 1, rowsRejected: 2, rejectsPath });
    expect(await rows('SELECT order_id FROM orders')).toEqual([{ order_id: 'musinsa:M1' }]);
    const text = readFileSync(rejectsPath, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      `${ORDERS_HEADER.join(',')},line,reason`,
      '무신사,M2,M2-1,2024-03-01 14:05:00,홍길동,010-1234-5678,hong**,P1,니트,M,1,"1,000",12000.50,,배송완료,3,결제액: fractional amount: 12000.50',
      '무신사,M3,M3-1,2024-02-30,김,010-1111-2222,,P1,니트,M,1,0,1000,,배송완료,4,주문일시: no such day: 2024-02-30',
      '',
    ]);
  });

  it('rolls everything back when a write fails midway', async () => {
    const path = writeCsv(dir, 'ok.csv', [ORDERS_HEADER, musinsa('M1', 'M1-1', '010-1234-5678', '12000')]);
    await engine.exec('ALTER TABLE warranties RENAME TO warranties_gone');
    const wpath = writeCsv(dir, 'w.csv', [
      ['등록번호', '등록일시', '이름', '휴대폰', '이메일', '상품코드', '시리얼번호', '구매처'],
      ['W1', '2024-03-01', '이', '010-5555-6666', '', 'P1', 'SN1', '무신사'],
    ]);
    await expect(importFile(engine, { path: wpath, now: NOW })).rejects.toThrow();
    await engine.exec('ALTER TABLE warranties_gone RENAME TO warranties');
    for (const t of ['customers', 'identities', 'events', 'imports']) expect(await count(t)).toBe(0);
    expect((await importFile(engine, { path, now: NOW })).status).toBe('imported');
  });
});

describe('importFile: re-imports', () => {
  it('re-importing the same file creates no duplicates', async () => {
    const path = writeCsv(dir, 'o.csv', [
      ORDERS_HEADER,
      musinsa('M1', 'M1-1', '010-1234-5678', '12000'),
      musinsa('M1', 'M1-2', '010-1234-5678', '5000'),
    ]);
    await importFile(engine, { path, now: NOW });
    const again = await importFile(engine, { path, now: new Date('2024-04-02T00:00:00Z') });
    expect(again).toMatchObject({ status: 'imported', customersCreated: 0, customersMerged: 0 });
    expect([
      await count('orders'),
      await count('order_items'),
      await count('customers'),
      await count('identities'),
      await count('imports'),
    ]).toEqual([1, 2, 1, 1, 2]);
  });

  it('an overlapping export updates changed rows (now cancelled) and adds new ones', async () => {
    await importFile(engine, {
      path: writeCsv(dir, 'week1.csv', [
        ORDERS_HEADER,
        musinsa('M1', 'M1-1', '010-1234-5678', '12000'),
        musinsa('M2', 'M2-1', '010-1234-5678', '8000'),
      ]),
      now: NOW,
    });
    await importFile(engine, {
      path: writeCsv(dir, 'week2.csv', [
        ORDERS_HEADER,
        musinsa('M2', 'M2-1', '010-1234-5678', '8000', '취소완료'),
        musinsa('M3', 'M3-1', '010-1234-5678', '9000'),
      ]),
      now: NOW,
    });
    expect(
      await rows(
        'SELECT o.order_id, o.status, i.status AS line_status FROM orders o JOIN order_items i USING (order_id) ORDER BY 1',
      ),
    ).toEqual([
      { order_id: 'musinsa:M1', status: 'paid', line_status: 'paid' },
      { order_id: 'musinsa:M2', status: 'cancelled', line_status: 'cancelled' },
      { order_id: 'musinsa:M3', status: 'paid', line_status: 'paid' },
    ]);
    expect(await count('customers')).toBe(1);
  });

  it('consents are appended only when they change', async () => {
    const v1 = [
      CAFE24_CUSTOMERS_HEADER,
      [
        'hong123',
        '홍길동',
        '010-1234-5678',
        'hong@example.com',
        'T',
        'F',
        '1990-05-17',
        'F',
        '여',
        'VIP',
        '2023-01-02 10:00:00',
        '2024-03-30 21:00:00',
      ],
    ];
    const path1 = writeXlsxFile(dir, 'members1.xlsx', v1);
    const first = await importFile(engine, { path: path1, now: NOW });
    expect(first).toMatchObject({ source: 'cafe24_customers', consents: 2 });
    expect((await importFile(engine, { path: path1, now: new Date('2024-04-02T00:00:00Z') })).consents).toBe(0);
    const v2 = [
      CAFE24_CUSTOMERS_HEADER,
      [
        'hong123',
        '홍길동',
        '010-1234-5678',
        'hong@example.com',
        'F',
        'F',
        '1990-05-17',
        'F',
        '여',
        'VIP',
        '2023-01-02 10:00:00',
        '2024-04-02 21:00:00',
      ],
    ];
    const flip = await importFile(engine, {
      path: writeXlsxFile(dir, 'members2.xlsx', v2),
      now: new Date('2024-04-03T00:00:00Z'),
    });
    expect(flip.consents).toBe(1);
    // A grant is dated by the sign-up day (가입일 2023-01-02 10:00 KST); a refusal by the export, i.e. the
    // newest date in the file (최근 접속일 2024-03-30 21:00 and 2024-04-02 21:00 KST), not the import time.
    expect(await rows('SELECT channel, purpose, granted, "at", proof FROM consents ORDER BY "at", channel')).toEqual([
      {
        channel: 'sms',
        purpose: 'ad',
        granted: true,
        at: new Date('2023-01-02T01:00:00Z'),
        proof: 'members1.xlsx:2 SMS 수신여부=T (동의일: 가입일 / dated by the sign-up date)',
      },
      {
        channel: 'email',
        purpose: 'ad',
        granted: false,
        at: new Date('2024-03-30T12:00:00Z'),
        proof:
          'members1.xlsx:2 뉴스메일 수신여부=F (동의일: 파일을 내보낸 시점(파일의 가장 늦은 날짜) / dated by the export (the newest date in the file))',
      },
      {
        channel: 'sms',
        purpose: 'ad',
        granted: false,
        at: new Date('2024-04-02T12:00:00Z'),
        proof:
          'members2.xlsx:2 SMS 수신여부=F (동의일: 파일을 내보낸 시점(파일의 가장 늦은 날짜) / dated by the export (the newest date in the file))',
      },
    ]);
    expect(await rows('SELECT birthday_md, birth_year, birthday_lunar, grade, gender FROM customers')).toEqual([
      { birthday_md: '05-17', birth_year: 1990, birthday_lunar: true, grade: 'VIP', gender: 'F' },
    ]);
  });

  it('a Cafe24 member and their own-shop orders become one customer, and events attach through the tracker id', async () => {
    await importFile(engine, {
      path: writeXlsxFile(dir, 'cafe24-orders.xlsx', [
        CAFE24_ORDERS_HEADER,
        [
          '20240301-0000011',
          '20240301-0000011-01',
          '2024-03-01 10:00:00',
          '홍길동',
          '010-1234-5678',
          'Hong@Example.com',
          'hong123',
          'P1',
          '니트',
          '블랙',
          1,
          39000,
          2000,
          'WELCOME',
          37000,
          'mobile',
          'N40',
        ],
        [
          '20240301-0000011',
          '20240301-0000011-02',
          '2024-03-01 10:00:00',
          '홍길동',
          '010-1234-5678',
          'Hong@Example.com',
          'hong123',
          'P2',
          '양말',
          '',
          2,
          3000,
          0,
          'WELCOME',
          6000,
          'mobile',
          'C40',
        ],
      ]),
      now: NOW,
    });
    const anonOnly = { event_id: 'e0', type: 'page_view', occurred_at: '2024-03-05T01:00:00Z', anonymous_id: 'a-9' };
    await importFile(engine, { path: writeText(dir, 'early.jsonl', `${JSON.stringify(anonOnly)}\n`), now: NOW });
    const login = {
      event_id: 'e1',
      type: 'login',
      occurred_at: '2024-03-06T01:00:00Z',
      anonymous_id: 'a-9',
      member_id: 'hong123',
      utm_source: 'kakao',
    };
    const later = {
      event_id: 'e2',
      type: 'product_view',
      occurred_at: '2024-03-07T01:00:00Z',
      anonymous_id: 'a-9',
      product_id: 'P1',
    };
    const s = await importFile(engine, {
      path: writeText(dir, 'events.jsonl', [login, later].map((e) => JSON.stringify(e)).join('\n')),
      now: NOW,
    });
    expect(s).toMatchObject({ source: 'events', events: 2, customersCreated: 0 });
    expect(
      await rows('SELECT count(DISTINCT customer_id) AS c, count(*) AS n FROM events WHERE customer_id IS NOT NULL'),
    ).toEqual([{ c: 1, n: 3 }]);
    expect(await rows('SELECT count(*) AS n FROM customers')).toEqual([{ n: 1 }]);
    expect(await rows('SELECT status, gross_amount, discount_amount, paid_amount, coupon_code FROM orders')).toEqual([
      { status: 'paid', gross_amount: 45000, discount_amount: 2000, paid_amount: 43000, coupon_code: 'WELCOME' },
    ]);
    expect(await rows('SELECT email FROM customers')).toEqual([{ email: 'hong@example.com' }]);
  });
});

describe('importFile: detection, forcing and mapping files', () => {
  it('--source forces the kind, and a wrong one fails with the missing columns named', async () => {
    const path = writeCsv(dir, 'o.csv', [ORDERS_HEADER, musinsa('M1', 'M1-1', '010-1234-5678', '12000')]);
    const wrong = await importFile(engine, { path, now: NOW, source: 'pos_sales' });
    expect(wrong).toMatchObject({ status: 'failed', forced: true, source: 'pos_sales' });
    expect(wrong.issues.map((i) => i.column)).toContain('ordered_at');
    const forced = await importFile(engine, {
      path,
      now: NOW,
      source: 'orders',
      channel: 'ignored-when-column-present',
    });
    expect(forced).toMatchObject({ status: 'imported', forced: true, source: 'orders' });
  });

  it('a mapping file overrides the aliases', async () => {
    const path = writeCsv(dir, 'odd.csv', [
      ['No', 'When', 'Who', 'Tel', 'SKU', 'Qty', 'Paid', '결제액'],
      ['A1', '2024-03-01 10:00', '홍', '01012345678', 'P1', '2', '20000', '999'],
    ]);
    const mappingPath = writeText(
      dir,
      'm.json',
      JSON.stringify({
        source: 'orders',
        channel: 'popup',
        columns: {
          order_id: 'No',
          ordered_at: 'When',
          buyer_name: 'Who',
          buyer_phone: 'Tel',
          product_code: 'SKU',
          qty: 'Qty',
          line_amount: 'Paid',
        },
      }),
    );
    const dry = await importFile(engine, { path, now: NOW, mappingPath, dryRun: true });
    expect(dry.status).toBe('dry_run');
    expect(dry.columns.find((c) => c.field === 'line_amount')).toEqual({
      field: 'line_amount',
      header: 'Paid',
      index: 6,
      via: 'mapping',
    });
    expect(dry.preview[0]).toMatchObject({ order_id: 'A1', line_amount: 20000, qty: 2 });
    expect(await count('orders')).toBe(0);
    const s = await importFile(engine, { path, now: NOW, mappingPath });
    expect(s).toMatchObject({ status: 'imported', forced: true });
    expect(await rows('SELECT order_id, paid_amount FROM orders')).toEqual([
      { order_id: 'popup:A1', paid_amount: 20000 },
    ]);
  });

  it('an invalid mapping file is refused before anything is read', async () => {
    const path = writeCsv(dir, 'o.csv', [ORDERS_HEADER]);
    const mappingPath = writeText(dir, 'm.json', JSON.stringify({ source: 'nope', colums: {} }));
    await expect(importFile(engine, { path, now: NOW, mappingPath })).rejects.toMatchObject({ code: 'BAD_MAPPING' });
  });
});
