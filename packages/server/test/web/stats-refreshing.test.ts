import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translate } from '@dalbit/core/i18n/catalog';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDashboardBuilt } from '../../src/http/ensure-dashboard.ts';
import { statsSummarySettled } from '../../src/identity/stats-summary.ts';
import { type DemoServer, startDemoServer } from '../http/demo-server.ts';
import { seedUser } from '../support/auth.ts';
import { launchChromium } from './browser.ts';
import { loginThroughPage } from './login-page.ts';
import { hangulUsesBundledFont } from './shots.ts';

// Decision 0020: after an import the home page answers at once with the previous revenue figures
// and says, in Korean, that they are being recounted; once the recount is done the note is gone
// and the new figures show.

const SHOTS = process.env.DALBIT_SAFETY_SHOTS ?? '/tmp/shots/safety';

let demo: DemoServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let dir: string;

beforeAll(async () => {
  await ensureDashboardBuilt();
  demo = await startDemoServer({ customers: 200, eventsPerCustomer: 1, seed: 3 });
  dir = mkdtempSync(join(tmpdir(), 'dalbit-stats-refreshing-'));
  const cm = [
    '판매채널,주문번호,주문일시,구매자명,구매자연락처,판매자 상품코드,상품명,수량,결제금액',
    '29CM,29-7001,2026-11-10 10:00,최바람,010-5555-6601,P00006PL,시카 수면팩,1,"28,000"',
    '29CM,29-7002,2026-11-11 11:00,정노을,010-5555-6602,P00006NJ,톤업 선크림,2,"48,000"',
  ].join('\r\n');
  writeFileSync(join(dir, '29cm-orders.csv'), `${cm}\r\n`);
  browser = await launchChromium();
  page = await browser.context.newPage();
  await loginThroughPage(page, demo.server.url, await seedUser(demo.engine, { role: 'marketer' }));
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function snap(name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const shownOrders = async (): Promise<number> =>
  Number(((await page.getByTestId('kpi-orders').locator('.kpi-value').textContent()) ?? '').replace(/\D/g, ''));
/** The orders cell of the 29CM row of revenue per channel (the summary's figure). */
const cmOrders = async (): Promise<number> =>
  Number(
    (
      (await page
        .getByTestId('revenue-by-channel')
        .locator('tbody tr')
        .filter({ hasText: '29CM' })
        .locator('td')
        .nth(1)
        .textContent()) ?? ''
    ).replace(/\D/g, ''),
  );

describe('home page while the stats summary is recounted (Chromium)', () => {
  it('after an import: the previous figures with a Korean note, then the new figures without it', async () => {
    await page.goto(`${demo.server.url}/`);
    await page.getByTestId('kpi-orders').waitFor();
    await statsSummarySettled(demo.engine); // the first read of a new warehouse fills the summary
    await page.reload();
    await page.getByTestId('kpi-orders').waitFor();
    expect(await page.getByTestId('stats-refreshing').count()).toBe(0);
    const ordersBefore = await shownOrders();
    const cmBefore = await cmOrders();
    expect(cmBefore).toBeGreaterThan(0);

    // A marketer imports two 29CM orders on the import page.
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('import-file-input').setInputFiles(join(dir, '29cm-orders.csv'));
    await page.getByTestId('import-facts').waitFor();
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-result').waitFor({ timeout: 120_000 });

    // Back home: the order count is live, revenue per channel is the previous summary, and the note says so.
    expect(await page.getByTestId('import-result').textContent()).not.toContain('기록하지 않았습니다');
    await page.getByTestId('nav-home').click();
    const note = page.getByTestId('stats-refreshing');
    await note.waitFor();
    expect(await note.textContent()).toBe(translate('ko', 'web.statsRefreshing'));
    expect(await shownOrders()).toBe(ordersBefore + 2);
    expect(await cmOrders()).toBe(cmBefore);
    expect(await hangulUsesBundledFont(page)).toBe(true);
    await snap('home-refreshing-ko');

    // The recount that read started finishes; the next visit shows the new figures without the note.
    await statsSummarySettled(demo.engine);
    await page.reload();
    await page.getByTestId('kpi-orders').waitFor();
    expect(await page.getByTestId('stats-refreshing').count()).toBe(0);
    expect(await cmOrders()).toBe(cmBefore + 2);
    await snap('home-recounted-ko');
  });
});
