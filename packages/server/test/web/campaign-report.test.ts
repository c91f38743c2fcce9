import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCampaigns } from '../../src/demo/seed-campaigns.ts';
import { ensureDashboardBuilt } from '../../src/http/ensure-dashboard.ts';
import { type DemoServer, startDemoServer } from '../http/demo-server.ts';
import { seedUser } from '../support/auth.ts';
import { launchChromium } from './browser.ts';
import { loginThroughPage } from './login-page.ts';

const SHOTS = '/tmp/shots/studio';
let demo: DemoServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

beforeAll(async () => {
  await ensureDashboardBuilt();
  demo = await startDemoServer({ customers: 800, eventsPerCustomer: 3 });
  await seedDemoCampaigns(demo.engine, { now: demo.now, asOf: demo.now, workDir: join(SHOTS, 'work') });
  browser = await launchChromium();
  page = await browser.context.newPage();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('campaign list and report in Chromium', () => {
  it('lists the demo campaigns with Korean status, opens a report with a Korean verdict, and pauses one', async () => {
    await page.goto(`${demo.server.url}/#/campaigns`);
    await page.getByTestId('login-email').fill(demo.owner.email);
    await page.getByTestId('login-password').fill(demo.owner.password);
    await page.getByTestId('login-submit').click();
    const row = page.getByTestId('campaign-vip-winter-sale');
    await row.waitFor();
    expect(await row.textContent()).toContain('진행 중');
    await row.click();
    const verdict = page.getByTestId('campaign-verdict');
    await verdict.waitFor();
    expect(await verdict.textContent()).toMatch(/[가-힣]{4,}/);
    const funnel = await page.getByTestId('campaign-funnel').textContent();
    expect(funnel).toContain('대조군 (미발송)');
    expect(funnel).toContain('구매 전환');
    expect(await page.getByTestId('campaign-lifts').textContent()).toContain('발송군');
    // Blocked messages by reason, in Korean, each count equal to the outbox.
    const blocked = await demo.engine.query<{ reason: string; n: number }>(
      "SELECT reason, count(*) AS n FROM messages WHERE campaign_id = 'vip-winter-sale' AND status = 'blocked' GROUP BY reason",
    );
    expect(blocked.length).toBeGreaterThan(0);
    for (const b of blocked) {
      const row = page.getByTestId(`blocked-${b.reason}`);
      expect(Number(await row.getAttribute('data-count')), b.reason).toBe(Number(b.n));
      expect(await row.textContent()).toMatch(/[가-힣]/);
    }
    // The report has its own address, so it can be shared and reopened.
    expect(page.url()).toContain('#/campaigns/vip-winter-sale');
    await page.getByTestId('trend-chart').waitFor();
    await page.screenshot({ path: join(SHOTS, 'campaign-report.png'), fullPage: true });
    await page.goto(`${demo.server.url}/#/campaigns`);
    await page.getByTestId('toggle-vip-winter-sale').click();
    // Paused: the row's button now offers to resume.
    await page.getByTestId('toggle-vip-winter-sale').getByText('재개').waitFor();
    const [row2] = await demo.engine.query<{ status: string }>(
      "SELECT status FROM campaigns WHERE campaign_id = 'vip-winter-sale' ORDER BY revision DESC LIMIT 1",
    );
    expect(row2?.status).toBe('paused');
    await page.screenshot({ path: join(SHOTS, 'campaign-list-paused.png'), fullPage: true });
  });

  it('the list shows reach, sends and conversions equal to each report, and filters by status, channel and name', async () => {
    await page.goto(`${demo.server.url}/#/campaigns`);
    await page.getByTestId('campaigns').waitFor();
    const rows = await page
      .locator('[data-testid="campaigns"] tbody tr')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const num = async (testId: string) =>
      Number(((await page.getByTestId(testId).textContent()) ?? '').split('(')[0]?.replaceAll(',', '').trim());
    for (const row of rows) {
      const id = row.replace('campaign-', '');
      const res = await page.request.get(`${demo.server.url}/api/campaigns/${id}/report`);
      const report = (await res.json()) as {
        presented: { arms: { arm: string; targeted: number; sent: number; converted: number }[] };
      };
      const arms = report.presented.arms;
      const sum = (k: 'targeted' | 'sent' | 'converted', list = arms) => list.reduce((n, a) => n + a[k], 0);
      expect(await num(`targeted-${id}`), id).toBe(sum('targeted'));
      expect(await num(`sent-${id}`), id).toBe(sum('sent'));
      expect(await num(`converted-${id}`), id).toBe(
        sum(
          'converted',
          arms.filter((a) => a.arm !== 'holdout'),
        ),
      );
    }
    expect(await num('sent-vip-winter-sale')).toBeGreaterThan(0);
    expect(await num('converted-vip-winter-sale')).toBeGreaterThan(0);
    // Filters: the paused campaign alone, then a channel, then a name typed in part.
    await page.getByTestId('filter-status').selectOption('paused');
    await expect.poll(() => page.locator('[data-testid="campaigns"] tbody tr').count()).toBe(1);
    expect(await page.getByTestId('campaign-vip-winter-sale').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'campaign-list-filtered.png'), fullPage: true });
    await page.getByTestId('filter-status').selectOption('');
    const channels = await demo.engine.query<{ id: string; channel: string }>(
      `SELECT campaign_id AS id, json_extract_string(definition, '$.channel') AS channel FROM campaigns
       QUALIFY row_number() OVER (PARTITION BY campaign_id ORDER BY revision DESC) = 1`,
    );
    const channel = String(channels[0]?.channel);
    await page.getByTestId('filter-channel').selectOption(channel);
    await expect
      .poll(() => page.locator('[data-testid="campaigns"] tbody tr').count())
      .toBe(channels.filter((c) => c.channel === channel).length);
    await page.getByTestId('filter-channel').selectOption('');
    await page.getByTestId('filter-text').fill('없는 캠페인 이름');
    await page.getByTestId('campaigns-none').waitFor();
    await page.getByTestId('filter-text').fill('winter');
    await expect
      .poll(() => page.locator('[data-testid="campaigns"] tbody tr').count())
      .toBe(rows.filter((r) => r.includes('winter')).length);
  });

  it('an analyst reads the settings and the campaign but cannot change them (no save, no lifecycle buttons)', async () => {
    const analyst = await seedUser(demo.engine, { role: 'analyst' });
    await loginThroughPage(page, demo.server.url, analyst);
    await page.goto(`${demo.server.url}/#/settings`);
    await page.getByTestId('settings-readonly').waitFor();
    expect(await page.getByTestId('settings-save').count()).toBe(0);
    expect(await page.getByTestId('settings-name').isDisabled()).toBe(true);
    for (const cap of ['settings-per-day', 'settings-per-week', 'settings-week-days'])
      expect(await page.getByTestId(cap).locator('input').isEditable()).toBe(false);
    expect(await page.getByTestId('settings-sender-state').textContent()).toContain('광고를 시작할 수 있습니다');
    await page.screenshot({ path: join(SHOTS, 'settings-analyst.png'), fullPage: true });
    await page.goto(`${demo.server.url}/#/campaigns/vip-winter-sale`);
    await page.getByTestId('campaign-verdict').waitFor();
    expect(await page.locator('[data-testid^="action-"]').count()).toBe(0);
    expect(await page.getByTestId('campaign-edit').count()).toBe(0);
  });
});
