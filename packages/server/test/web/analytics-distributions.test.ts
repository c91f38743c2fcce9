import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../http/demo-server.ts';
import { type DashboardSession, openDashboard } from './dashboard-session.ts';
import { shoot } from './shots.ts';

const SHOTS = process.env.DALBIT_SHOTS ?? '/tmp/shots/dist';

let session: DashboardSession | undefined;
let demo: DemoServer;
let page: Page;

beforeAll(async () => {
  session = await openDashboard({ customers: 600, eventsPerCustomer: 3, seed: 3 });
  ({ demo, page } = session);
}, 400_000);
afterAll(() => session?.close());

/** Customers whose stored `column` lies in [from, to) (to = null: no upper bound; first bin: no lower bound). */
async function sqlCount(column: string, from: number, to: number | null, first: boolean): Promise<number> {
  const where = [first ? null : `${column} >= ${from}`, to === null ? null : `${column} < ${to}`].filter(Boolean);
  const [row] = await demo.engine.query<{ n: number | bigint }>({
    sql: `SELECT COUNT(*) AS n FROM clv_scores${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`,
    params: [],
    paramTypes: [],
  });
  return Number(row?.n ?? 0);
}

/** The count a bar shows ("1,234명" → 1234), read from its value text. */
async function shownCount(testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).locator('text.chart-value').textContent()) ?? '';
  expect(text).toMatch(/^[\d,]+명$/);
  return Number(text.replace(/[,명]/g, ''));
}

const P_BINS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map((from, i, a) => ({ from, to: a[i + 1] ?? null }));
const V_BINS = [0, 1e4, 3e4, 5e4, 1e5, 3e5, 5e5, 1e6].map((from, i, a) => ({ from, to: a[i + 1] ?? null }));
const V_LABELS = [
  '1만원 미만',
  '1만~3만원',
  '3만~5만원',
  '5만~10만원',
  '10만~30만원',
  '30만~50만원',
  '50만~100만원',
  '100만원 이상',
];

describe('CLV distributions on the analytics page in Chromium', () => {
  it('shows per-bin customer counts that match SQL over the stored CLV scores', async () => {
    await page.goto(`${demo.server.url}/#/`);
    await page.locator('a[href="#/analytics"]').first().click();
    await page.getByTestId('clv-dist').waitFor({ timeout: 60_000 });
    await page.getByText('구매 확률 분포').first().waitFor();
    await page.getByText('예상 1년 가치 분포').first().waitFor();

    const [withScore] = await demo.engine.query<{ n: number | bigint }>({
      sql: 'SELECT COUNT(DISTINCT customer_id) AS n FROM clv_scores',
      params: [],
      paramTypes: [],
    });
    const customers = Number(withScore?.n ?? 0);
    expect(customers).toBeGreaterThan(0);

    const pShown: number[] = [];
    for (const [i, b] of P_BINS.entries()) {
      const bar = page.getByTestId(`clv-palive-bin-${i}`);
      expect(await bar.locator('text.chart-label').textContent()).toBe(
        `${Math.round(b.from * 100)}–${Math.round((b.to ?? 1) * 100)}%`,
      );
      const shown = await shownCount(`clv-palive-bin-${i}`);
      expect(shown, `P(alive) bin ${i}`).toBe(await sqlCount('p_alive', b.from, b.to, i === 0));
      pShown.push(shown);
    }
    const vShown: number[] = [];
    for (const [i, b] of V_BINS.entries()) {
      const bar = page.getByTestId(`clv-value-bin-${i}`);
      expect(await bar.locator('text.chart-label').textContent()).toBe(V_LABELS[i]);
      const shown = await shownCount(`clv-value-bin-${i}`);
      expect(shown, `value bin ${i}`).toBe(await sqlCount('clv_1y', b.from, b.to, i === 0));
      vShown.push(shown);
    }
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    expect(sum(pShown)).toBe(customers);
    expect(sum(vShown)).toBe(customers);
    // A real spread, not every customer in one bin.
    expect(pShown.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(vShown.filter((n) => n > 0).length).toBeGreaterThan(1);
    await shoot(page, 'analytics-clv-distributions', SHOTS);
  }, 180_000);
});
