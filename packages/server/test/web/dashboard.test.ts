import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDashboardBuilt } from '../../src/http/ensure-dashboard.ts';
import { type DemoServer, startDemoServer } from '../http/demo-server.ts';
import { authHeaders, loginInBrowser } from '../support/auth.ts';
import { launchChromium } from './browser.ts';

/** Screenshots for a human (or an agent) to look at: $TMPDIR/dalbit-dashboard-shots. */
const SHOTS = join(tmpdir(), 'dalbit-dashboard-shots');

let demo: DemoServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let owner: { authorization: string };

beforeAll(async () => {
  await ensureDashboardBuilt();
  mkdirSync(SHOTS, { recursive: true });
  demo = await startDemoServer({ customers: 1500 });
  browser = await launchChromium();
  page = await browser.context.newPage();
  // The owner printed by the demo (로그인: …), logged in as the marketer would.
  await loginInBrowser(page, demo.server.url, demo.owner);
  owner = await authHeaders(demo.engine, 'owner');
});
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

const api = async <T>(path: string, body?: unknown): Promise<T> => {
  const res = await fetch(
    `${demo.server.url}${path}`,
    body === undefined
      ? { headers: owner }
      : { method: 'POST', headers: { ...owner, 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
  expect(res.ok, `${path} → ${res.status}`).toBe(true);
  return (await res.json()) as T;
};
const count = async (definition: unknown): Promise<number> =>
  (await api<{ count: number }>('/api/segments/count', { definition })).count;
const ko = (n: number): string => n.toLocaleString('ko-KR');

interface Stats {
  customers: number;
  orders: number;
  revenueByChannel: { channel: string; revenue: number }[];
}

describe('dashboard in Chromium against the real server', () => {
  it('shows the home page in Korean with the numbers of the API, then in English', async () => {
    const stats = await api<Stats>('/api/stats');
    await page.goto(`${demo.server.url}/`);
    const customers = page.getByTestId('kpi-customers');
    await customers.waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    expect(await customers.textContent()).toContain('통합 고객');
    expect(await customers.textContent()).toContain(`${ko(stats.customers)}명`);
    expect(await page.getByTestId('kpi-orders').textContent()).toContain(`${ko(stats.orders)}건`);
    const own = stats.revenueByChannel.find((r) => r.channel === 'cafe24');
    const table = await page.getByTestId('revenue-by-channel').textContent();
    expect(table).toContain('자사몰');
    expect(table).toContain(`${ko(own?.revenue ?? -1)}원`);
    await page.screenshot({ path: join(SHOTS, 'home-ko.png'), fullPage: true });

    await page.getByTestId('lang-toggle').click();
    await page.getByText('Unified customers').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByTestId('kpi-customers').textContent()).toContain(ko(stats.customers));
    expect(await page.getByTestId('revenue-by-channel').textContent()).toContain('Own shop');
    await page.screenshot({ path: join(SHOTS, 'home-en.png'), fullPage: true });
    await page.getByTestId('lang-toggle').click();
    await page.getByText('통합 고객').waitFor();
  });

  it('searches a customer by phone and shows the profile masked', async () => {
    const [c] = await demo.engine.query<{ customer_id: string; phone: string; name: string }>(
      'SELECT customer_id, phone, name FROM customers WHERE phone IS NOT NULL AND name IS NOT NULL ORDER BY customer_id LIMIT 1',
    );
    if (!c) throw new Error('fixture has no customer with a phone');
    const local = `0${c.phone.slice(3)}`;
    await page.goto(`${demo.server.url}/#/customers`);
    await page.getByTestId('customer-search').fill(`${local.slice(0, 3)}-${local.slice(3, 7)}-${local.slice(7)}`);
    await page.getByTestId('customer-search').press('Enter');
    const masked = `${local.slice(0, 3)}-****-${local.slice(-4)}`;
    const results = page.getByTestId('customer-results');
    await results.getByText(masked).waitFor();
    await results.getByText(masked).click();
    const profile = page.getByTestId('customer-profile');
    await profile.getByText('개인정보는 마스킹되어 있습니다').waitFor();
    expect(await profile.textContent()).toContain(masked);
    const html = await page.content();
    expect(html).not.toContain(c.phone);
    expect(html).not.toContain(local);
    await page.screenshot({ path: join(SHOTS, 'customers-ko.png'), fullPage: true });
  });

  it('edits a segment and shows the live count the API gives for the same definition', async () => {
    await page.goto(`${demo.server.url}/#/segments`);
    const live = page.getByTestId('live-count');
    const twoPlus = { version: 1, root: { kind: 'orders', measure: 'count', op: 'gte', value: 2 } };
    const expectedTwo = await count(twoPlus);
    await page.locator(`[data-testid="live-count"][data-count="${expectedTwo}"]`).waitFor();
    expect(await live.textContent()).toContain(`${ko(expectedTwo)}명`);
    expect(await page.getByTestId('live-explain').textContent()).toMatch(/구매 횟수/);

    await page.getByTestId('cond-0-0-cmp-value').fill('4');
    const fourPlus = { version: 1, root: { kind: 'orders', measure: 'count', op: 'gte', value: 4 } };
    const expectedFour = await count(fourPlus);
    expect(expectedFour).not.toBe(expectedTwo);
    await page.locator(`[data-testid="live-count"][data-count="${expectedFour}"]`).waitFor();

    await page.getByTestId('group-0-add-kind').selectOption('profile');
    await page.getByTestId('group-0-add').click();
    const women = {
      version: 1,
      root: { kind: 'and', items: [fourPlus.root, { kind: 'profile', field: 'gender', op: 'eq', value: 'F' }] },
    };
    const expectedWomen = await count(women);
    expect(expectedWomen).toBeLessThan(expectedFour);
    await page.locator(`[data-testid="live-count"][data-count="${expectedWomen}"]`).waitFor();
    expect(await page.getByTestId('live-explain').textContent()).toMatch(/여성/);
    await page.getByTestId('recipe-cart-abandonment').waitFor();
    await page.screenshot({ path: join(SHOTS, 'segments-ko.png'), fullPage: true });

    await page.getByTestId('segment-name').fill('4회 이상 구매 여성');
    await page.getByTestId('save-segment').click();
    await page.getByTestId('saved-segments').getByText('4회 이상 구매 여성').waitFor();
    const saved = await api<{ segments: { name: string }[] }>('/api/segments');
    expect(saved.segments.map((s) => s.name)).toContain('4회 이상 구매 여성');

    await page.getByTestId('saved-segments').getByText('4회 이상 구매 여성').click();
    const report = page.getByTestId('segment-report');
    await report.getByText('많이 산 카테고리').waitFor();
    expect(await report.textContent()).toContain(`${ko(expectedWomen)}명`);
    await page.screenshot({ path: join(SHOTS, 'segment-report-ko.png'), fullPage: true });
  });

  it('renders the analytics page from the API', async () => {
    await page.goto(`${demo.server.url}/#/analytics`);
    const rfm = await api<{ segments: { label: { ko: string }; customers: number }[] }>('/api/rfm');
    const table = page.getByTestId('rfm-segments');
    await table.waitFor();
    const text = await table.textContent();
    for (const s of rfm.segments.filter((x) => x.customers > 0)) expect(text).toContain(s.label.ko);
    await page.getByTestId('basket-rules').waitFor();
    await page.getByTestId('rfm-grid').waitFor();
    await page.screenshot({ path: join(SHOTS, 'analytics-ko.png'), fullPage: true });
  });
});
