import { toKstDay } from '@dalbit/core/time/kst';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshRelatedProducts } from '../../src/analytics/basket/warehouse-rules.ts';
import type { DemoServer } from '../http/demo-server.ts';
import { countSegment, type DashboardSession, liveCountIs, openDashboard } from './dashboard-session.ts';
import { shoot } from './shots.ts';

const SHOTS = process.env.DALBIT_SHOTS ?? '/tmp/shots/loopsa';

let session: DashboardSession | undefined;
let demo: DemoServer;
let page: Page;
let owner: { authorization: string };

beforeAll(async () => {
  session = await openDashboard({ customers: 800, eventsPerCustomer: 12 });
  ({ demo, page, owner } = session);
}, 400_000);
afterAll(() => session?.close());

const n = (v: unknown): number => Number(v);

describe('analytics loops in Chromium: UTM touches, stored related products', () => {
  it('builds "first-touch UTM source = X" from the profile fields; the live count is the warehouse count', async () => {
    const [top] = await demo.engine.query<{ v: string; n: number }>(
      `SELECT first_utm_source AS v, count(*) AS n FROM customer_features WHERE first_utm_source IS NOT NULL
       GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    if (!top) throw new Error('the demo has no customer with a UTM touch');
    await page.goto(`${demo.server.url}/#/segments`);
    await page.getByTestId('builder-reset').click();
    await page.getByTestId('group-0-add-kind').selectOption('profile');
    await page.getByTestId('group-0-add').click();
    const field = page.getByTestId('cond-0-0-field');
    expect(await field.locator('option[value="first_utm_source"]').textContent()).toBe('첫 유입 소스 (UTM)');
    await field.selectOption('first_utm_source');
    await page.getByTestId('cond-0-0-cmp-values').locator('select').selectOption(top.v);
    const root = { kind: 'profile', field: 'first_utm_source', op: 'in', value: [top.v] };
    expect(await countSegment(demo.server.url, owner, root)).toBe(n(top.n));
    await liveCountIs(page, n(top.n));
    expect(await page.getByTestId('live-explain').textContent()).toContain('첫 유입 소스 (UTM)');
    await shoot(page, 'builder-first-touch-source', SHOTS);
  });

  it('shows a customer first and last touch on the customer page as the features hold them', async () => {
    const [c] = await demo.engine.query<Record<string, unknown>>(
      `SELECT customer_id, first_utm_source, first_utm_medium, first_utm_campaign, last_utm_source, last_utm_medium, last_utm_campaign
       FROM customer_features WHERE first_touch_at IS NOT NULL AND last_touch_at > first_touch_at
         AND first_utm_source <> last_utm_source ORDER BY customer_id LIMIT 1`,
    );
    if (!c) throw new Error('the demo has no customer with two different touches');
    await page.goto(`${demo.server.url}/#/customers/${String(c.customer_id)}`);
    const slash = (k: 'first' | 'last') =>
      [c[`${k}_utm_source`], c[`${k}_utm_medium`], c[`${k}_utm_campaign`]]
        .map((v) => (v === null || v === undefined ? '-' : String(v)))
        .join(' / ');
    const first = page.getByTestId('customer-touch-first');
    await first.waitFor();
    expect(await first.textContent()).toContain(`첫 유입${slash('first')}`);
    expect(await page.getByTestId('customer-touch-last').textContent()).toContain(`마지막 유입${slash('last')}`);
    await page.getByTestId('customer-touch').scrollIntoViewIfNeeded();
    await shoot(page, 'customer-touches', SHOTS);
  });

  it('says on the analytics page which run wrote the related products audiences use', async () => {
    await page.goto(`${demo.server.url}/#/analytics`);
    const note = page.getByTestId('basket-stored');
    await note.waitFor();
    expect(await note.getAttribute('data-computed-by')).toBe('refresh');
    const [refresh] = await demo.engine.query<{ n: number }>(
      'SELECT count(DISTINCT customer_id) AS n FROM related_products',
    );
    expect(await note.textContent()).toContain(`일일 갱신이`);
    expect(await note.textContent()).toContain(`고객 ${n(refresh?.n).toLocaleString('ko-KR')}명`);
    await note.scrollIntoViewIfNeeded();
    await shoot(page, 'basket-stored-refresh', SHOTS);
    // What `dalbit basket rules --store` does with its own thresholds: the page then warns.
    const cli = await refreshRelatedProducts(demo.engine, {
      asOfDay: toKstDay(demo.now),
      rules: { support: 0.01, confidence: 0.3, maxlen: 2 },
      computedBy: 'cli',
      now: new Date(),
    });
    await page.reload();
    await page.locator('[data-testid="basket-stored"][data-computed-by="cli"]').waitFor();
    const text = await page.getByTestId('basket-stored').textContent();
    expect(text).toContain('CLI `basket rules --store`');
    expect(text).toContain('지지도 0.01 · 신뢰도 0.3');
    expect(text).toContain(`고객 ${cli.customers.toLocaleString('ko-KR')}명`);
    await page.getByTestId('basket-stored').scrollIntoViewIfNeeded();
    await shoot(page, 'basket-stored-cli', SHOTS);
  });
});
