import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { tempDir, writeCsv } from './fixtures.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A SmartStore download whose seller left out 상품번호 and 판매자 상품코드 and kept 최종 상품별 할인액
// (columns from SmartStore's documented download list, chosen by hand).
const SMARTSTORE = [
  ['상품주문번호', '주문번호', '주문일시', '구매자명', '구매자연락처', '수취인연락처1', '주문상태'],
  ['상품명', '옵션정보', '수량', '상품가격', '최종 상품별 할인액', '최종 상품별 총 주문금액'],
].flat();
const ssRow = (line: string, name: string, option: string, amount: number) => [
  `20241120${line}`,
  `O${line}`,
  '2024-11-20 14:05:00',
  '홍길동',
  '010-1234-5678',
  '010-1234-5678',
  '구매확정',
  name,
  option,
  1,
  amount + 500,
  500,
  amount,
];
const PLAIN = ['주문번호', '주문일', '구매자명', '구매자연락처', '상품명', '옵션', '수량', '결제금액'];

describe('dalbit import says how sure it is of the kind and of the product key', () => {
  it('a SmartStore download without a product code imports, products keyed by name and option, with a Korean warning', async () => {
    const file = writeCsv(dir, 'smartstore-chosen.csv', [
      SMARTSTORE,
      ssRow('01', '울 니트', '블랙', 53100),
      ssRow('02', '울 니트', '아이보리', 53100),
    ]);
    const data = join(dir, 'ss');
    const r = await runCli(['--data-dir', data, 'import', file, '--no-refresh']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('감지된 파일 종류: smartstore_orders');
    expect(r.stdout).toContain('주의: 상품코드 열이 없어 상품을 상품명과 옵션으로 구분합니다');
    expect(r.stdout).toContain('  고객: 새로 추가 1, 변경 0, 변경 없음 0\n  주문: 새로 추가 2, 변경 0, 변경 없음 0\n');
    // The same file again: every customer and order unchanged, said in so many words.
    const json = await runCli(['--data-dir', data, 'import', file, '--no-refresh', '--json']);
    const s = JSON.parse(json.stdout) as { warnings: unknown[]; runnerUp?: unknown; changes: unknown };
    expect(s.warnings).toEqual([{ code: 'PRODUCT_KEY_FROM_NAME', field: 'product_code', from: 'product_name' }]);
    expect(s.runnerUp).toBeUndefined();
    expect(s.changes).toEqual({
      customers: { inserted: 0, updated: 0, unchanged: 1 },
      orders: { inserted: 0, updated: 0, unchanged: 2 },
    });
    const again = await runCli(['--data-dir', data, 'import', file, '--no-refresh']);
    expect(again.stdout).toContain(
      '  고객: 새로 추가 0, 변경 0, 변경 없음 1\n  주문: 새로 추가 0, 변경 0, 변경 없음 2\n  이미 가져온 내용과 같습니다: 새로 추가되거나 바뀐 고객·주문이 없습니다\n',
    );
    const en = await runCli(['--lang', 'en', '--data-dir', data, 'import', file, '--dry-run']);
    expect(en.stdout).toContain('warning: no product code column: products are told apart by name and option');
  });

  it('a plain order list names the close runner-up and the --source that picks it; forced, it does not', async () => {
    const file = writeCsv(dir, 'plain.csv', [
      PLAIN,
      ['A1', '2024-11-20', '김철수', '010-2222-3333', '양말', '흰색', 2, 9000],
    ]);
    const r = await runCli(['--data-dir', dir, 'import', file, '--channel', 'musinsa', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /주의: 마켓 주문 \(무신사·29CM 등\)으로 보았지만 쿠팡 주문과 점수가 비슷합니다 \([\d.]+ 대 [\d.]+\)\. 맞는지 확인하세요; 쿠팡 주문이라면 --source coupang_orders 로 지정하세요/,
    );
    const forced = await runCli([
      '--data-dir',
      dir,
      'import',
      file,
      '--source',
      'orders',
      '--channel',
      'musinsa',
      '--dry-run',
    ]);
    expect(forced.stdout).not.toContain('점수가 비슷합니다');
  });
});
