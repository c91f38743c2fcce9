import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCampaigns } from '../../src/demo/seed-campaigns.ts';
import { ensureDashboardBuilt } from '../../src/http/ensure-dashboard.ts';
import { type DemoServer, startDemoServer } from '../http/demo-server.ts';
import { authHeaders, seedUser } from '../support/auth.ts';
import { launchChromium } from './browser.ts';
import { loginThroughPage } from './login-page.ts';

// Settings page, campaign priorities: the live campaigns (not stopped or archived) by priority then
// name; the owner types a priority and steps it with ▲, saves, and the warehouse holds a new
// revision with it (access-logged) and the list re-orders; a value out of range is refused in
// Korean in the page and by the API with a code; the analyst sees the numbers but no inputs, and
// the API refuses them with 403.

const SHOTS = '/tmp/shots/prio';
const CART = 'cart-reminder-ab';

let demo: DemoServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const rowIds = async () =>
  (
    await page
      .locator('[data-testid^="priority-row-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))
  ).map((id) => String(id).replace('priority-row-', ''));
const stored = async (id: string) => {
  const [row] = await demo.engine.query<{ revision: unknown; definition: string }>(
    `SELECT revision, definition FROM campaigns WHERE campaign_id = '${id}' ORDER BY revision DESC LIMIT 1`,
  );
  return { revision: Number(row?.revision), priority: JSON.parse(String(row?.definition)).priority as number };
};
const putPriority = async (role: 'owner' | 'analyst', id: string, body: unknown) =>
  fetch(`${demo.server.url}/api/campaigns/${id}/priority`, {
    method: 'PUT',
    headers: { ...(await authHeaders(demo.engine, role)), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await ensureDashboardBuilt();
  demo = await startDemoServer({ customers: 150, eventsPerCustomer: 1, seed: 5 });
  const workDir = mkdtempSync(join(tmpdir(), 'dalbit-prio-'));
  await seedDemoCampaigns(demo.engine, { now: demo.now, asOf: demo.now, workDir });
  browser = await launchChromium();
  page = await browser.context.newPage();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('settings: campaign priorities in Chromium', () => {
  it('lists the live campaigns by priority then name; a stopped one is left out', async () => {
    const ids = (await demo.engine.query<{ id: string }>('SELECT DISTINCT campaign_id AS id FROM campaigns')).map(
      (r) => r.id,
    );
    expect(ids).toContain(CART);
    const stopped = ids.find((id) => id !== CART) as string;
    const stop = await fetch(`${demo.server.url}/api/campaigns/${stopped}/stop`, {
      method: 'POST',
      headers: await authHeaders(demo.engine, 'owner'),
    });
    expect(stop.status).toBe(200);
    await loginThroughPage(page, demo.server.url, demo.owner);
    await page.goto(`${demo.server.url}/#/settings`);
    await page.getByTestId('priorities-table').waitFor();
    expect(await page.getByTestId('priorities-card').textContent()).toContain(
      '빈도 제한에 걸리면 우선순위가 높은 캠페인이 먼저 발송됩니다',
    );
    const shown = await rowIds();
    expect(shown).not.toContain(stopped);
    expect(shown).toContain(CART);
    expect(shown.length).toBe(ids.length - 1);
  });

  it('typing and ▲ then save: a new revision with the priority, access-logged, and the row moves to the top', async () => {
    const before = await stored(CART);
    expect(before.priority).toBe(0);
    const input = page.getByTestId(`priority-input-${CART}`).locator('input');
    await input.fill('1001');
    await expect
      .poll(() => page.getByTestId(`priority-input-${CART}`).textContent())
      .toContain('1000 이하의 값을 입력하세요');
    expect(await page.getByTestId(`priority-save-${CART}`).isDisabled()).toBe(true);
    await input.fill('41');
    await page.getByTestId(`priority-up-${CART}`).click();
    await expect.poll(() => input.inputValue()).toBe('42');
    await shot('settings-priorities-edit');
    await page.getByTestId(`priority-save-${CART}`).click();
    await expect.poll(async () => (await stored(CART)).priority).toBe(42);
    expect((await stored(CART)).revision).toBe(before.revision + 1);
    await expect.poll(async () => (await rowIds())[0]).toBe(CART);
    await expect.poll(() => page.getByTestId(`priority-input-${CART}`).locator('input').inputValue()).toBe('42');
    const api = await fetch(`${demo.server.url}/api/campaigns/${CART}`, {
      headers: await authHeaders(demo.engine, 'owner'),
    });
    expect(((await api.json()) as { campaign: { priority: number } }).campaign.priority).toBe(42);
    const log = await demo.engine.query<{ subject: string; reason: string }>(
      `SELECT subject, reason FROM access_log WHERE action = 'campaign.priority'`,
    );
    expect(log).toEqual([{ subject: `campaign:${CART}`, reason: `0 -> 42 (revision ${before.revision + 1})` }]);
    await shot('settings-priorities-saved');
  });

  it('API: out of range or not an integer is 400 VALIDATION_FAILED in Korean, nothing written', async () => {
    const before = await stored(CART);
    for (const priority of [1001, -1, 2.5, '7']) {
      const res = await putPriority('owner', CART, { priority });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string; issues: { path: string[] }[] } };
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.message).toMatch(/[가-힣]/);
      expect(body.error.issues[0]?.path).toEqual(['body', 'priority']);
    }
    expect(await stored(CART)).toEqual(before);
  });

  it('the analyst sees the priorities but no inputs; the API refuses them with 403', async () => {
    const analyst = await seedUser(demo.engine, { role: 'analyst' });
    await loginThroughPage(page, demo.server.url, analyst);
    await page.goto(`${demo.server.url}/#/settings`);
    await page.getByTestId('priorities-table').waitFor();
    expect(await page.getByTestId(`priority-value-${CART}`).textContent()).toBe('42');
    expect(await page.locator('[data-testid^="priority-input-"]').count()).toBe(0);
    expect(await page.locator('[data-testid^="priority-save-"]').count()).toBe(0);
    expect(await page.getByTestId('priorities-readonly').textContent()).toContain('소유자와 마케터만');
    await shot('settings-priorities-analyst');
    const before = await stored(CART);
    const res = await putPriority('analyst', CART, { priority: 3 });
    expect(res.status).toBe(403);
    expect(await stored(CART)).toEqual(before);
  });
});
