import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCampaignDefinition } from '../../src/campaigns/campaign-lifecycle.ts';
import { readComplianceSettings } from '../../src/campaigns/compliance-settings.ts';
import { runScheduler } from '../../src/campaigns/run-scheduler.ts';
import { ensureDashboardBuilt } from '../../src/http/ensure-dashboard.ts';
import { type DemoServer, startDemoServer } from '../http/demo-server.ts';
import { authHeaders, seedUser } from '../support/auth.ts';
import { launchChromium } from './browser.ts';
import { loginThroughPage } from './login-page.ts';

const SHOTS = process.env.DALBIT_SHOTS ?? '/tmp/shots/loops';

let demo: DemoServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const campaign = 'welcome-coupon';
let expectedMembers: string[] = [];
let withoutMember = 0;

const ts = (d: Date) => `TIMESTAMP '${d.toISOString().slice(0, 19).replace('T', ' ')}'`;

beforeAll(async () => {
  await ensureDashboardBuilt();
  demo = await startDemoServer({ customers: 400, eventsPerCustomer: 2, seed: 7 });
  // A coupon campaign to everyone, issued by the real scheduler; one code is then used on an order.
  const { policy } = await readComplianceSettings(demo.engine);
  await saveCampaignDefinition(
    demo.engine,
    {
      id: campaign,
      name: '감사 쿠폰 3,000원',
      purpose: 'info',
      status: 'active',
      channel: 'sms',
      audience: { kind: 'all' },
      trigger: { kind: 'broadcast', at: new Date(demo.now.getTime() - 60_000).toISOString() },
      templates: [{ channel: 'sms', text: '{{ name }}님, 감사 쿠폰 {{ coupon.code }}' }],
      sender: { smsFrom: '0212345678' },
      coupon: { kind: 'amount', value: 3000, validDays: 7, perCustomer: 1 },
      experiment: { holdoutPercent: 0, variants: [] },
    },
    { at: new Date(demo.now.getTime() - 120_000), mode: 'create' },
  );
  await runScheduler(demo.engine, { now: demo.now, campaignIds: [campaign], policy, couponSecret: demo.linkSecret });
  await demo.engine.exec(
    `INSERT INTO coupon_redemptions (code, order_id, campaign_id, coupon_customer_id, order_customer_id, redeemed_at, paid_amount, discount_amount, valid, recorded_at)
     SELECT k.code, 'o-coupon-1', k.campaign_id, k.customer_id, k.customer_id, ${ts(demo.now)}, 27000, 3000, true, ${ts(demo.now)}
     FROM coupons k JOIN customer_channels m ON m.customer_id = k.customer_id AND m.channel = 'cafe24' AND m.member_id IS NOT NULL
     WHERE k.campaign_id = '${campaign}' ORDER BY k.code LIMIT 1`,
  );
  const now = ts(demo.now);
  // Independent of the export: live codes (unexpired, no valid redemption) and their holders' Cafe24 ids.
  const live = `SELECT k.campaign_id, k.customer_id FROM coupons k WHERE k.expires_at > ${now}
    AND NOT EXISTS (SELECT 1 FROM coupon_redemptions r WHERE r.code = k.code AND r.valid)`;
  expectedMembers = (
    await demo.engine.query<{ member_id: string }>(
      `SELECT DISTINCT m.member_id FROM (${live}) l JOIN customer_channels m ON m.customer_id = l.customer_id
       WHERE l.campaign_id = '${campaign}' AND m.channel = 'cafe24' AND m.member_id IS NOT NULL ORDER BY 1`,
    )
  ).map((r) => r.member_id);
  withoutMember = Number(
    (
      await demo.engine.query<{ n: number }>(
        `SELECT count(*) AS n FROM (${live}) l WHERE l.campaign_id = '${campaign}' AND l.customer_id NOT IN
         (SELECT customer_id FROM customer_channels WHERE channel = 'cafe24' AND member_id IS NOT NULL)`,
      )
    )[0]?.n,
  );
  browser = await launchChromium();
  page = await browser.context.newPage();
  await loginThroughPage(page, demo.server.url, demo.owner);
}, 400_000);
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

async function snap(name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function download(testId: string): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: d.suggestedFilename(), text: readFileSync((await d.path()) as string, 'utf8') };
}

const count = async (sql: string) => Number((await demo.engine.query<{ n: number }>(sql))[0]?.n);

describe('coupon export in Cafe24 shapes, from the campaign page in Chromium', () => {
  it('the owner sees issued and redeemed counts and downloads the codes', async () => {
    expect(expectedMembers.length).toBeGreaterThan(2);
    await page.goto(`${demo.server.url}/#/campaigns/${campaign}`);
    await page.getByTestId('coupons-summary').waitFor();
    const issued = await count(`SELECT count(*) AS n FROM coupons WHERE campaign_id = '${campaign}'`);
    const redeemed = await count(
      `SELECT count(DISTINCT code) AS n FROM coupon_redemptions WHERE valid AND code IN (SELECT code FROM coupons WHERE campaign_id = '${campaign}')`,
    );
    expect(await page.getByTestId('coupons-summary').textContent()).toBe(
      `발급 ${issued.toLocaleString('ko-KR')}개 · 사용 ${redeemed.toLocaleString('ko-KR')}개`,
    );
    const codes = await download('coupons-codes');
    const lines = codes.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('쿠폰코드,할인유형,할인값,대상상품,발급일시,만료일시,사용여부');
    expect(lines.length - 1).toBe(issued);
    expect(lines.filter((l) => l.endsWith(',사용')).length).toBe(redeemed);
  });

  it('with a reason, the Cafe24 member file and the Admin API requests list exactly the members holding a live code', async () => {
    expect(await page.getByTestId('coupons-cafe24-members').isDisabled()).toBe(true);
    await page.getByTestId('coupons-reason').fill('카페24 쿠폰 발급 등록');
    await page.getByTestId('coupons-coupon-no').fill('6071');
    await snap('30-coupons-panel');
    const file = await download('coupons-cafe24-members');
    expect(file.name).toBe(`cafe24-coupon-${campaign}-members.csv`);
    expect(file.text.startsWith('\uFEFF회원아이디\r\n')).toBe(true);
    const ids = file.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    expect([...ids].sort()).toEqual(expectedMembers);
    await page.getByText(`회원 ${expectedMembers.length}명`).first().waitFor();
    await snap('31-coupons-cafe24-toast');

    const api = await download('coupons-cafe24-api');
    const body = JSON.parse(api.text) as {
      method: string;
      path: string;
      requests: { shop_no: number; request: Record<string, string> }[];
      withoutMemberId: number;
    };
    expect(body.method).toBe('POST');
    expect(body.path).toBe('/api/v2/admin/coupons/6071/issues');
    expect(body.requests.map((r) => r.request.member_id).sort()).toEqual(expectedMembers);
    for (const r of body.requests)
      expect(r).toEqual({
        shop_no: 1,
        request: {
          issued_member_scope: 'M',
          member_id: r.request.member_id,
          allow_duplication: 'F',
          single_issue_per_once: 'T',
          send_sms_for_issue: 'F',
        },
      });
    expect(body.withoutMemberId).toBe(withoutMember);
    const log = await demo.engine.query<{ reason: string; subject: string }>(
      "SELECT reason, subject FROM access_log WHERE action = 'coupon_cafe24_export' ORDER BY seq",
    );
    expect(log.map((l) => l.subject)).toEqual([
      `campaign:${campaign} members:${expectedMembers.length} format:members-csv`,
      `campaign:${campaign} members:${expectedMembers.length} format:api-json`,
    ]);
    expect(log.every((l) => l.reason === '카페24 쿠폰 발급 등록')).toBe(true);
  });

  it('a marketer sees the counts but no Cafe24 member file, and the API refuses; no reason is a Korean 400', async () => {
    const marketer = await seedUser(demo.engine, { role: 'marketer' });
    await loginThroughPage(page, demo.server.url, marketer);
    await page.goto(`${demo.server.url}/#/campaigns/${campaign}`);
    await page.getByTestId('coupons-summary').waitFor();
    expect(await page.getByTestId('coupons-cafe24-members').count()).toBe(0);
    await snap('32-coupons-marketer');
    const post = async (role: 'marketer' | 'owner', body: unknown) =>
      fetch(`${demo.server.url}/api/campaigns/${campaign}/coupons/cafe24`, {
        method: 'POST',
        headers: { ...(await authHeaders(demo.engine, role)), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('marketer', { format: 'members-csv', reason: '등록' })).status).toBe(403);
    const noReason = await post('owner', { format: 'members-csv' });
    expect(noReason.status).toBe(400);
    const err = ((await noReason.json()) as { error: { code: string; message: string } }).error;
    expect(err.message).toMatch(/[가-힣]/);
    const before = await count("SELECT count(*) AS n FROM access_log WHERE action = 'coupon_cafe24_export'");
    expect(before).toBe(2);
  });
});
