import { mkdirSync } from 'node:fs';
import { signUnsubscribeToken } from '@dalbit/core/compliance/unsubscribe-token';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/engines/engine.ts';
import { type DemoServer, startDemoServer } from '../http/demo-server.ts';
import { launchChromium } from './browser.ts';

const SHOTS = '/tmp/shots/trust-ids';
let demo: DemoServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  demo = await startDemoServer({ customers: 120, eventsPerCustomer: 1 });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('unsubscribe page in Chromium', () => {
  it('asks first, withdraws on the button, and refuses a tampered link in Korean', async () => {
    const [c] = await demo.engine.query<{ customer_id: string }>(
      'SELECT customer_id FROM customers WHERE email IS NOT NULL ORDER BY customer_id LIMIT 1',
    );
    const id = c?.customer_id ?? '';
    const token = signUnsubscribeToken({ secret: demo.linkSecret, customerId: id, channel: 'email', sentAt: demo.now });
    const page = await browser.context.newPage();
    const withdrawn = async () =>
      demo.engine.query(
        sql("SELECT purpose FROM consents WHERE customer_id = $1 AND source = 'unsubscribe-link'", [id], ['string']),
      );

    await page.goto(`${demo.server.url}/u/${token}`);
    await expect(page.locator('h1').textContent()).resolves.toBe('광고 수신거부');
    await expect(page.locator('main p').first().textContent()).resolves.toBe(
      '이메일로 받는 광고성 정보 수신을 거부하시겠습니까?',
    );
    await page.screenshot({ path: `${SHOTS}/unsubscribe-ask.png` });
    expect(await withdrawn()).toEqual([]);

    await page.getByRole('button', { name: /수신거부/ }).click();
    await page.waitForLoadState();
    await expect(page.locator('main p').first().textContent()).resolves.toContain('수신거부가 처리되었습니다');
    await page.screenshot({ path: `${SHOTS}/unsubscribe-done.png` });
    expect((await withdrawn()).length).toBe(2);

    const tampered = `${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`;
    const res = await page.goto(`${demo.server.url}/u/${tampered}`);
    expect(res?.status()).toBe(400);
    await expect(page.locator('main p').first().textContent()).resolves.toContain('올바르지 않은 수신거부 링크입니다');
    expect(await page.locator('button').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/unsubscribe-tampered.png` });
    expect((await withdrawn()).length).toBe(2);
  });
});
