import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cell } from '@dalbit/core/ingest/normalise/cell';
import { writeXlsx } from '@dalbit/core/ingest/xlsx/write-xlsx';
import iconv from 'iconv-lite';

export const NOW = new Date('2024-04-01T00:00:00Z');

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'dalbit-import-'));
}

const quote = (v: Cell) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** Writes a CSV the way Korean tools do: UTF-8 with or without BOM, or CP949. */
export function writeCsv(
  dir: string,
  name: string,
  rows: readonly (readonly Cell[])[],
  encoding: 'utf8' | 'utf8-bom' | 'cp949' = 'utf8',
): string {
  const text = `${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
  const path = join(dir, name);
  if (encoding === 'cp949') writeFileSync(path, iconv.encode(text, 'cp949'));
  else writeFileSync(path, encoding === 'utf8-bom' ? `\uFEFF${text}` : text);
  return path;
}

export function writeXlsxFile(dir: string, name: string, rows: readonly (readonly Cell[])[]): string {
  const path = join(dir, name);
  writeFileSync(path, writeXlsx([{ name: 'Sheet1', rows }]));
  return path;
}

export function writeText(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Excel serial of a KST wall-clock time (what SmartStore writes). */
export function kstSerial(y: number, m: number, d: number, hh = 0, mm = 0): number {
  return (Date.UTC(y, m - 1, d, hh, mm) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

export const ORDERS_HEADER = [
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
];
export const POS_HEADER = [
  '판매일시',
  '영수증번호',
  '매장',
  '상품코드',
  '상품명',
  '수량',
  '금액',
  '할인',
  '회원번호',
  '휴대폰',
];
export const SMARTSTORE_HEADER = [
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
];
export const CAFE24_ORDERS_HEADER = [
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
];
export const CAFE24_CUSTOMERS_HEADER = [
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
];
export const COUPANG_HEADER = [
  '주문번호',
  '주문일',
  '구매자',
  '구매자전화번호',
  '노출상품ID',
  '등록상품명',
  '구매수(수량)',
  '결제액',
  '주문상태',
];
