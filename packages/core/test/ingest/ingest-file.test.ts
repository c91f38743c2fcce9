import { describe, expect, it } from 'vitest';
import { detectSource } from '../../src/ingest/detect-source.ts';
import { ingestFile } from '../../src/ingest/ingest-file.ts';
import { EventLine, mapEventValues, mapParsedEvents } from '../../src/ingest/mappers/map-event-line.ts';
import { writeXlsx } from '../../src/ingest/xlsx/write-xlsx.ts';

const NOW = new Date('2024-04-01T00:00:00Z');
const utf8 = (s: string) => new TextEncoder().encode(s);

/** The exact headers the demo brand writes (and real consoles export). */
const HEADERS: Record<string, string[]> = {
  cafe24_orders: [
    '주문번호',
    '품목별 주문번호',
    '주문일시',
    '주문자명',
    '주문자 휴대전화',
    '주문자 이메일',
    '회원아이디',
    '상품코드',
    '상품명',
    '옵션정보',
    '수량',
    '판매가',
    '할인금액',
    '쿠폰코드',
    '실결제금액',
    '주문경로',
    '주문상태',
  ],
  cafe24_customers: [
    '회원아이디',
    '이름',
    '휴대폰번호',
    '이메일',
    'SMS 수신여부',
    '뉴스메일 수신여부',
    '생년월일',
    '양력/음력',
    '성별',
    '회원등급',
    '가입일',
    '최근접속일',
  ],
  smartstore_orders: [
    '상품주문번호',
    '주문번호',
    '주문일시',
    '구매자명',
    '구매자ID',
    '구매자연락처',
    '수취인연락처1',
    '상품번호',
    '상품명',
    '옵션정보',
    '수량',
    '상품별 할인액',
    '최종 상품별 총 주문금액',
    '주문상태',
  ],
  orders: [
    '판매채널',
    '주문번호',
    '상품주문번호',
    '주문일시',
    '구매자명',
    '구매자연락처',
    '구매자ID',
    '상품코드',
    '상품명',
    '옵션',
    '수량',
    '할인액',
    '결제액',
    '쿠폰코드',
    '주문상태',
  ],
  coupang_orders: [
    '주문번호',
    '주문일',
    '구매자',
    '구매자전화번호',
    '노출상품ID',
    '등록상품명',
    '구매수(수량)',
    '결제액',
    '주문상태',
  ],
  pos_sales: ['판매일시', '영수증번호', '매장', '상품코드', '상품명', '수량', '금액', '할인', '회원번호', '휴대폰'],
  customers: [
    '이름',
    '휴대폰',
    '이메일',
    '생일',
    '음력여부',
    '성별',
    '가입경로',
    '가입일',
    'SMS 광고수신동의',
    '이메일 광고수신동의',
    '카카오 광고수신동의',
    '야간 광고수신동의',
    '동의일시',
    '카카오ID',
  ],
  products: ['상품코드', '상품명', '카테고리', '판매가'],
  warranties: ['등록번호', '등록일시', '이름', '휴대폰', '이메일', '상품코드', '시리얼번호', '구매처'],
};

describe('source detection', () => {
  for (const [kind, headers] of Object.entries(HEADERS)) {
    it(`detects ${kind} and maps every column`, () => {
      const guesses = detectSource(headers);
      expect(guesses[0]?.spec.kind).toBe(kind);
      const r = ingestFile(utf8(`${headers.join(',')}\n`), { fileName: 'x.csv', now: NOW });
      expect(r.source).toBe(kind);
      expect(r.unusedHeaders).toEqual([]);
    });
  }

  it('finds the header under SmartStore instruction rows and reads serial dates as KST', () => {
    const bytes = writeXlsx([
      {
        name: '발주발송관리',
        rows: [
          ['스마트스토어 주문조회 - 상품주문번호 기준 다운로드'],
          ['※ 구매자 ID는 일부 마스킹되어 제공됩니다. 상품주문번호, 주문번호'],
          HEADERS.smartstore_orders ?? [],
          [
            '2024030112345601',
            '2024030198765401',
            45352 + 14 / 24 + 5 / 1440,
            '홍길동',
            'hong****',
            '010-1234-5678',
            '0504-1111-2222',
            'P-100',
            '니트',
            '블랙',
            1,
            0,
            39000,
            '구매확정',
          ],
        ],
      },
    ]);
    const r = ingestFile(bytes, { fileName: 'smartstore.xlsx', now: NOW, previewRows: 5 });
    expect(r.format).toBe('xlsx');
    expect(r.headerLine).toBe(3);
    expect(r.source).toBe('smartstore_orders');
    expect(r.issues).toEqual([]);
    const order = r.batch.orders[0];
    expect(order?.orderId).toBe('smartstore:2024030198765401');
    expect(order?.orderedAt.toISOString()).toBe('2024-03-01T05:05:00.000Z');
    expect(order?.lines[0]?.lineId).toBe('smartstore:2024030112345601');
    const buyer = r.batch.persons[0];
    expect(buyer?.keys).toEqual([{ kind: 'phone', value: '+821012345678', mergeable: true }]);
    expect(buyer?.recordId).toBe('smartstore:buyer:+821012345678');
    expect(r.batch.consents).toEqual([]);
  });

  it('says so when the kind cannot be told', () => {
    const r = ingestFile(utf8('foo,bar\n1,2\n'), { fileName: 'x.csv', now: NOW });
    expect(r.source).toBeUndefined();
    expect(r.fileIssues[0]?.message).toMatch(/pass --source/);
  });
});

describe('row validation', () => {
  it("collects every problem with line and the file's own column name", () => {
    const csv = [
      HEADERS.orders?.join(','),
      '무신사,M1,M1-1,2024-03-01 14:05,홍길동,010-1234-5678,,P1,티,M,1,0,"12,000",,배송완료',
      '무신사,M2,M2-1,2024-13-01,김,010-1234-5678,,P1,티,M,1,0,12000.5,,배송완료',
      '무신사,M3,M3-1,2024-03-01,이,전화없음,,,티,M,0,0,1000,,보류',
    ].join('\n');
    const r = ingestFile(utf8(csv), { fileName: 'm.csv', now: NOW });
    expect(r.rowsRead).toBe(3);
    expect(r.rowsAccepted).toBe(1);
    expect(r.issues.map((i) => `${i.line}:${i.column}:${i.code}`)).toEqual([
      '3:주문일시:BAD_DATE',
      '3:결제액:BAD_NUMBER',
      '4:상품코드:MISSING',
      '4:주문상태:BAD_VALUE',
      '4:수량:BAD_NUMBER',
      '4:구매자연락처:BAD_PHONE',
    ]);
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4]);
  });

  it('keeps 050 numbers and landlines as non-merging keys and never marketable', () => {
    const csv = [HEADERS.coupang_orders?.join(','), '9001,2024-03-01,박,0503-1234-5678,111,가방,1,50000,결제완료'].join(
      '\n',
    );
    const r = ingestFile(utf8(csv), { fileName: 'c.csv', now: NOW });
    const p = r.batch.persons[0];
    expect(p?.keys).toEqual([{ kind: 'phone', value: '+8250312345678', mergeable: false }]);
    expect(p?.phone).toBeUndefined();
    expect(p?.recordId).toBe('coupang:buyer:order:9001');
  });

  it('gives consents with proof, and none to marketplace buyers', () => {
    const csv = [
      HEADERS.customers?.join(','),
      '홍길동,010-1234-5678,hong@example.com,0517,Y,여,카카오싱크,2024-01-02,동의,미동의,,Y,2024-01-02 10:00:00,k123',
    ].join('\n');
    const r = ingestFile(utf8(csv), { fileName: 'cust.csv', now: NOW });
    expect(r.issues).toEqual([]);
    const p = r.batch.persons[0];
    expect(p).toMatchObject({
      recordId: 'kakao:customer:k123',
      channel: 'kakao',
      birthdayMd: '05-17',
      birthdayLunar: true,
      gender: 'F',
      phone: '+821012345678',
    });
    expect(r.batch.consents.map((c) => [c.channel, c.purpose, c.granted, c.at.toISOString(), c.proof])).toEqual([
      [
        'sms',
        'ad',
        true,
        '2024-01-02T01:00:00.000Z',
        'cust.csv:2 SMS 광고수신동의=동의 (동의일: 파일의 동의일 / dated by the file)',
      ],
      [
        'email',
        'ad',
        false,
        '2024-01-02T01:00:00.000Z',
        'cust.csv:2 이메일 광고수신동의=미동의 (동의일: 파일의 동의일 / dated by the file)',
      ],
      [
        'sms',
        'night_ad',
        true,
        '2024-01-02T01:00:00.000Z',
        'cust.csv:2 야간 광고수신동의=Y (동의일: 파일의 동의일 / dated by the file)',
      ],
      [
        'kakao',
        'night_ad',
        true,
        '2024-01-02T01:00:00.000Z',
        'cust.csv:2 야간 광고수신동의=Y (동의일: 파일의 동의일 / dated by the file)',
      ],
    ]);
  });

  it('links an anonymous visitor to the member who logs in, for all of their events', () => {
    const lines = [
      { event_id: 'e1', type: 'page_view', occurred_at: '2024-03-01T01:00:00Z', anonymous_id: 'a1' },
      { event_id: 'e2', type: 'signup', occurred_at: '2024-03-01T01:05:00Z', anonymous_id: 'a1', member_id: 'hong123' },
      {
        event_id: 'e3',
        type: 'page_view',
        occurred_at: '2024-03-01T02:00:00Z',
        anonymous_id: 'a2',
        utm_source: 'kakao',
      },
    ];
    const r = ingestFile(utf8(lines.map((l) => JSON.stringify(l)).join('\n')), { fileName: 'events.jsonl', now: NOW });
    expect(r.source).toBe('events');
    expect(r.batch.persons).toEqual([
      {
        recordId: 'tracker:anon:a1',
        channel: 'tracker',
        seenAt: new Date('2024-03-01T01:05:00Z'),
        memberId: 'hong123',
        keys: [
          { kind: 'member', value: 'cafe24:hong123', mergeable: true },
          { kind: 'anon', value: 'a1', mergeable: true },
        ],
      },
    ]);
    expect(r.batch.events.map((e) => [e.eventId, e.personRecordId, e.anonymousId])).toEqual([
      ['e1', 'tracker:anon:a1', 'a1'],
      ['e2', 'tracker:anon:a1', 'a1'],
      ['e3', undefined, 'a2'],
    ]);
    expect(r.batch.events[2]?.utm).toEqual({ source: 'kakao' });
    // Parsed items (an HTTP body) map to the same batch as the file's lines, problems included.
    const bad = { event_id: 'e4', type: 'page_view', occurred_at: 'yesterday', anonymous_id: 'a3' };
    const both = [...lines, bad, { ...bad, occurred_at: '2024-03-01T03:00:00Z' }];
    const fromFile = ingestFile(utf8(both.map((l) => JSON.stringify(l)).join('\n')), {
      fileName: 'events.jsonl',
      now: NOW,
    });
    const fromValues = mapEventValues(both, { file: 'events.jsonl', now: NOW });
    expect(fromValues.batch).toEqual(fromFile.batch);
    expect(fromValues.issues).toEqual(fromFile.issues);
    expect(fromValues.issues.map((i) => [i.line, i.column, i.code])).toEqual([[4, 'occurred_at', 'BAD_DATE']]);
    // Items validated once by a route's schema map the same again, without a second validation.
    const fromParsed = mapParsedEvents(
      both.map((v) => EventLine.parse(v)),
      { file: 'events.jsonl', now: NOW },
    );
    expect(fromParsed).toEqual(fromValues);
  });
});
