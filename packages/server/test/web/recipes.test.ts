import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../http/demo-server.ts';
import { countSegment, type DashboardSession, liveCountIs, openDashboard } from './dashboard-session.ts';
import { shoot } from './shots.ts';

let session: DashboardSession | undefined;
let demo: DemoServer;
let page: Page;
let owner: { authorization: string };

beforeAll(async () => {
  session = await openDashboard({ customers: 800, eventsPerCustomer: 3 });
  ({ demo, page, owner } = session);
}, 400_000);
afterAll(() => session?.close());

const count = (root: unknown): Promise<number> => countSegment(demo.server.url, owner, root);
const liveIs = (n: number) => liveCountIs(page, n);

describe('segment builder and recipes in Chromium', () => {
  it('refuses a negative purchase count and an inverted age range in the form', async () => {
    await page.goto(`${demo.server.url}/#/segments`);
    const two = await count({ kind: 'orders', measure: 'count', op: 'gte', value: 2 });
    await liveIs(two);
    await page.getByTestId('cond-0-0-cmp-value').fill('-5');
    await page.getByTestId('cond-0-0').getByText('0 이상의 값을 입력하세요').first().waitFor();
    await page.getByTestId('live-invalid').waitFor(); // the refused value is never counted
    expect(await page.getByTestId('save-segment').isDisabled()).toBe(true);
    await page.getByTestId('cond-0-0-cmp-value').fill('2');
    await liveIs(two);
    await page.getByTestId('group-0-add-kind').selectOption('profile');
    await page.getByTestId('group-0-add').click();
    await page.getByTestId('cond-0-1-field').selectOption('age');
    await page.getByTestId('cond-0-1-cmp-from').fill('50');
    await page.getByTestId('cond-0-1-cmp-to').fill('20');
    await page.getByTestId('cond-0-1-problem').getByText('최솟값(50)이 최댓값(20)보다 큽니다').waitFor();
    expect(await page.getByTestId('save-segment').isDisabled()).toBe(true);
    await shoot(page, 'segments-refused-values');
  });

  it('uses three recipes with parameters: discount rate, a store from the warehouse, a product view range', async () => {
    await page.goto(`${demo.server.url}/#/segments`);
    // 1. Discount-sensitive at 30 %: the {RATE} placeholder is filled, the count is the API's.
    await page.getByTestId('use-discount-sensitive').click();
    const rate = page.getByTestId('param-rate').getByRole('textbox');
    expect(await rate.inputValue()).toBe('20');
    await rate.fill('30');
    await page.getByTestId('recipe-discount-sensitive').getByText('30% 이상인 고객').waitFor();
    await page.getByTestId('apply-discount-sensitive').click();
    await page.getByTestId('recipe-loaded').getByText('30% 이상').waitFor();
    await liveIs(await count({ kind: 'orders', measure: 'avg_discount_rate', op: 'gte', value: 0.3 }));

    // 2. Store buyers ("매장 구매 고객"): the store is picked from the stores in the warehouse.
    const [store] = await demo.engine.query<{ store: string }>(
      'SELECT store, count(*) AS n FROM orders WHERE store IS NOT NULL GROUP BY store ORDER BY n DESC, store LIMIT 1',
    );
    if (!store) throw new Error('demo has no store orders');
    await page.getByTestId('use-store-buyers').click();
    expect(await page.getByTestId('apply-store-buyers').isDisabled()).toBe(true);
    await page.getByTestId('param-store').selectOption(store.store);
    await page.getByTestId('apply-store-buyers').click();
    await page.getByTestId('recipe-loaded').getByText(store.store).waitFor();
    const storeCount = await count({
      kind: 'orders',
      filter: { stores: [store.store] },
      measure: 'count',
      op: 'gte',
      value: 1,
    });
    expect(storeCount).toBeGreaterThan(0);
    await liveIs(storeCount);

    // 3. Product interest: an inverted view range is refused, then 1–5 views in 7 days.
    await page.getByTestId('use-product-interest').click();
    const card = page.getByTestId('recipe-product-interest');
    await page.getByTestId('param-min').getByRole('textbox').fill('6');
    await card.getByText('최솟값(6)이 최댓값(5)보다 큽니다').waitFor();
    expect(await page.getByTestId('apply-product-interest').isDisabled()).toBe(true);
    await page.getByTestId('param-min').getByRole('textbox').fill('1');
    await page.getByTestId('apply-product-interest').click();
    await page.getByTestId('recipe-loaded').getByText('상품 관심').waitFor();
    const built = await fetch(`${demo.server.url}/api/recipes/product-interest/build`, {
      method: 'POST',
      headers: { ...owner, 'content-type': 'application/json' },
      body: JSON.stringify({ params: { days: 7, min: 1, max: 5 } }),
    });
    const { definition } = (await built.json()) as { definition: { root: unknown } };
    await liveIs(await count(definition.root));
    await shoot(page, 'segments-recipes');
  });

  it('lists related products once per pair, CLV customers by name, and no English AOV', async () => {
    await page.goto(`${demo.server.url}/#/analytics`);
    const rules = page.getByTestId('basket-rules');
    await rules.locator('tbody tr').first().waitFor();
    const pairs = await rules.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('td')]
          .slice(0, 2)
          .map((td) => td.textContent ?? '')
          .sort()
          .join('|'),
      ),
    );
    expect(new Set(pairs).size).toBe(pairs.length);
    const clv = page.getByTestId('clv-top');
    await clv.locator('tbody tr').first().waitFor();
    expect(await clv.textContent()).not.toMatch(/c_[0-9a-f]{8}/);
    await page.getByText('객단가').first().waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/\bAOV\b|\bpush\b/);
    await shoot(page, 'analytics-fixed');
  });

  it('saves an audience with its size, exports it masked, edits it into a new version and deletes it', async () => {
    await page.goto(`${demo.server.url}/#/segments`);
    const two = await count({ kind: 'orders', measure: 'count', op: 'gte', value: 2 });
    await liveIs(two);
    await page.getByTestId('segment-name').fill('2회 이상 구매');
    await page.getByTestId('save-segment').click();
    const row = page.getByTestId('saved-segments').locator('li', { hasText: '2회 이상 구매' });
    await row
      .getByTestId('saved-size')
      .getByText(`${two.toLocaleString('ko-KR')}명`)
      .waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('saved-export').click()]);
    expect(download.suggestedFilename()).toBe('2회 이상 구매.csv');
    await page.getByText('내보냈습니다').waitFor();
    const [logged] = await demo.engine.query<{ n: number }>(
      "SELECT count(*) AS n FROM access_log WHERE action LIKE '%export%'",
    );
    expect(Number(logged?.n)).toBeGreaterThan(0);
    await row.getByTestId('saved-edit').click();
    await page.getByTestId('editing-notice').waitFor();
    await page.getByTestId('cond-0-0-cmp-value').fill('3');
    const three = await count({ kind: 'orders', measure: 'count', op: 'gte', value: 3 });
    await liveIs(three);
    await page.getByTestId('save-segment').click();
    await row.getByText('v2').waitFor();
    await row
      .getByTestId('saved-size')
      .getByText(`${three.toLocaleString('ko-KR')}명`)
      .waitFor();
    await shoot(page, 'segments-saved');
    page.once('dialog', (d) => void d.accept());
    await row.getByTestId('saved-delete').click();
    await page.getByText('삭제했습니다').waitFor();
    expect(await page.getByTestId('saved-segments').locator('li', { hasText: '2회 이상 구매' }).count()).toBe(0);
  });
});
