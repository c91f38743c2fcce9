import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../http/demo-server.ts';
import { type DashboardSession, openDashboard } from './dashboard-session.ts';
import { shoot } from './shots.ts';

const SHOTS = process.env.DALBIT_SHOTS ?? '/tmp/shots/builder';

let session: DashboardSession | undefined;
let demo: DemoServer;
let page: Page;
let owner: { authorization: string };

beforeAll(async () => {
  session = await openDashboard({ customers: 800, eventsPerCustomer: 3, seed: 1 });
  ({ demo, page, owner } = session);
}, 400_000);
afterAll(() => session?.close());

async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${demo.server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...owner, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status).toBeLessThan(300);
  return (await res.json()) as T;
}
const ko = (n: number): string => n.toLocaleString('ko-KR');

/** Waits until no loading indicator is left on the page. */
async function settled(): Promise<void> {
  await page.locator('main').waitFor();
  await page.locator('.loading, [data-testid="live-counting"]').first().waitFor({ state: 'detached', timeout: 30_000 });
}

describe('analysis pages in Chromium', () => {
  it('finds groups automatically, shows their Korean descriptions and sizes, and saves one as an audience', async () => {
    await page.goto(`${demo.server.url}/#/clusters`);
    await page.getByTestId('clusters-none').waitFor();
    await page.getByTestId('clusters-run').click();
    await page.getByTestId('clusters-meta').waitFor({ timeout: 120_000 });
    const { run } = await api<{
      run: { runId: string; k: number; clusters: { cluster: number; label: { ko: string }; size: number }[] };
    }>('/api/clusters');
    expect(run.clusters.length).toBe(run.k);
    for (const c of run.clusters) {
      const card = page.getByTestId(`cluster-${c.cluster}`);
      await card.getByText(c.label.ko).waitFor();
      expect(await card.textContent()).toContain(`고객 ${ko(c.size)}명`);
    }
    const first = run.clusters[0];
    if (!first) throw new Error('no cluster');
    await page.getByTestId(`cluster-save-${first.cluster}`).click();
    await page
      .getByTestId('toast')
      .getByText(`'${first.label.ko}' 저장 (고객 ${ko(first.size)}명)`)
      .waitFor();
    const saved = await api<{ segments: { name: string; segmentId: string }[] }>('/api/segments');
    expect(saved.segments.map((s) => s.name)).toContain(first.label.ko);
    await shoot(page, 'clusters-ko', SHOTS);
  });

  it('shows the traits overview with the numbers of the API (discount sensitivity, migration, costly customers)', async () => {
    const o = await api<{ discountSensitive: number; migratedToOwnShop: number; costly: { customers: number } }>(
      '/api/traits/overview',
    );
    await page.goto(`${demo.server.url}/#/traits`);
    await page
      .getByTestId('kpi-discount')
      .getByText(`${ko(o.discountSensitive)}명`)
      .waitFor();
    await page
      .getByTestId('kpi-migrated')
      .getByText(`${ko(o.migratedToOwnShop)}명`)
      .waitFor();
    expect(await page.getByTestId('costly-count').textContent()).toContain(`고객 ${ko(o.costly.customers)}명`);
    // The overview's costly customers are the `costly-customers` recipe with its defaults (at least
    // three orders: one cancelled first order is not a pattern), counted by the segment engine.
    const recipe = await api<{ definition: unknown }>('/api/recipes/costly-customers/build', { params: {} });
    const counted = await api<{ count: number }>('/api/segments/count', { definition: recipe.definition });
    expect(o.costly.customers).toBe(counted.count);
    expect(o.costly.customers).toBeGreaterThan(0);
    await page.getByTestId('traits-migration').waitFor();
    expect(await page.getByTestId('costly-top').textContent()).not.toMatch(/c_[0-9a-z]{6,}/);
    await shoot(page, 'traits-ko', SHOTS);
    await page.goto(`${demo.server.url}/#/analytics`);
    await page.getByTestId('rfm-grid').waitFor();
    await page.getByTestId('basket-rules').locator('tbody tr').first().waitFor();
    await page.getByTestId('clv-top').locator('tbody tr').first().waitFor();
    await shoot(page, 'analytics-ko', SHOTS);
  });

  it('says why a customer without purchases has no purchase probability', async () => {
    const [c] = await demo.engine.query<{ customer_id: string }>(
      `SELECT customer_id FROM customers WHERE customer_id NOT IN (SELECT customer_id FROM orders WHERE customer_id IS NOT NULL)
       ORDER BY customer_id LIMIT 1`,
    );
    if (!c) throw new Error('every demo customer bought');
    await page.goto(`${demo.server.url}/#/customers/${c.customer_id}`);
    await page.getByTestId('customer-no-clv').getByText('구매 이력이 없어').waitFor();
  });

  it('shows no English label, raw code or raw id on any page in Korean mode, and switches the owner label in English', async () => {
    const [buyer] = await demo.engine.query<{ customer_id: string }>(
      'SELECT customer_id FROM clv_scores ORDER BY clv_1y DESC, customer_id LIMIT 1',
    );
    const [audience] = (await api<{ segments: { segmentId: string }[] }>('/api/segments')).segments;
    if (!audience) throw new Error('no saved audience to open');
    const pages = [
      '/',
      '/customers',
      `/customers/${buyer?.customer_id}`,
      '/segments',
      `/segments/${audience.segmentId}`,
      '/analytics',
      '/clusters',
      '/traits',
    ];
    const links = await page.locator('.sidebar nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const l of links) if (!pages.includes(l.slice(1))) pages.push(l.slice(1));
    const RAW: readonly RegExp[] = [
      /\b(Customers|Segments|Analytics|Campaigns|Settings|Revenue|AOV|Save|Remove|Owner|Loading|Error|push)\b/,
      /\b(sms|kakao|email)_optin\b/,
      /\b(product_view|add_to_cart|page_view|warranty_issued|channel_added)\b/,
      // channel codes as words (a consent's proof may quote a file name such as cafe24-customers.xlsx)
      /(?<![\w.-])(cafe24|smartstore|coupang|musinsa|offline)(?![\w.:-])/,
      /\b(champions|potential_loyalists|at_risk|cant_lose|hibernating)\b/,
      /\b(rfm|clv|traits)\.[a-z_]+/,
      /\b(p_alive|clv_1y|r_score|discount_order_share|cancel_rate)\b/,
      /\bc_[0-9a-z]{6,}\b/,
      /\bP\d{7}\b/,
      /\bcl-\d{8}-/,
      /\{[A-Za-z]+\}/,
      /\b(undefined|NaN|null)\b|\[object Object\]/,
    ];
    const found: string[] = [];
    for (const p of pages) {
      await page.goto(`${demo.server.url}/#${p}`);
      await settled();
      await page.waitForTimeout(300);
      // biome-ignore lint/performance/useDomNodeTextContent: only what is rendered counts (closed <details> hold the definition JSON)
      const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
      for (const re of RAW) {
        const m = text.match(re);
        if (m) found.push(`${p}: ${m[0]} … ${text.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + 40)}`);
      }
    }
    expect(found).toEqual([]);
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('current-user').getByText('Owner').first().waitFor();
    expect(await page.getByTestId('current-user').textContent()).not.toMatch(/[\uac00-\ud7a3]/);
    await shoot(page, 'english-sidebar', SHOTS);
    await page.getByTestId('lang-toggle').click();
  });
});
