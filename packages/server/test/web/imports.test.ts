import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DemoParamsSchema } from '@dalbit/core/demo/demo-params';
import { openTable } from '@dalbit/core/ingest/read-table';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoFiles } from '../../src/demo/write-demo-files.ts';
import { ensureDashboardBuilt } from '../../src/http/ensure-dashboard.ts';
import { type DemoServer, startDemoServer } from '../http/demo-server.ts';
import { ORDERS_HEADER, writeCsv } from '../importers/fixtures.ts';
import { musinsaRows } from '../importers/progress-fixture.ts';
import { seedUser } from '../support/auth.ts';
import { launchChromium } from './browser.ts';
import { loginThroughPage } from './login-page.ts';
import { hangulUsesBundledFont } from './shots.ts';

const SHOTS = process.env.DALBIT_IMPORT_SHOTS ?? '/tmp/shots/imports-ui';

let demo: DemoServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let dir: string;
/** This week's exports of the brand: the same brand's files of another week (another demo seed). */
let files: { cm: string; smartstore: string; pos: string; bad: string };
let marketer: { email: string; password: string };

beforeAll(async () => {
  await ensureDashboardBuilt();
  demo = await startDemoServer({ customers: 300, eventsPerCustomer: 2, seed: 1 });
  dir = mkdtempSync(join(tmpdir(), 'dalbit-imports-e2e-'));
  writeDemoFiles({ params: DemoParamsSchema.parse({ customers: 150, seed: 7, eventsPerCustomer: 1 }), outDir: dir });
  // The store's POS exports its phone column under a name no alias knows: the marketer maps it by hand.
  const pos = iconv.decode(readFileSync(join(dir, 'pos-sales.csv')), 'cp949');
  const renamed = pos.replace(/^(.*?)휴대폰(\r?\n)/, '$1고객 연락처 번호$2');
  expect(renamed).not.toBe(pos);
  writeFileSync(join(dir, 'pos-sales.csv'), iconv.encode(renamed, 'cp949'));
  const bad = [
    '판매채널,주문번호,상품주문번호,주문일시,구매자명,구매자연락처,구매자ID,상품코드,상품명,옵션,수량,할인액,결제액,쿠폰코드,주문상태',
    '무신사,B-1,B-1-1,2026-13-40 10:00,김하늘,010-2345-6789,sky1,P-1,니트,M,1,0,39000,,결제완료',
    '무신사,B-2,B-2-1,2026-11-02 10:00,이바다,010-3456-7890,sea2,P-1,니트,M,1,0,-12000,,결제완료',
    '무신사,B-3,B-3-1,2026-11-03 10:00,박산,010-4567-8901,mnt3,P-1,니트,M,1,0,39000,,결제완료',
  ].join('\r\n');
  writeFileSync(join(dir, 'musinsa-bad.csv'), `\uFEFF${bad}\r\n`);
  const cm = [
    '주문번호,주문일시,구매자명,구매자연락처,판매자 상품코드,상품명,수량,결제금액',
    '29-1001,2026-11-10 10:00,최바람,010-5555-6666,P00006PL,시카 수면팩,1,"28,000"',
    '29-1002,2026-11-11 11:00,정노을,010-5555-7777,P00006NJ,톤업 선크림,2,"48,000"',
  ].join('\r\n');
  writeFileSync(join(dir, '29cm-orders.csv'), `${cm}\r\n`);
  files = {
    cm: join(dir, '29cm-orders.csv'),
    smartstore: join(dir, 'smartstore-orders.xlsx'),
    pos: join(dir, 'pos-sales.csv'),
    bad: join(dir, 'musinsa-bad.csv'),
  };
  browser = await launchChromium();
  page = await browser.context.newPage();
  marketer = await seedUser(demo.engine, { role: 'marketer' });
  await loginThroughPage(page, demo.server.url, marketer);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const count = async (sql: string): Promise<number> => Number((await demo.engine.query<{ n: number }>(sql))[0]?.n ?? 0);
const warehouse = async () => ({
  customers: await count('SELECT count(*) AS n FROM customers'),
  orders: await count('SELECT count(*) AS n FROM orders'),
  smartstore: await count("SELECT count(*) AS n FROM orders WHERE channel = 'smartstore'"),
  offline: await count("SELECT count(*) AS n FROM orders WHERE channel = 'offline'"),
  imports: await count('SELECT count(*) AS n FROM imports'),
});
/** Order ids (`channel:number`) in a file, read with the plain table reader (no importer mapping). */
function orderIdsIn(path: string, header: string, channel: string): string[] {
  const ids = new Set<string>();
  let col = -1;
  for (const r of openTable(readFileSync(path), basename(path)).rows) {
    if (col < 0) col = r.cells.indexOf(header);
    else if (r.cells[col] !== null && r.cells[col] !== '') ids.add(`${channel}:${String(r.cells[col])}`);
  }
  return [...ids];
}
const ordersAmong = (ids: readonly string[]): Promise<number> =>
  count(
    `SELECT count(*) AS n FROM orders WHERE order_id IN (${ids.map((i) => `'${i.replaceAll("'", "''")}'`).join(', ')})`,
  );

/** The number in a result card ("1,234명" → 1234). */
const shown = async (id: string): Promise<number> =>
  Number(((await page.getByTestId(`import-count-${id}`).locator('.kpi-value').textContent()) ?? '').replace(/\D/g, ''));

async function snap(name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Drops a file on the drop zone the way a browser does (a DataTransfer holding a File). */
async function dropFile(path: string, name: string): Promise<void> {
  const b64 = readFileSync(path).toString('base64');
  const transfer = await page.evaluateHandle(`(() => {
    const bin = atob(${JSON.stringify(b64)});
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], ${JSON.stringify(name)}));
    return dt;
  })()`);
  await page.dispatchEvent('[data-testid="import-drop"]', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('[data-testid="import-drop"]', 'drop', { dataTransfer: transfer });
}

/** Text a person reads must not show codes, kinds or field keys in Korean mode. */
async function expectNoRawTokens(): Promise<void> {
  const text = (await page.locator('.content').allInnerTexts()).join('\n').replace(/[\w.+-]+@[\w.-]+/g, '');
  const raw = text.match(
    /\b(?:[a-z]+_[a-z_]+|BAD_[A-Z]+|MISSING\w*|DUPLICATE|UNKNOWN_KIND|undefined|null|NaN|cp949|utf-8|pos_sales|paid|true|false)\b/g,
  );
  expect(raw ?? []).toEqual([]);
}

async function waitForResult(): Promise<void> {
  await page.getByTestId('import-result').waitFor({ timeout: 120_000 });
}

describe('import page in Chromium (story 1)', () => {
  it('a SmartStore xlsx dropped on the page is recognised, previewed in KST and ₩, imported, and counted in the warehouse', async () => {
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('import-drop').waitFor();
    const before = await warehouse();
    const ids = orderIdsIn(files.smartstore, '주문번호', 'smartstore');
    const existed = await ordersAmong(ids);
    await dropFile(files.smartstore, 'smartstore-orders.xlsx');
    await page.getByTestId('import-facts').waitFor();
    expect(await page.getByTestId('import-detected').textContent()).toContain('네이버 스마트스토어 주문');
    expect(await page.getByTestId('import-detected').textContent()).toContain('자동으로 알아냄');
    expect(await page.getByTestId('import-encoding').textContent()).toBe('엑셀 통합문서');
    const preview = (await page.getByTestId('import-preview').allInnerTexts()).join('\n');
    expect(preview).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/); // KST wall time, not a serial or ISO
    expect(preview).toMatch(/[\d,]+원/);
    expect(preview).toContain('****'); // phones masked
    expect(await page.getByTestId('import-no-problems').isVisible()).toBe(true);
    await expectNoRawTokens();
    expect(await hangulUsesBundledFont(page)).toBe(true);
    await snap('01-smartstore-inspection');

    await page.getByTestId('import-run').click();
    await waitForResult();
    await snap('02-smartstore-result');
    const after = await warehouse();
    // Every order of the file is in the warehouse, those of earlier weeks updated in place, no duplicates.
    expect(await shown('orders')).toBe(ids.length);
    expect(await ordersAmong(ids)).toBe(ids.length);
    expect(after.smartstore - before.smartstore).toBe(ids.length - existed);
    expect(after.customers - before.customers).toBe(
      (await shown('customersCreated')) - (await shown('customersMerged')),
    );
    expect(ids.length).toBeGreaterThan(30);
    expect(await shown('rowsRejected')).toBe(0);
    expect(after.imports).toBe(before.imports + 1);
    await expectNoRawTokens();
  });

  it('a CP949 POS export: the unknown phone column is mapped by hand, then imported with the phones', async () => {
    await page.getByTestId('import-another').click();
    const before = await warehouse();
    const phonesBefore = await count("SELECT count(*) AS n FROM identities WHERE kind = 'phone'");
    const ids = orderIdsIn(files.pos, '영수증번호', 'offline');
    const existed = await ordersAmong(ids);
    await page.getByTestId('import-file-input').setInputFiles(files.pos);
    await page.getByTestId('import-facts').waitFor();
    expect(await page.getByTestId('import-detected').textContent()).toContain('매장 POS 판매');
    expect(await page.getByTestId('import-encoding').textContent()).toContain('CP949');
    expect(await page.getByTestId('import-unused').textContent()).toContain('고객 연락처 번호');
    expect(await page.getByTestId('map-buyer_phone').inputValue()).toBe('');
    await snap('03-pos-before-mapping');

    await page.getByTestId('map-buyer_phone').selectOption('고객 연락처 번호');
    await page.getByTestId('import-apply-mapping').click();
    await page.getByTestId('import-unused').waitFor({ state: 'detached' });
    expect(await page.getByTestId('map-buyer_phone').inputValue()).toBe('고객 연락처 번호');
    expect(await page.getByTestId('import-detected').textContent()).toContain('직접 고른 종류');
    expect((await page.getByTestId('import-preview').allInnerTexts()).join('\n')).toMatch(/010-\*\*\*\*-\d{4}/);
    await expectNoRawTokens();
    await snap('04-pos-mapped');

    await page.getByTestId('import-run').click();
    await waitForResult();
    await snap('05-pos-result');
    const after = await warehouse();
    expect(await shown('orders')).toBe(ids.length);
    expect(await ordersAmong(ids)).toBe(ids.length);
    expect(after.orders - before.orders).toBe(ids.length - existed);
    expect(ids.length).toBeGreaterThan(10);
    expect(after.customers - before.customers).toBe(
      (await shown('customersCreated')) - (await shown('customersMerged')),
    );
    // The mapped column brought phones in.
    expect(await count("SELECT count(*) AS n FROM identities WHERE kind = 'phone'")).toBeGreaterThan(phonesBefore);
    const [row] = await demo.engine.query<{ actor: string; orders: number; customers_created: number }>(
      "SELECT actor, orders, customers_created FROM imports WHERE file = 'pos-sales.csv' AND actor IS NOT NULL",
    );
    expect(Number(row?.orders)).toBe(await shown('orders'));
    expect(Number(row?.customers_created)).toBe(await shown('customersCreated'));
    expect(row?.actor).toBe(`user:${marketer.email}`);
    // The history names who imported which file (the demo's own imports show as the command line).
    const mine = page.getByTestId('import-history-row').filter({ hasText: marketer.email });
    await expect.poll(async () => (await mine.allInnerTexts()).join('\n')).toContain('pos-sales.csv');
    expect((await mine.allInnerTexts()).join('\n')).toContain('매장 POS 판매');
    await page.getByTestId('import-to-customers').click();
    await page.getByTestId('customer-total').waitFor();
    expect(Number(await page.getByTestId('customer-total').getAttribute('data-total'))).toBe(after.customers);
  });

  it('a bad file: Korean problems with line and column before anything is written, and an import that writes nothing', async () => {
    await page.getByTestId('nav-imports').click();
    const before = await warehouse();
    await page.getByTestId('import-file-input').setInputFiles(files.bad);
    await page.getByTestId('import-problems').waitFor();
    const problems = await page.getByTestId('import-problem').allInnerTexts();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^2행 · 주문일시\s*날짜로 읽을 수 없습니다/);
    expect(problems[1]).toMatch(/^3행 · 결제액\s*금액·수량으로 쓸 수 없는 값입니다/);
    expect(await page.getByTestId('import-problem-count').textContent()).toContain('정상 1행, 문제 2행');
    await expectNoRawTokens();
    await snap('06-bad-file-problems');

    await page.getByTestId('import-run').click();
    await waitForResult();
    expect(await page.getByTestId('import-error').textContent()).toBe(
      '문제가 있는 행 2개 때문에 가져오지 않았습니다. 아무것도 기록하지 않았습니다',
    );
    expect(await page.getByTestId('import-problem').count()).toBe(2);
    expect(await warehouse()).toEqual(before);
    await expectNoRawTokens();
    await snap('07-bad-file-nothing-written');
  });

  it('the rows set aside download as CSV with Korean reasons; the page reads in English too', async () => {
    await page.getByTestId('import-another').click();
    await page.getByTestId('import-file-input').setInputFiles(files.bad);
    await page.getByTestId('import-skip-bad').check();
    await page.getByTestId('import-run').click();
    await waitForResult();
    expect(await shown('rowsWritten')).toBe(1);
    expect(await shown('rowsRejected')).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-rejects').click()]);
    const csv = readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]?.endsWith(',행,문제')).toBe(true);
    expect(lines[1]).toContain('2,주문일시: 날짜로 읽을 수 없습니다');
    await snap('08-rows-set-aside');

    await page.getByTestId('lang-toggle').click();
    await page.getByText('Import another file').waitFor();
    expect(await page.getByTestId('import-count-rowsRejected').textContent()).toContain('Rows set aside');
    await page.getByTestId('import-another').click();
    await page.getByTestId('import-file-input').setInputFiles(files.bad);
    await page.getByTestId('import-problems').waitFor();
    expect(await page.getByTestId('import-detected').textContent()).toContain('Marketplace orders');
    expect((await page.getByTestId('import-problem').allInnerTexts())[0]).toMatch(
      /^line 2 · 주문일시\s*Not a readable date/,
    );
    await snap('09-english');
    await page.getByTestId('lang-toggle').click();
  });

  it('a 29CM export without a channel column: the marketer picks the kind and the channel, then imports', async () => {
    await page.reload();
    await page.getByTestId('import-drop').waitFor();
    await page.getByTestId('import-file-input').setInputFiles(files.cm);
    await page.getByTestId('import-facts').waitFor();
    await page.getByTestId('import-kind').selectOption('orders');
    await page.getByTestId('import-channel').waitFor();
    expect(await page.getByTestId('import-problem').first().textContent()).toContain('판매채널을 알 수 없습니다');
    await page.getByTestId('import-channel').selectOption('29cm');
    await page.getByTestId('import-apply-mapping').click();
    await page.getByTestId('import-no-problems').waitFor();
    expect(await page.getByTestId('import-detected').textContent()).toContain('마켓 주문 (무신사·29CM 등)');
    expect(await page.getByTestId('import-channel').inputValue()).toBe('29cm');
    await expectNoRawTokens();
    await snap('10-29cm-channel-chosen');
    await page.getByTestId('import-run').click();
    await waitForResult();
    expect(await shown('orders')).toBe(2);
    expect(
      await count(
        "SELECT count(*) AS n FROM orders WHERE channel = '29cm' AND order_id IN ('29cm:29-1001', '29cm:29-1002')",
      ),
    ).toBe(2);
  });

  it('a mapping saved under a name is offered for the next file it fits; renamed and deleted with who and when', async () => {
    await page.reload();
    await page.getByTestId('import-drop').waitFor();
    await page.getByTestId('import-file-input').setInputFiles(files.pos);
    await page.getByTestId('import-saved-mappings').waitFor();
    await page.getByTestId('mappings-none-fit').waitFor();
    await page.getByTestId('map-buyer_phone').selectOption('고객 연락처 번호');
    await page.getByTestId('import-apply-mapping').click();
    await page.getByTestId('import-unused').waitFor({ state: 'detached' });
    await page.getByTestId('mapping-name').fill('강남점 POS');
    await page.getByTestId('mapping-save').click();
    await page.getByTestId('mapping-fit-강남점 POS').waitFor();
    const [stored] = await demo.engine.query<{
      name: string;
      source_kind: string;
      created_by: string;
      mapping: string;
    }>('SELECT name, source_kind, created_by, mapping FROM import_mappings');
    expect(stored).toMatchObject({
      name: '강남점 POS',
      source_kind: 'pos_sales',
      created_by: `user:${marketer.email}`,
    });
    expect(JSON.parse(String(stored?.mapping)).columns.buyer_phone).toBe('고객 연락처 번호');
    await expectNoRawTokens();
    await snap('11-mapping-saved');

    // Next week's file from the same POS: the saved mapping is offered and applied in one click.
    await page.reload();
    await page.getByTestId('import-file-input').setInputFiles(files.pos);
    await page.getByTestId('mapping-fit-강남점 POS').waitFor();
    expect(await page.getByTestId('map-buyer_phone').inputValue()).toBe('');
    await page.getByTestId('mapping-fit-강남점 POS').getByTestId('mapping-apply').click();
    await expect.poll(() => page.getByTestId('map-buyer_phone').inputValue()).toBe('고객 연락처 번호');
    expect(await page.getByTestId('import-unused').count()).toBe(0);
    expect((await page.getByTestId('import-preview').allInnerTexts()).join('\n')).toMatch(/010-\*\*\*\*-\d{4}/);
    await snap('12-mapping-applied');

    // A marketplace file does not have the POS columns: the mapping is not offered there.
    await page.reload();
    await page.getByTestId('import-file-input').setInputFiles(files.bad);
    await page.getByTestId('mappings-none-fit').waitFor();

    await page.getByTestId('mappings-all').locator('summary').click();
    await page.getByTestId('mapping-row-강남점 POS').getByTestId('mapping-rename').click();
    await page.getByTestId('mapping-rename-input').fill('강남점 포스');
    await page.getByTestId('mapping-rename-save').click();
    await page.getByTestId('mapping-row-강남점 포스').waitFor();
    expect(await page.getByTestId('mapping-row-강남점 포스').textContent()).toContain('매장 POS 판매');
    expect(await page.getByTestId('mapping-row-강남점 포스').textContent()).toContain(marketer.email);
    await snap('13-mapping-renamed');
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('mapping-row-강남점 포스').getByTestId('mapping-delete').click();
    await page.getByTestId('mappings-all').waitFor({ state: 'detached' });
    expect(await count('SELECT count(*) AS n FROM import_mappings')).toBe(0);
  });

  it('a large file shows rows and bytes read while it is being read, then the result', async () => {
    const big = writeCsv(dir, 'musinsa-week.csv', [ORDERS_HEADER, ...musinsaRows(60_000)]);
    await page.reload();
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('import-file-input').setInputFiles(big);
    await page.getByTestId('import-facts').waitFor({ timeout: 120_000 });
    await page.getByTestId('import-run').click();
    // The reading phase is seen with some rows read and part of the file consumed.
    type Doc = { querySelector(s: string): { textContent: string | null } | null };
    const seen = await page.waitForFunction(
      () => {
        const doc = (globalThis as unknown as { document: Doc }).document;
        const text = (id: string) => doc.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
        const rows = Number(text('import-rows-read').replace(/\D/g, ''));
        return text('import-phase') === '파일 읽는 중' && rows > 0 && rows < 60_000 ? text('import-bytes-read') : false;
      },
      undefined,
      { timeout: 120_000, polling: 'raf' },
    );
    await snap('14-reading-progress');
    const bytes = String(await seen.jsonValue());
    // Part of the file, as read so far: "파일 2.3 MB / 6.9 MB".
    const size = (n: string, unit: string) => Number(n.replace(/,/g, '')) * (unit === 'MB' ? 1024 : 1);
    const m = bytes.match(/^파일 ([\d.,]+) (KB|MB) \/ ([\d.,]+) (MB)$/) ?? [];
    const [read, total] = [size(m[1] ?? '', m[2] ?? ''), size(m[3] ?? '', m[4] ?? '')];
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(total ?? 0);
    await waitForResult();
    const error = page.getByTestId('import-error');
    if ((await error.count()) > 0) throw new Error(`${await error.textContent()}\n${demo.logs.slice(-5).join('\n')}`);
    expect(await shown('rowsWritten')).toBe(60_000);
  });
});
