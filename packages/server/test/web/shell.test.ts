import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDashboardBuilt } from '../../src/http/ensure-dashboard.ts';
import { type DemoServer, startDemoServer } from '../http/demo-server.ts';
import { seedUser } from '../support/auth.ts';
import { launchChromium } from './browser.ts';
import { hangulUsesBundledFont, shoot } from './shots.ts';

let demo: DemoServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

beforeAll(async () => {
  await ensureDashboardBuilt();
  demo = await startDemoServer({ customers: 200, eventsPerCustomer: 1 });
  browser = await launchChromium();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

async function logIn(email: string, password: string): Promise<void> {
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

describe('dashboard shell in Chromium: login, routes, session, Korean font', () => {
  it('shows the login page first and refuses a wrong password in Korean', async () => {
    await page.goto(`${demo.server.url}/#/customers`);
    await page.getByTestId('login-form').waitFor();
    expect(await hangulUsesBundledFont(page)).toBe(true);
    await logIn(demo.owner.email, 'not-the-password');
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('이메일 또는 비밀번호가 올바르지 않습니다');
    await shoot(page, 'shell-login-refused');
  });

  it('logs in, shows the user and role, and routes by hash with params and a not-found page', async () => {
    await logIn(demo.owner.email, demo.owner.password);
    const user = page.getByTestId('current-user');
    await user.waitFor();
    expect(await user.textContent()).toContain('소유자');
    expect(await page.getByTestId('nav-customers').getAttribute('class')).toContain('active');
    await page.getByTestId('nav-segments').click();
    await page.getByTestId('live-count').waitFor();
    expect(page.url()).toContain('#/segments');
    expect(await page.getByTestId('nav-segments').getAttribute('class')).toContain('active');
    await page.goto(`${demo.server.url}/#/no-such-page/123`);
    await page.getByTestId('not-found').getByText('없는 페이지입니다').waitFor();
    await page.getByTestId('nav-home').click();
    await page.getByTestId('kpi-customers').waitFor();
    // The SVG chart labels are Korean text (order statuses), drawn with the bundled font.
    expect(await page.getByTestId('orders-by-status-chart').textContent()).toContain('결제 완료');
    expect(await hangulUsesBundledFont(page)).toBe(true);
    await shoot(page, 'shell-home-logged-in');
  });

  it('shows another role by its Korean name and returns to login on logout', async () => {
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    const analyst = await seedUser(demo.engine, { role: 'analyst', name: '김분석' });
    await logIn(analyst.email, analyst.password);
    const user = page.getByTestId('current-user');
    await user.getByText('분석가').waitFor();
    expect(await user.textContent()).toContain('김분석');
    await shoot(page, 'shell-analyst');
    // The session cookie is gone after logout: the API answers 401 and the shell shows login again.
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    const me = await page.request.get(`${demo.server.url}/api/auth/me`);
    expect(me.status()).toBe(401);
  });
});
