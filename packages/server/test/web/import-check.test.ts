import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDashboardBuilt } from '../../src/http/ensure-dashboard.ts';
import { type DemoServer, startDemoServer } from '../http/demo-server.ts';
import { writeCsv } from '../importers/fixtures.ts';
import { seedUser } from '../support/auth.ts';
import { launchChromium } from './browser.ts';
import { loginThroughPage } from './login-page.ts';
import { shoot } from './shots.ts';

const SHOTS = process.env.DALBIT_IMPORT_CHECK_SHOTS ?? '/tmp/shots/loopsb';

let demo: DemoServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let dir: string;
let files: { smartstore: string; plain: string };

// A SmartStore download whose seller left out 상품번호 and 판매자 상품코드 (columns chosen by hand from
// SmartStore's documented download list), and a plain order list that fits two kinds about as well.
const SMARTSTORE = [
  ['상품주문번호', '주문번호', '주문일시', '구매자명', '구매자연락처', '수취인연락처1', '주문상태'],
  ['상품명', '옵션정보', '수량', '상품가격', '최종 상품별 할인액', '최종 상품별 총 주문금액'],
].flat();
const ssRow = (n: number, name: string, phone: string, product: string, option: string, amount: number) => [
  `2026110912340${n}`,
  `2026110998760${n}`,
  `2026-11-09 1${n}:00:00`,
  name,
  phone,
  phone,
  '구매확정',
  product,
  option,
  1,
  amount + 1000,
  1000,
  amount,
];

beforeAll(async () => {
  await ensureDashboardBuilt();
  demo = await startDemoServer({ customers: 120, eventsPerCustomer: 1, seed: 3 });
  dir = mkdtempSync(join(tmpdir(), 'dalbit-import-check-'));
  files = {
    smartstore: writeCsv(dir, 'smartstore-chosen-columns.csv', [
      SMARTSTORE,
      ssRow(1, '한결', '010-9000-0001', '울 니트', '블랙 / M', 53000),
      ssRow(2, '한결', '010-9000-0001', '울 니트', '아이보리 / M', 53000),
      ssRow(3, '가람', '010-9000-0002', '캐시미어 머플러', '그레이', 89000),
    ]),
    plain: writeCsv(dir, 'order-list.csv', [
      ['주문번호', '주문일', '구매자명', '구매자연락처', '상품명', '옵션', '수량', '결제금액'],
      ['OL-1', '2026-11-10', '나래', '010-9000-0003', '양말 세트', '흰색', 2, 9000],
    ]),
  };
  browser = await launchChromium();
  page = await browser.context.newPage();
  await loginThroughPage(page, demo.server.url, await seedUser(demo.engine, { role: 'marketer' }));
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const count = async (sql: string): Promise<number> => Number((await demo.engine.query<{ n: number }>(sql))[0]?.n ?? 0);
const cells = async (what: 'customers' | 'orders') =>
  (await page.getByTestId(`import-changes-${what}`).locator('td').allInnerTexts()).map((t) =>
    Number(t.replace(/,/g, '')),
  );

async function upload(path: string): Promise<void> {
  await page.getByTestId('nav-imports').click();
  const another = page.getByTestId('import-another');
  if (await another.isVisible()) await another.click();
  await page.getByTestId('import-drop').waitFor();
  await page.getByTestId('import-file-input').setInputFiles(path);
  await page.getByTestId('import-facts').waitFor();
}

async function runImport(): Promise<void> {
  await page.getByTestId('import-run').click();
  await page.getByTestId('import-result').waitFor({ timeout: 120_000 });
}

describe('import page: how sure the importer is, and what the import changed', () => {
  it('a SmartStore file without a product code column shows the name-and-option warning, imports, and a re-import changes nothing', async () => {
    await upload(files.smartstore);
    expect(await page.getByTestId('import-detected').textContent()).toContain('네이버 스마트스토어 주문');
    const warning = await page.getByTestId('import-warning').textContent();
    expect(warning).toContain('상품코드 열이 없어 상품을 상품명과 옵션으로 구분합니다');
    expect(await page.getByTestId('import-runner-up').count()).toBe(0);
    await shoot(page, '01-smartstore-warning', SHOTS);

    await runImport();
    expect(await cells('orders')).toEqual([3, 0, 0]);
    expect(await cells('customers')).toEqual([2, 0, 0]);
    expect(await page.getByTestId('import-nothing-new').count()).toBe(0);
    // The warehouse holds the orders, products keyed by name and option.
    expect(await count("SELECT count(*) AS n FROM order_items WHERE product_id = 'name:울 니트 / 블랙 / M'")).toBe(1);
    await shoot(page, '02-smartstore-inserted', SHOTS);

    const orders = await count('SELECT count(*) AS n FROM orders');
    await upload(files.smartstore);
    await runImport();
    expect(await cells('orders')).toEqual([0, 0, 3]);
    expect(await cells('customers')).toEqual([0, 0, 2]);
    expect(await page.getByTestId('import-nothing-new').textContent()).toContain(
      '이미 가져온 내용과 같습니다: 새로 추가되거나 바뀐 고객·주문이 없습니다',
    );
    expect(await count('SELECT count(*) AS n FROM orders')).toBe(orders);
    await shoot(page, '03-smartstore-reimport-unchanged', SHOTS);
  });

  it('a plain order list names the close runner-up; one click reads it as that kind', async () => {
    await upload(files.plain);
    expect(await page.getByTestId('import-detected').textContent()).toContain('마켓 주문');
    const note = await page.getByTestId('import-runner-up').textContent();
    expect(note).toMatch(
      /마켓 주문 \(무신사·29CM 등\)으로 보았지만 쿠팡 주문과 점수가 비슷합니다 \([\d.]+ 대 [\d.]+\)/,
    );
    expect(await page.getByTestId('import-use-runner-up').textContent()).toBe('쿠팡 주문으로 읽기');
    await shoot(page, '04-runner-up', SHOTS);

    await page.getByTestId('import-use-runner-up').click();
    await page.getByTestId('import-detected').getByText('쿠팡 주문').waitFor();
    expect(await page.getByTestId('import-detected').textContent()).toContain('직접 고른 종류');
    expect(await page.getByTestId('import-runner-up').count()).toBe(0);
    await shoot(page, '05-read-as-runner-up', SHOTS);
    await runImport();
    expect(await count("SELECT count(*) AS n FROM orders WHERE order_id = 'coupang:OL-1'")).toBe(1);
    expect(await cells('orders')).toEqual([1, 0, 0]);

    await page.getByTestId('lang-toggle').click();
    await page.getByText('Compared with before the import').waitFor();
    await shoot(page, '06-result-english', SHOTS);
  });
});
