import { CampaignDefinition } from '@dalbit/core/campaigns/schema';
import { createDemoContext } from '@dalbit/core/demo/demo-context';
import { DemoParamsSchema } from '@dalbit/core/demo/demo-params';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCampaign } from '../../src/campaigns/campaign-store.ts';
import { readComplianceSettings, saveComplianceSettings } from '../../src/campaigns/compliance-settings.ts';
import { runScheduler } from '../../src/campaigns/run-scheduler.ts';
import { DEMO_SENDER } from '../../src/demo/seed-campaigns.ts';
import { seedDemoReconfirmations } from '../../src/demo/seed-reconfirmations.ts';
import { ensureDashboardBuilt } from '../../src/http/ensure-dashboard.ts';
import { type DemoServer, startDemoServer } from '../http/demo-server.ts';
import { launchChromium } from './browser.ts';
import { loginThroughPage } from './login-page.ts';

process.env.DALBIT_SHOTS ??= '/tmp/shots/loops';
const { shoot } = await import('./shots.ts');

// The two-year consent re-confirmation page in Chromium over a demo brand 40 days after its data
// ends, whose re-confirmation ran as the demo runs it (a pass a week from the data's end, earlier
// notices delivered, the last pass's waiting; three customers lost their phone number so their
// notices could not go and their consents lapsed): every count on the page equals an independent
// SQL count over the raw tables.

let demo: DemoServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

beforeAll(async () => {
  await ensureDashboardBuilt();
  const exportedAt = new Date(createDemoContext(DemoParamsSchema.parse({ customers: 400, seed: 5 })).exportedAt);
  demo = await startDemoServer({
    customers: 400,
    eventsPerCustomer: 2,
    seed: 5,
    now: new Date(exportedAt.getTime() + 40 * 86_400_000),
  });
  await saveComplianceSettings(demo.engine, { sender: DEMO_SENDER }, { by: 'demo', at: demo.now });
  const sms = CampaignDefinition.parse({
    id: 'ship-notice',
    name: '출고 안내',
    purpose: 'info',
    trigger: { kind: 'broadcast', at: demo.now.toISOString() },
    channel: 'sms',
    templates: [{ channel: 'sms', text: '{{ name }}님 주문 상품 출고' }],
    sender: { smsFrom: '0200000000' },
  });
  await saveCampaign(demo.engine, sms, new Date(demo.now.getTime() - 90 * 86_400_000));
  // The three earliest SMS anniversaries have no phone any more: their notices cannot go.
  await demo.engine.query(`UPDATE customers SET phone = NULL WHERE customer_id IN (
    SELECT customer_id FROM consents WHERE purpose = 'ad' AND channel = 'sms' AND granted ORDER BY "at", customer_id LIMIT 3)`);
  await seedDemoReconfirmations(demo.engine, { asOf: exportedAt, now: demo.now });
  browser = await launchChromium();
  page = await browser.context.newPage();
  await loginThroughPage(page, demo.server.url, demo.owner);
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

const count = async (sql: string): Promise<number> =>
  Number((await demo.engine.query<{ n: number | bigint }>(sql))[0]?.n ?? 0);
const NOTICES = "FROM messages WHERE step_id = 'reconfirmation' AND campaign_id IS NULL";

/** Cycles not planned yet whose anniversary (every 2 years from the latest grant) falls within 30 days, in SQL. */
async function upcomingBySql(now: Date): Promise<number> {
  const horizon = new Date(now.getTime() + 30 * 86_400_000).toISOString();
  return count(`
    WITH latest AS (
      SELECT customer_id, channel, arg_max(granted, (epoch_ms("at") * 2 + CASE WHEN granted THEN 0 ELSE 1 END)) AS granted,
             max("at") AS at
      FROM consents WHERE purpose = 'ad' AND channel IN ('sms', 'kakao', 'email', 'push') AND "at" <= TIMESTAMPTZ '${now.toISOString()}'
      GROUP BY customer_id, channel),
    cycles AS (
      SELECT l.customer_id, l.channel, max(l.at + to_years(2 * k)) AS due_at
      FROM latest l, range(1, 40) r(k)
      WHERE l.granted AND l.at + to_years(2 * k) <= TIMESTAMPTZ '${horizon}'
      GROUP BY l.customer_id, l.channel)
    SELECT count(*) AS n FROM cycles c
    WHERE NOT EXISTS (SELECT 1 ${NOTICES.replace('FROM messages', 'FROM messages m')} AND m.customer_id = c.customer_id
      AND m.occurrence = c.channel || '|' || strftime(c.due_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%g') || 'Z')`);
}

describe('consent re-confirmation page in Chromium', () => {
  it('shows upcoming, waiting, sent, not delivered and lapsed counts equal to SQL, and lists each with masked contacts', async () => {
    const expected = {
      upcoming: await upcomingBySql(demo.now),
      pending: await count(
        `SELECT count(*) AS n ${NOTICES} AND status IN ('queued', 'sending', 'retry', 'in_doubt', 'deferred')`,
      ),
      sent: await count(`SELECT count(*) AS n ${NOTICES} AND status IN ('accepted', 'at_carrier', 'delivered')`),
      lapsed: await count("SELECT count(*) AS n FROM consents WHERE source = 'reconfirmation_lapse' AND NOT granted"),
    };
    const notDelivered = await count(
      `SELECT count(*) AS n ${NOTICES} AND status IN ('blocked', 'failed', 'cancelled')`,
    );
    const undelivered = notDelivered - expected.lapsed;
    // Some of each state (email is refused: the campaigns have no email sender).
    for (const n of Object.values(expected)) expect(n).toBeGreaterThan(0);

    await page.goto(`${demo.server.url}/#/consent`);
    await page.getByRole('heading', { name: '수신동의 재확인 (2년 주기)' }).waitFor();
    const value = async (s: string) =>
      Number(((await page.getByTestId(`reconfirm-count-${s}-value`).textContent()) ?? '').replaceAll(',', ''));
    await page.getByTestId('reconfirm-count-sent-value').waitFor();
    expect({
      upcoming: await value('upcoming'),
      pending: await value('pending'),
      sent: await value('sent'),
      lapsed: await value('lapsed'),
    }).toEqual(expected);
    expect(await value('undelivered')).toBe(undelivered);
    await shoot(page, 'reconfirm-all');

    for (const [state, n] of Object.entries({ ...expected, undelivered })) {
      await page.getByTestId(`reconfirm-count-${state}`).click();
      await page.locator(`[data-testid="reconfirm-count-${state}"][aria-pressed="true"]`).waitFor();
      const label = {
        upcoming: '예정',
        pending: '발송 대기',
        sent: '발송됨',
        undelivered: '전달 못함',
        lapsed: '동의 만료',
      }[state];
      await page
        .getByTestId('reconfirm-shown')
        .filter({ hasText: `${label} · ${n.toLocaleString('ko-KR')}` })
        .waitFor();
      const rows = page.locator(`[data-testid="reconfirm-list"] tbody tr`);
      if (n > 0) await rows.first().waitFor();
      expect(await rows.count()).toBe(Math.min(n, 200));
      expect(await page.locator(`[data-testid="reconfirm-list"] tbody tr:not([data-state="${state}"])`).count()).toBe(
        0,
      );
      if (n > 0) {
        const text = await page.getByTestId('reconfirm-list').textContent();
        expect(text).toMatch(/\*/); // masked names and contacts
        expect(text).not.toMatch(/010-\d{4}-\d{4}/);
        await shoot(page, `reconfirm-${state}`);
      }
      await page.getByTestId(`reconfirm-count-${state}`).click(); // back to all
    }
    // Email notices cannot go: the refusal says so in Korean.
    expect(await page.getByTestId('reconfirm-refused-email').textContent()).toContain('이메일 수신동의 확인 안내');
  }, 180_000);

  it("the customer page lists that customer's notices with their outcome and the coupons they received, contacts masked", async () => {
    // A coupon to everyone with a phone, issued by the real scheduler (the lapsed customers have none).
    const coupon = CampaignDefinition.parse({
      id: 'thanks-coupon',
      name: '감사 쿠폰',
      purpose: 'info',
      status: 'active',
      trigger: { kind: 'broadcast', at: new Date(demo.now.getTime() - 60_000).toISOString() },
      channel: 'sms',
      templates: [{ channel: 'sms', text: '{{ name }}님 감사 쿠폰 {{ coupon.code }}' }],
      sender: { smsFrom: '0200000000' },
      coupon: { kind: 'amount', value: 3000, validDays: 7 },
    });
    await saveCampaign(demo.engine, coupon, new Date(demo.now.getTime() - 120_000));
    const { policy } = await readComplianceSettings(demo.engine);
    await runScheduler(demo.engine, {
      now: demo.now,
      campaignIds: ['thanks-coupon'],
      policy,
      couponSecret: demo.linkSecret,
    });

    const [sent] = await demo.engine.query<{ customer_id: string; phone: string }>(
      `SELECT m.customer_id, c.phone ${NOTICES.replace('FROM messages', 'FROM messages m JOIN customers c ON c.customer_id = m.customer_id')}
       AND m.status IN ('accepted', 'at_carrier', 'delivered') AND c.phone IS NOT NULL ORDER BY m.customer_id LIMIT 1`,
    );
    const who = sent?.customer_id ?? '';
    const sentNotices = await count(
      `SELECT count(*) AS n ${NOTICES} AND customer_id = '${who}' AND status IN ('accepted', 'at_carrier', 'delivered')`,
    );
    const codes = await demo.engine.query<{ code: string }>(
      `SELECT code FROM coupons WHERE customer_id = '${who}' ORDER BY issued_at DESC`,
    );
    expect(sentNotices).toBeGreaterThan(0);
    expect(codes.length).toBe(1);
    await page.goto(`${demo.server.url}/#/customers/${encodeURIComponent(who)}`);
    await page.getByTestId('customer-notices').waitFor();
    const notices = page.getByTestId('customer-reconfirmations');
    expect(await notices.locator('tbody tr[data-state="sent"]').count()).toBe(sentNotices);
    expect(await notices.locator('tbody tr[data-state="sent"]').first().textContent()).toContain('발송됨');
    const coupons = page.getByTestId('customer-coupons');
    expect(await coupons.locator('tbody tr').count()).toBe(1);
    const row = (await coupons.locator('tbody tr').first().textContent()) ?? '';
    expect(row).toContain(codes[0]?.code ?? '?');
    expect(row).toContain('감사 쿠폰');
    expect(row).toContain('3,000원');
    expect(row).toContain('사용 가능');
    const text = (await page.getByTestId('customer-notices').textContent()) ?? '';
    expect(text).not.toContain(String(sent?.phone).slice(-8));
    // The messages the customer received name the notice by what it is (it belongs to no campaign)
    // and the coupon message by its campaign; none is an unnamed "- · 문자".
    await page.getByTestId('customer-campaigns').waitFor();
    const received = await page.getByTestId('customer-campaigns').locator('li').allTextContents();
    expect(received.filter((l) => l.startsWith('수신동의 재확인 · 문자')).length).toBe(sentNotices);
    expect(received.some((l) => l.startsWith('감사 쿠폰 · 문자'))).toBe(true);
    expect(received.some((l) => l.startsWith('- ·'))).toBe(false);
    await shoot(page, 'customer-notices-sent');

    // A customer whose consent lapsed: the notice could not go (no phone), no coupon either.
    const [lapsed] = await demo.engine.query<{ customer_id: string }>(
      "SELECT customer_id FROM consents WHERE source = 'reconfirmation_lapse' AND NOT granted ORDER BY customer_id LIMIT 1",
    );
    await page.goto(`${demo.server.url}/#/customers/${encodeURIComponent(lapsed?.customer_id ?? '')}`);
    await page.getByTestId('customer-notices').waitFor();
    const lapsedRow = page.locator('[data-testid="customer-reconfirmations"] tbody tr[data-state="lapsed"]');
    expect(await lapsedRow.count()).toBeGreaterThan(0);
    expect(await lapsedRow.first().textContent()).toContain('동의 만료 · 해당 채널 연락처 없음');
    expect(await page.getByTestId('customer-coupons').count()).toBe(0);
    expect(await page.getByTestId('customer-notices').textContent()).toContain('받은 쿠폰이 없습니다.');
    await shoot(page, 'customer-notices-lapsed');
  }, 180_000);
});
