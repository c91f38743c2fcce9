import type { XlsxColumnType } from '../export/xlsx-xml.ts';
/**
 * The export files of the demo brand: what each is called, which importer source kind reads it,
 * its format and encoding, and its exact header (the headers real consoles export).
 */
export type DemoFileId =
  | 'products'
  | 'cafe24_customers'
  | 'customers'
  | 'cafe24_orders'
  | 'smartstore_orders'
  | 'orders'
  | 'coupang_orders'
  | 'pos_sales'
  | 'warranties'
  | 'events';

/** How a cell is written: text, number, or an Excel serial date-time (xlsx only). */
export type DemoColumnType = XlsxColumnType;
export type DemoCell = string | number;

export interface DemoFileSpec {
  readonly id: DemoFileId;
  /** Source kind of the importer (`importFile({ source })`). */
  readonly source: DemoFileId;
  /** File name without extension; large files are split as `<base>-001.<ext>`. */
  readonly base: string;
  readonly format: 'xlsx' | 'csv' | 'jsonl';
  readonly encoding: 'utf8' | 'utf8-bom' | 'cp949';
  readonly header: readonly string[];
  readonly types: readonly DemoColumnType[];
  /** Rows above the header (SmartStore's instruction rows). */
  readonly preamble?: readonly (readonly string[])[];
  /** Data rows per file before a new part starts (xlsx sheets stop at 1,048,576 rows). */
  readonly maxRowsPerFile: number;
}

const s = (n: number): DemoColumnType[] => new Array<DemoColumnType>(n).fill('s');
const XLSX_MAX = 1_000_000;
const CSV_MAX = 5_000_000;

/** In import order: catalogue, people, orders, registrations, behaviour last. */
export const DEMO_FILES: readonly DemoFileSpec[] = [
  {
    id: 'products',
    source: 'products',
    base: 'products',
    format: 'csv',
    encoding: 'utf8-bom',
    header: ['상품코드', '상품명', '카테고리', '판매가'],
    types: ['s', 's', 's', 'n'],
    maxRowsPerFile: CSV_MAX,
  },
  {
    id: 'cafe24_customers',
    source: 'cafe24_customers',
    base: 'cafe24-customers',
    format: 'xlsx',
    encoding: 'utf8',
    header: [
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
    types: s(12),
    maxRowsPerFile: XLSX_MAX,
  },
  {
    id: 'customers',
    source: 'customers',
    base: 'kakao-signup-customers',
    format: 'csv',
    encoding: 'utf8',
    header: [
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
    types: s(14),
    maxRowsPerFile: CSV_MAX,
  },
  {
    id: 'cafe24_orders',
    source: 'cafe24_orders',
    base: 'cafe24-orders',
    format: 'xlsx',
    encoding: 'utf8',
    header: [
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
    types: [...s(10), 'n', 'n', 'n', 's', 'n', 's', 's'],
    maxRowsPerFile: XLSX_MAX,
  },
  {
    id: 'smartstore_orders',
    source: 'smartstore_orders',
    base: 'smartstore-orders',
    format: 'xlsx',
    encoding: 'utf8',
    header: [
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
    types: ['s', 's', 'd', ...s(7), 'n', 'n', 'n', 's'],
    preamble: [
      ['스마트스토어 주문조회 - 상품주문번호 기준 다운로드'],
      ['※ 개인정보 보호를 위해 구매자 ID는 일부 마스킹되어 제공됩니다. 수취인 연락처는 안심번호일 수 있습니다.'],
    ],
    maxRowsPerFile: XLSX_MAX,
  },
  {
    id: 'orders',
    source: 'orders',
    base: 'marketplace-orders',
    format: 'csv',
    encoding: 'utf8-bom',
    header: [
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
    types: [...s(10), 'n', 'n', 'n', 's', 's'],
    maxRowsPerFile: CSV_MAX,
  },
  {
    id: 'coupang_orders',
    source: 'coupang_orders',
    base: 'coupang-orders',
    format: 'csv',
    encoding: 'utf8-bom',
    header: [
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
    types: s(9),
    maxRowsPerFile: CSV_MAX,
  },
  {
    id: 'pos_sales',
    source: 'pos_sales',
    base: 'pos-sales',
    format: 'csv',
    encoding: 'cp949',
    header: ['판매일시', '영수증번호', '매장', '상품코드', '상품명', '수량', '금액', '할인', '회원번호', '휴대폰'],
    types: [...s(5), 'n', 'n', 'n', 's', 's'],
    maxRowsPerFile: CSV_MAX,
  },
  {
    id: 'warranties',
    source: 'warranties',
    base: 'warranty-registrations',
    format: 'csv',
    encoding: 'utf8',
    header: ['등록번호', '등록일시', '이름', '휴대폰', '이메일', '상품코드', '시리얼번호', '구매처'],
    types: s(8),
    maxRowsPerFile: CSV_MAX,
  },
  {
    id: 'events',
    source: 'events',
    base: 'events',
    format: 'jsonl',
    encoding: 'utf8',
    header: [],
    types: [],
    maxRowsPerFile: 10_000_000,
  },
];

export function findDemoFileSpec(id: DemoFileId): DemoFileSpec {
  const spec = DEMO_FILES.find((f) => f.id === id);
  if (!spec) throw new RangeError(`unknown demo file ${id}`);
  return spec;
}
