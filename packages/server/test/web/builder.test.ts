import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../http/demo-server.ts';
import { countSegment, type DashboardSession, liveCountIs, openDashboard } from './dashboard-session.ts';
import { shoot } from './shots.ts';

const SHOTS = process.env.DALBIT_SHOTS ?? '/tmp/shots/builder';

let session: DashboardSession | undefined;
let demo: DemoServer;
let page: Page;
let owner: { authorization: string };

beforeAll(async () => {
  session = await openDashboard({ customers: 800, eventsPerCustomer: 12 });
  ({ demo, page, owner } = session);
}, 400_000);
afterAll(() => session?.close());

const count = (root: unknown): Promise<number> => countSegment(demo.server.url, owner, root);
const liveIs = (n: number) => liveCountIs(page, n);
const shownDefinition = async (): Promise<unknown> =>
  JSON.parse((await page.getByTestId('definition-json').textContent()) ?? 'null');

/** Starts from an empty AND group and adds a condition of `kind` to the group at `group`. */
async function add(group: string, kind: string): Promise<void> {
  await page.getByTestId(`group-${group}-add-kind`).selectOption(kind);
  await page.getByTestId(`group-${group}-add`).click();
}
const cond = (path: string): Locator => page.getByTestId(`cond-${path}`);

async function fresh(): Promise<void> {
  await page.goto(`${demo.server.url}/#/segments`);
  await page.getByTestId('builder-reset').click();
  await liveIs(await count({ kind: 'all' }));
}

describe('condition builder (the whole segment language) in Chromium', () => {
  it('builds "viewed the main product 3–5 times in 7 days and did not buy it" by clicking; the count is the API count', async () => {
    // The main product: the one most customers viewed 3–5 times in the last 7 days.
    const since = new Date(demo.now.getTime() - 7 * 86_400_000).toISOString();
    const [main] = await demo.engine.query<{ product_id: string; name: string }>(
      `SELECT e.product_id, p.name FROM (SELECT customer_id, product_id, count(*) AS n FROM events
         WHERE type = 'product_view' AND customer_id IS NOT NULL AND product_id IS NOT NULL
           AND occurred_at > TIMESTAMP '${since.replace('T', ' ').replace('Z', '')}' GROUP BY 1, 2) e
       JOIN products p ON p.product_id = e.product_id
       WHERE e.n BETWEEN 3 AND 5 GROUP BY e.product_id, p.name ORDER BY count(*) DESC, e.product_id LIMIT 1`,
    );
    if (!main) throw new Error('the demo has no customer who viewed a product 3–5 times in 7 days');
    await fresh();
    await add('0', 'events');
    const viewed = cond('0-0');
    await page.getByTestId('cond-0-0-type').selectOption('product_view');
    await page.getByTestId('cond-0-0-product').selectOption(main.product_id);
    expect(await page.getByTestId('cond-0-0-product').locator('option:checked').textContent()).toBe(main.name);
    await viewed.getByTestId('cond-0-0-days').fill('7');
    await viewed.getByTestId('cond-0-0-count-min').fill('3');
    await viewed.getByTestId('cond-0-0-count-max').fill('5');
    await add('0', 'orders');
    const bought = cond('0-1');
    await bought.getByTestId('cond-0-1-days').fill('7');
    await bought.getByTestId('cond-0-1-products').locator('select').selectOption(main.product_id);
    await bought.getByTestId('cond-0-1-cmp-value').fill('1');
    await bought.getByTestId('cond-0-1-negate').check();
    const expected = {
      kind: 'and',
      items: [
        {
          kind: 'events',
          type: 'product_view',
          product: main.product_id,
          window: { kind: 'last_days', days: 7 },
          count: { min: 3, max: 5 },
        },
        {
          kind: 'not',
          item: {
            kind: 'orders',
            measure: 'count',
            op: 'gte',
            value: 1,
            filter: { window: { kind: 'last_days', days: 7 }, products: [main.product_id] },
          },
        },
      ],
    };
    const n = await count(expected);
    expect(n).toBeGreaterThan(0);
    await liveIs(n);
    expect(await shownDefinition()).toEqual({ version: 1, root: expected });
    // The same audience the recipe builds (viewed product X 3–5 times in 7 days and did not buy it).
    expect(n).toBe(
      await count({
        kind: 'and',
        items: [
          expected.items[0],
          {
            kind: 'not',
            item: {
              kind: 'orders',
              filter: { products: [main.product_id], window: { kind: 'last_days', days: 7 } },
              measure: 'count',
              op: 'gte',
              value: 1,
            },
          },
        ],
      }),
    );
    expect(await page.getByTestId('live-explain').textContent()).toMatch(/상품 조회/);
    await shoot(page, 'story-viewed-not-bought', SHOTS);
  });

  it('builds "added to cart, then no purchase within 72 h" by clicking and saves it', async () => {
    await fresh();
    await add('0', 'sequence');
    await page.getByTestId('cond-0-0-did-type').selectOption('add_to_cart');
    await page.getByTestId('cond-0-0-did-days').fill('14');
    await page.getByTestId('cond-0-0-hours').fill('72');
    await page.getByTestId('cond-0-0-then-source').selectOption('order');
    const expected = {
      kind: 'sequence',
      did: { type: 'add_to_cart', window: { kind: 'last_days', days: 14 } },
      thenNot: { source: 'order' },
      withinHours: 72,
    };
    const n = await count(expected);
    expect(n).toBeGreaterThan(0);
    await liveIs(n);
    expect(await shownDefinition()).toEqual({ version: 1, root: expected });
    await page.getByTestId('cond-0-0-hours').fill('24');
    await liveIs(await count({ ...expected, withinHours: 24 }));
    await page.getByTestId('cond-0-0-hours').fill('72');
    await liveIs(n);
    await page.getByTestId('segment-name').fill('장바구니 72시간 미구매');
    await page.getByTestId('save-segment').click();
    const row = page.getByTestId('saved-segments').locator('li', { hasText: '장바구니 72시간 미구매' });
    await row
      .getByTestId('saved-size')
      .getByText(`${n.toLocaleString('ko-KR')}명`)
      .waitFor();
    await shoot(page, 'story-cart-no-purchase', SHOTS);
  });

  it('nests an OR group, refuses negative and inverted counts in Korean, and edits a saved segment as a new version', async () => {
    await fresh();
    await add('0', 'rfm');
    await page.getByTestId('group-0-add-group').click();
    const inner = '0-1';
    await page.getByTestId(`group-${inner}-op`).selectOption('or');
    await add(inner, 'clv');
    await page.getByTestId(`cond-${inner}-0-cmp-value`).fill('30');
    await add(inner, 'reachable');
    const expected = {
      kind: 'and',
      items: [
        { kind: 'analytics', field: 'rfm.segment', op: 'in', value: ['champions'] },
        {
          kind: 'or',
          items: [
            { kind: 'analytics', field: 'clv.p_alive', op: 'gte', value: 0.3 },
            { kind: 'reachable', channel: 'kakao', purpose: 'ad' },
          ],
        },
      ],
    };
    await liveIs(await count(expected));
    expect(await shownDefinition()).toEqual({ version: 1, root: expected });

    await add('0', 'events');
    await page.getByTestId('cond-0-2-count-min').fill('-5');
    await cond('0-2').getByText('0 이상의 값을 입력하세요').first().waitFor();
    await page.getByTestId('live-invalid').waitFor();
    expect(await page.getByTestId('save-segment').isDisabled()).toBe(true);
    await page.getByTestId('cond-0-2-count-min').fill('6');
    await page.getByTestId('cond-0-2-count-max').fill('2');
    await page.getByTestId('cond-0-2-problem').getByText('최솟값(6)이 최댓값(2)보다 큽니다').waitFor();
    expect(await page.getByTestId('save-segment').isDisabled()).toBe(true);
    await shoot(page, 'builder-nested-refused', SHOTS);
    await page.getByTestId('cond-0-2-remove').click();
    await liveIs(await count(expected));

    await page.getByTestId('segment-name').fill('최우수 재구매 가능');
    await page.getByTestId('save-segment').click();
    const row = page.getByTestId('saved-segments').locator('li', { hasText: '최우수 재구매 가능' });
    await row.getByText('v1').waitFor();
    await page.getByTestId('builder-reset').click();
    await row.getByTestId('saved-edit').click();
    await page.getByTestId('editing-notice').waitFor();
    expect(await shownDefinition()).toEqual({ version: 1, root: expected });
    await page.getByTestId('cond-0-0-negate').check();
    const edited = { ...expected, items: [{ kind: 'not', item: expected.items[0] }, expected.items[1]] };
    await liveIs(await count(edited));
    await page.getByTestId('save-segment').click();
    await row.getByText('v2').waitFor();
    await shoot(page, 'builder-edited-version', SHOTS);
  });
});
