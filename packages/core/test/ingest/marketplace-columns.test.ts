import { describe, expect, it } from 'vitest';
import { CLOSE_SCORE_GAP, closeRunnerUp, detectSource } from '../../src/ingest/detect-source.ts';
import { ingestFile } from '../../src/ingest/ingest-file.ts';
import { fallbackProductKey } from '../../src/ingest/mappers/map-order-row.ts';

const NOW = new Date('2024-12-01T00:00:00Z');
const utf8 = (s: string) => new TextEncoder().encode(s);
const csv = (rows: readonly (readonly (string | number)[])[]) => utf8(`${rows.map((r) => r.join(',')).join('\n')}\n`);

// Written by hand from the marketplaces' download column lists (SmartStore 주문통합검색 → 엑셀
// 다운로드, Coupang WING 배송관리 → DeliveryList), not from the demo generator. Sellers choose which
// of these columns a download carries.
const SMARTSTORE_ALL = [
  '상품주문번호',
  '주문번호',
  '배송방법(구매자 요청)',
  '배송방법',
  '택배사',
  '송장번호',
  '발송일',
  '구매자명',
  '구매자ID',
  '수취인명',
  '주문상태',
  '주문세부상태',
  '결제위치',
  '결제일',
  '상품번호',
  '상품명',
  '상품종류',
  '반품안심케어',
  '옵션정보',
  '옵션관리코드',
  '수량',
  '옵션가격',
  '상품가격',
  '최종 상품별 할인액',
  '판매자 부담 할인액',
  '최종 상품별 총 주문금액',
  '사은품',
  '발주확인일',
  '발송기한',
  '발송처리일',
  '송장출력일',
  '배송비 형태',
  '배송비 묶음번호',
  '배송비 유형',
  '배송비 합계',
  '제주/도서 추가배송비',
  '배송비 할인액',
  '판매자 상품코드',
  '판매자 내부코드1',
  '판매자 내부코드2',
  '수취인연락처1',
  '수취인연락처2',
  '통합배송지',
  '기본배송지',
  '상세배송지',
  '구매자연락처',
  '우편번호',
  '배송메세지',
  '출고지',
  '결제수단',
  '네이버페이 주문관리 수수료',
  '매출연동 수수료',
  '정산예정금액',
  '유입경로',
  '개인통관고유부호',
  '주문일시',
];
/** The issue's case: another discount column, no 상품번호 or 판매자 상품코드. */
const SMARTSTORE_CHOSEN = [
  '상품주문번호',
  '주문번호',
  '주문일시',
  '구매자명',
  '구매자ID',
  '구매자연락처',
  '수취인명',
  '수취인연락처1',
  '주문상태',
  '상품명',
  '옵션정보',
  '수량',
  '상품가격',
  '최종 상품별 할인액',
  '최종 상품별 총 주문금액',
  '배송메세지',
];
const COUPANG_ALL = [
  '번호',
  '묶음배송번호',
  '주문번호',
  '택배사',
  '운송장번호',
  '분리배송 Y/N',
  '분리배송 출고예정일',
  '주문시 출고예정일',
  '출고일(발송일)',
  '주문일',
  '등록상품명',
  '등록옵션명',
  '노출상품명(옵션명)',
  '노출상품ID',
  '옵션ID',
  '최초등록등록상품명/옵션명',
  '업체상품코드',
  '바코드',
  '결제액',
  '배송비구분',
  '배송비',
  '도서산간 추가배송비',
  '구매수(수량)',
  '옵션판매가(판매단가)',
  '구매자',
  '구매자전화번호',
  '수취인이름',
  '수취인전화번호',
  '우편번호',
  '수취인 주소',
  '배송메세지',
  '상품별 추가메시지',
  '주문자 추가메시지',
  '배송완료일',
  '구매확정일자',
  '개인통관번호(PCCC)',
  '통관용수취인전화번호',
  '기타',
  '결제위치',
  '배송유형',
];
const COUPANG_CHOSEN = [
  '묶음배송번호',
  '주문번호',
  '주문일',
  '등록상품명',
  '등록옵션명',
  '구매수(수량)',
  '결제액',
  '구매자',
  '구매자전화번호',
  '수취인이름',
  '배송메세지',
];

/** One row for the given headers: every known column filled, the rest blank. */
function rowFor(headers: readonly string[], values: Readonly<Record<string, string | number>>): (string | number)[] {
  return headers.map((h) => values[h] ?? '');
}

describe('detection scores the columns a seller chose', () => {
  it('reads the full SmartStore download as SmartStore, by its product number', () => {
    const values = {
      상품주문번호: '2024112012345601',
      주문번호: '2024112098765401',
      주문일시: '2024-11-20 14:05:00',
      구매자명: '홍길동',
      상품번호: '8123456789',
      상품명: '울 니트',
      옵션정보: '블랙 / M',
      수량: 1,
      '최종 상품별 총 주문금액': 53100,
      '최종 상품별 할인액': 5900,
      주문상태: '구매확정',
    };
    const r = ingestFile(csv([SMARTSTORE_ALL, rowFor(SMARTSTORE_ALL, values)]), { fileName: 's.csv', now: NOW });
    expect(r.source).toBe('smartstore_orders');
    expect(r.fileIssues).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.runnerUp).toBeUndefined();
    expect(r.batch.orders[0]?.lines[0]?.productId).toBe('8123456789');
    expect(r.batch.orders[0]?.lines[0]?.discountAmount).toBe(5900);
  });

  it('reads a SmartStore download without a product number column, keyed by name and option, with a warning', () => {
    const rows = [
      SMARTSTORE_CHOSEN,
      rowFor(SMARTSTORE_CHOSEN, {
        상품주문번호: '2024112012345601',
        주문번호: '2024112098765401',
        주문일시: '2024-11-20 14:05:00',
        구매자명: '홍길동',
        구매자연락처: '010-1234-5678',
        주문상태: '구매확정',
        상품명: '울 니트',
        옵션정보: '블랙 / M',
        수량: 1,
        '최종 상품별 할인액': 5900,
        '최종 상품별 총 주문금액': 53100,
      }),
      rowFor(SMARTSTORE_CHOSEN, {
        상품주문번호: '2024112112345602',
        주문번호: '2024112198765402',
        주문일시: '2024-11-21 09:00:00',
        구매자명: '이영희',
        구매자연락처: '010-5555-6666',
        주문상태: '배송중',
        상품명: ' 울  니트',
        옵션정보: '블랙 / M',
        수량: 2,
        '최종 상품별 총 주문금액': 106200,
      }),
    ];
    const r = ingestFile(csv(rows), { fileName: 's.csv', now: NOW });
    expect(r.source).toBe('smartstore_orders');
    expect(r.fileIssues).toEqual([]);
    expect(r.issues).toEqual([]);
    expect(r.warnings).toEqual([{ code: 'PRODUCT_KEY_FROM_NAME', field: 'product_code', from: 'product_name' }]);
    const ids = r.batch.orders.map((o) => o.lines[0]?.productId);
    // The same product on both lines despite the stray spaces, and the same key on any re-import.
    expect(ids).toEqual(['name:울 니트 / 블랙 / M', 'name:울 니트 / 블랙 / M']);
    expect(r.batch.orders[0]?.lines[0]?.discountAmount).toBe(5900);
  });

  it('reads a Coupang download with only the columns a seller kept, keyed by the registered name and option', () => {
    const rows = [
      COUPANG_CHOSEN,
      rowFor(COUPANG_CHOSEN, {
        묶음배송번호: '300001',
        주문번호: '11000123456',
        주문일: '2024-11-20',
        등록상품명: '울 니트',
        등록옵션명: '블랙 M',
        '구매수(수량)': 1,
        결제액: 49000,
        구매자: '박민수',
        구매자전화번호: '010-7777-8888',
      }),
    ];
    const r = ingestFile(csv(rows), { fileName: 'c.csv', now: NOW });
    expect(r.source).toBe('coupang_orders');
    expect(r.issues).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['PRODUCT_KEY_FROM_NAME']);
    expect(r.batch.orders[0]?.lines[0]?.productId).toBe(fallbackProductKey('울 니트', '블랙 M'));
  });

  it('reads the full Coupang download by its exposed product id, no warning', () => {
    expect(detectSource(COUPANG_ALL)[0]?.spec.kind).toBe('coupang_orders');
    const r = ingestFile(csv([COUPANG_ALL]), { fileName: 'c.csv', now: NOW });
    expect(r.columns.find((c) => c.field === 'product_code')?.header).toBe('노출상품ID');
    expect(r.warnings).toEqual([]);
  });

  it('a forced kind still refuses a file with neither a product code nor a product name', () => {
    const headers = ['상품주문번호', '주문번호', '주문일시', '수량', '최종 상품별 총 주문금액'];
    const r = ingestFile(csv([headers, ['1', '2', '2024-11-20', 1, 100]]), {
      fileName: 's.csv',
      now: NOW,
      source: 'smartstore_orders',
    });
    expect(r.fileIssues.map((i) => i.column)).toEqual(['product_code']);
  });
});

describe('a close runner-up is named', () => {
  it('a plain order list fits the marketplace kind and Coupang about as well: Coupang is the runner-up', () => {
    const headers = ['주문번호', '주문일', '구매자명', '구매자연락처', '상품명', '옵션', '수량', '결제금액'];
    const r = ingestFile(csv([headers, ['A1', '2024-11-20', '김철수', '010-2222-3333', '양말', '흰색', 2, 9000]]), {
      fileName: 'o.csv',
      now: NOW,
      channel: 'musinsa',
    });
    expect(r.source).toBe('orders');
    expect(r.runnerUp?.kind).toBe('coupang_orders');
    const [best] = r.candidates;
    expect((best?.score ?? 0) - (r.runnerUp?.score ?? 0)).toBeLessThan(CLOSE_SCORE_GAP);
  });

  it('a file with its kind’s signature columns has no runner-up; a forced kind never has one', () => {
    expect(closeRunnerUp(detectSource(SMARTSTORE_CHOSEN))).toBeUndefined();
    const headers = ['주문번호', '주문일', '구매자명', '상품명', '옵션', '수량', '결제금액'];
    const forced = ingestFile(csv([headers]), { fileName: 'o.csv', now: NOW, source: 'orders', channel: 'musinsa' });
    expect(forced.runnerUp).toBeUndefined();
    expect(ingestFile(csv([headers]), { fileName: 'o.csv', now: NOW }).runnerUp).toBeDefined();
  });

  it('closeRunnerUp: only the second, and only within the gap', () => {
    expect(closeRunnerUp([{ score: 20 }, { score: 20 - CLOSE_SCORE_GAP + 0.1 }])).toEqual({ score: 15.1 });
    expect(closeRunnerUp([{ score: 20 }, { score: 20 - CLOSE_SCORE_GAP }])).toBeUndefined();
    expect(closeRunnerUp([{ score: 20 }])).toBeUndefined();
  });
});
