import { toKstDay } from '@dalbit/core/time/kst';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDashboardBuilt } from '../../src/http/ensure-dashboard.ts';
import { refreshWarehouse } from '../../src/jobs/refresh-warehouse.ts';
import { type DemoServer, startDemoServer } from '../http/demo-server.ts';
import { seedUser } from '../support/auth.ts';
import { launchChromium } from './browser.ts';
import { loginThroughPage } from './login-page.ts';
import { hangulUsesBundledFont, shoot } from './shots.ts';

let demo: DemoServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let buyer: { customer_id: string; phone: string };

beforeAll(async () => {
  await ensureDashboardBuilt();
  // Seed 1: a sample whose BG/NBD fit is usable, so the refresh stores CLV scores and the customer
  // page has P(alive) and CLV (seed 11's 400 customers give a + b ≈ 1e57: refused as DEGENERATE_FIT).
  demo = await startDemoServer({ customers: 400, eventsPerCustomer: 3, seed: 1 });
  const refreshed = await refreshWarehouse(demo.engine, { asOfDay: toKstDay(demo.now), clock: () => 0 });
  const failed = refreshed.filter((s) => !s.ok);
  if (failed.length > 0) throw new Error(`refresh failed: ${JSON.stringify(failed)}`);
  const [c] = await demo.engine.query<{ customer_id: string; phone: string }>(
    `SELECT c.customer_id, c.phone FROM customers c JOIN rfm_scores r USING (customer_id)
     WHERE c.phone IS NOT NULL AND c.customer_id IN (SELECT customer_id FROM consents)
       AND (SELECT count(*) FROM orders o WHERE o.customer_id = c.customer_id) >= 2
     ORDER BY c.customer_id LIMIT 1`,
  );
  if (!c) throw new Error('fixture has no repeat buyer with a phone and consents');
  buyer = c;
  browser = await launchChromium();
  page = await browser.context.newPage();
  await loginThroughPage(page, demo.server.url, demo.owner);
});
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

const local = (e164: string): string => `0${e164.slice(3)}`;

describe('customers in Chromium: search, paged list with total, customer page, unmask by role', () => {
  it('lists every customer with the total and pages through them', async () => {
    const [n] = await demo.engine.query<{ n: number }>('SELECT count(*) AS n FROM customers');
    await page.getByTestId('nav-customers').click();
    const total = page.getByTestId('customer-total');
    await total.waitFor();
    expect(Number(await total.getAttribute('data-total'))).toBe(Number(n?.n));
    expect(await total.textContent()).toContain(`${Number(n?.n).toLocaleString('ko-KR')}명 중 1–20`);
    await page.getByTestId('page-next').click();
    await page.getByText('명 중 21–40').waitFor();
    expect(await page.getByTestId('customer-results').locator('tbody tr').count()).toBe(20);
    await shoot(page, 'customers-list');
  });

  it('finds a customer by phone and shows the whole customer page, masked', async () => {
    const phone = local(buyer.phone);
    await page.getByTestId('customer-search').fill(`${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`);
    await page.getByTestId('customer-search').press('Enter');
    await page.locator('[data-testid="customer-total"][data-total="1"]').waitFor();
    await page.getByTestId('customer-results').locator('tbody tr').first().click();
    const profile = page.getByTestId('customer-profile');
    await profile.getByText('개인정보는 마스킹되어 있습니다').waitFor();
    expect(page.url()).toContain(`#/customers/${buyer.customer_id}`);
    expect(await page.getByTestId('profile-phone').textContent()).toBe(`${phone.slice(0, 3)}-****-${phone.slice(-4)}`);
    expect(await page.content()).not.toContain(phone);
    const [rfm] = await demo.engine.query<{ segment: string }>(
      `SELECT segment FROM rfm_scores WHERE customer_id = '${buyer.customer_id}'`,
    );
    const { RFM_SEGMENT_LABELS } = await import('@dalbit/core/analytics/rfm/segments');
    const label = RFM_SEGMENT_LABELS[rfm?.segment as keyof typeof RFM_SEGMENT_LABELS].ko;
    expect(await page.getByTestId('customer-rfm').textContent()).toContain(label);
    expect(await page.getByTestId('customer-palive').textContent()).toMatch(/^\d+\.\d%$/);
    expect(await page.getByTestId('customer-clv').textContent()).toMatch(/원$/);
    expect(await page.getByTestId('customer-timeline').textContent()).toContain('주문');
    const consents = await page.getByTestId('customer-consents').textContent();
    expect(consents).toMatch(/동의|철회/);
    expect(consents).toMatch(/:\d+ /); // the proof: file:line header=value
    expect(await hangulUsesBundledFont(page)).toBe(true);
    await shoot(page, 'customer-page-masked');
  });

  it('unmasks only with a reason of 2+ characters and writes the access log', async () => {
    await page.getByTestId('unmask').click();
    await page.getByTestId('unmask-reason').fill('x');
    expect(await page.getByTestId('unmask-confirm').isDisabled()).toBe(true);
    await page.getByText('열람 사유를 2자 이상 입력하세요').waitFor();
    await page.getByTestId('unmask-reason').fill('배송 문의 응대');
    await page.getByTestId('unmask-confirm').click();
    await page.getByText('마스킹 해제됨').waitFor();
    const phone = local(buyer.phone);
    expect(await page.getByTestId('profile-phone').textContent()).toContain(phone.slice(3, 7));
    const log = await demo.engine.query<{ reason: string; subject: string }>(
      "SELECT reason, subject FROM access_log WHERE action = 'customer.view_unmasked'",
    );
    expect(log).toContainEqual({ reason: '배송 문의 응대', subject: buyer.customer_id });
    await shoot(page, 'customer-page-unmasked');
  });

  it('offers no unmask to an analyst', async () => {
    const analyst = await seedUser(demo.engine, { role: 'analyst', name: '이분석' });
    await loginThroughPage(page, demo.server.url, analyst);
    await page.goto(`${demo.server.url}/#/customers/${buyer.customer_id}`);
    await page.getByTestId('unmask-not-allowed').waitFor();
    expect(await page.getByTestId('unmask').count()).toBe(0);
    const res = await page.request.post(`${demo.server.url}/api/customers/${buyer.customer_id}/unmask`, {
      data: { reason: '궁금해서' },
      headers: { origin: demo.server.url, 'content-type': 'application/json' },
    });
    expect(res.status()).toBe(403);
    await shoot(page, 'customer-page-analyst');
  });
});
