import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { toKst } from '@dalbit/core/time/kst';
import { lunarToSolarIso } from '@dalbit/core/time/lunar';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCampaignDefinition } from '../../src/campaigns/campaign-lifecycle.ts';
import { readComplianceSettings } from '../../src/campaigns/compliance-settings.ts';
import { runScheduler } from '../../src/campaigns/run-scheduler.ts';
import { OnsiteAdapter } from '../../src/channels/onsite/onsite-adapter.ts';
import { signWebhook } from '../../src/channels/webhook/sign-webhook.ts';
import { seedDemoCampaigns } from '../../src/demo/seed-campaigns.ts';
import { plantExperiment } from '../../src/demo-experiment/plant-experiment.ts';
import { routeFor } from '../../src/dispatch/adapter-registry.ts';
import { dispatchOnce } from '../../src/dispatch/dispatcher.ts';
import { sql } from '../../src/engines/engine.ts';
import { ensureDashboardBuilt } from '../../src/http/ensure-dashboard.ts';
import { importFile } from '../../src/importers/import-file.ts';
import { DEFAULT_WEB_ROOT } from '../../src/repo-paths.ts';
import { type DemoServer, startDemoServer } from '../http/demo-server.ts';
import { launchChromium } from './browser.ts';
import { loginThroughPage } from './login-page.ts';

// STORIES.md story 6: visitors who viewed the main product 3–5 times in 7 days and did not buy get
// a secret-coupon popup, once, on any page of the shop, through the tracker; half are held out; the
// report compares the groups.
const SHOTS = '/tmp/shots/loops';
const CAMPAIGN = 'onsite-main-product';
let demo: DemoServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let shop: Server;
let SHOP = '';
let MAIN = '';
const visitors = new Map<string, string>(); // customer id → anonymous id

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${demo.server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', ...headers },
    body: JSON.stringify(body),
  });
}

/** Planted visits: 40 customers become identified visitors who viewed the main product 4 times in the last 3 days. */
async function plantVisits(): Promise<void> {
  const [p] = await demo.engine.query<{ product_id: string }>(
    `SELECT p.product_id FROM products p LEFT JOIN order_items i ON i.product_id = p.product_id
     GROUP BY p.product_id ORDER BY count(i.product_id), p.product_id LIMIT 1`,
  );
  MAIN = String(p?.product_id);
  const people = await demo.engine.query<{ customer_id: string; phone: string }>(
    `SELECT customer_id, phone FROM customers WHERE phone IS NOT NULL ORDER BY customer_id LIMIT 40`,
  );
  for (const [i, c] of people.entries()) visitors.set(c.customer_id, `visitor-${i}-${c.customer_id}`);
  const identify = JSON.stringify({
    events: people.map((c) => ({ anonymous_id: visitors.get(c.customer_id), phone: c.phone })),
  });
  const signed = await fetch(`${demo.server.url}/api/identify`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'dalbit-signature': signWebhook({ secret: demo.siteKeys.secretKey, body: identify, at: demo.now }),
    },
    body: identify,
  });
  expect(signed.status).toBe(202);
  const views = people.flatMap((c, i) =>
    [1, 2, 3, 4].map((k) => ({
      event_id: `plant-view-${i}-${k}`,
      type: 'product_view',
      anonymous_id: visitors.get(c.customer_id),
      product_id: MAIN,
      occurred_at: new Date(demo.now.getTime() - k * 17 * 3600_000).toISOString(),
    })),
  );
  const res = await post(`/api/events?key=${demo.siteKeys.writeKey}`, { events: views });
  expect(res.status).toBe(202);
}

/** The campaign, run by the real scheduler and the dispatcher's on-site adapter. */
async function launchCampaign(): Promise<void> {
  const { policy } = await readComplianceSettings(demo.engine);
  await saveCampaignDefinition(
    demo.engine,
    {
      id: CAMPAIGN,
      name: '메인 상품 시크릿 쿠폰 팝업 (대조군 50%)',
      purpose: 'ad',
      status: 'active',
      channel: 'onsite',
      audience: { kind: 'recipe', recipe: 'product-interest', params: { product: MAIN } },
      trigger: { kind: 'broadcast', at: new Date(demo.now.getTime() - 60_000).toISOString() },
      templates: [
        {
          channel: 'onsite',
          title: '{{ name }}님께만 드리는 시크릿 쿠폰',
          body: '눈여겨보신 상품을 10% 할인해 드려요.\n쿠폰 코드 {{ coupon.code }} <script>alert(1)</script>',
          url: `${SHOP}/products/${MAIN}?utm_campaign=${CAMPAIGN}`,
        },
      ],
      coupon: { kind: 'percent', value: 10, validDays: 7 },
      experiment: { holdoutPercent: 50, variants: [] },
    },
    { at: new Date(demo.now.getTime() - 120_000), mode: 'create' },
  );
  const run = await runScheduler(demo.engine, {
    now: demo.now,
    campaignIds: [CAMPAIGN],
    policy,
    couponSecret: 'onsite-test-coupon-secret',
    toSolar: lunarToSolarIso,
  });
  expect(run.skipped).toEqual([]);
  const sent = await dispatchOnce(demo.engine, {
    adapters: { onsite: routeFor(new OnsiteAdapter(demo.engine, { clock: () => demo.now })) },
    now: () => demo.now,
    workerId: 'onsite-test',
    policy,
  });
  expect(sent.claimed).toBeGreaterThan(0);
}

async function arms(): Promise<Map<string, string>> {
  const rows = await demo.engine.query<{ customer_id: string; arm: string }>(
    sql('SELECT customer_id, arm FROM campaign_exposures WHERE campaign_id = $1', [CAMPAIGN], ['string']),
  );
  return new Map(rows.map((r) => [r.customer_id, r.arm]));
}

/** Opens a shop page as the given visitor (its tracker id in localStorage, as after earlier visits). */
async function visit(anon: string, path: string, extra = ''): Promise<void> {
  await page.goto(`${SHOP}${path}?v=${encodeURIComponent(anon)}${extra}`);
}

beforeAll(async () => {
  await ensureDashboardBuilt();
  demo = await startDemoServer({ customers: 400, eventsPerCustomer: 1 });
  await seedDemoCampaigns(demo.engine, { now: demo.now, asOf: demo.now, workDir: join(SHOTS, 'work') });
  // The shop has its own Korean web font (served from its origin; here the dashboard's bundled Noto Sans KR).
  const assets = join(DEFAULT_WEB_ROOT, 'assets');
  const css = readdirSync(assets).find((f) => f.endsWith('.css'));
  const fontFaces = (readFileSync(join(assets, css ?? ''), 'utf8').match(/@font-face\{[^}]*\}/g) ?? []).join('\n');
  shop = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://shop');
    if (url.pathname === '/fonts.css') {
      res.writeHead(200, { 'content-type': 'text/css' });
      return void res.end(fontFaces);
    }
    if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.woff2')) {
      res.writeHead(200, { 'content-type': 'font/woff2' });
      return void res.end(readFileSync(join(assets, url.pathname.slice('/assets/'.length).replace(/[^\w.-]/g, ''))));
    }
    const gap = url.searchParams.get('gap') ?? '24';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="ko"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>달빛 스토어</title>
      <link rel="stylesheet" href="/fonts.css"><style>body { font-family: "Noto Sans KR Variable", sans-serif }</style>
      <script src="${demo.server.url}/tracker.js" data-key="${demo.siteKeys.writeKey}" data-onsite-color="#7a3cff" data-onsite-every-hours="${gap}"></script></head>
      <body style="margin: 40px"><h1>달빛 코스메틱</h1><p>${url.pathname}</p></body></html>`);
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  SHOP = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  await plantVisits();
  await launchCampaign();
  browser = await launchChromium();
  page = await browser.context.newPage();
  // The visitor of each visit (?v=) is the one the tracker finds in localStorage.
  await page.addInitScript(() => {
    const g = globalThis as unknown as {
      location: { search: string };
      localStorage: { setItem(k: string, v: string): void };
    };
    const v = new URLSearchParams(g.location.search).get('v');
    if (v) g.localStorage.setItem('dalbit_aid', v);
  });
  mkdirSync(SHOTS, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  shop?.closeAllConnections();
  await new Promise((resolve) => shop?.close(resolve));
  await demo?.stop();
});

async function eventTypes(anon: string): Promise<string[]> {
  const rows = await demo.engine.query<{ type: string }>(
    sql("SELECT type FROM events WHERE anonymous_id = $1 AND type LIKE 'message_%' ORDER BY type", [anon], ['string']),
  );
  return rows.map((r) => r.type);
}

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('on-site popup through the tracker (story 6) in Chromium', () => {
  it('shows the popup once to a targeted visitor, never to the held-out one, records shown/clicked, and the report counts them with the planted purchases', async () => {
    const arm = await arms();
    const targeted = [...arm].filter(([, a]) => a === 'main').map(([c]) => c);
    const held = [...arm].filter(([, a]) => a === 'holdout').map(([c]) => c);
    expect(targeted.length).toBeGreaterThan(5);
    expect(held.length).toBeGreaterThan(5);
    const [who] = targeted;
    const anon = visitors.get(who ?? '') ?? '';
    const [coupon] = await demo.engine.query<{ code: string }>(
      sql(
        'SELECT code FROM coupons WHERE campaign_id = $1 AND customer_id = $2',
        [CAMPAIGN, who],
        ['string', 'string'],
      ),
    );

    // First page of the visit: the popup, in Korean, with the name, the code and the untrusted text shown as text.
    page.on('dialog', () => {
      throw new Error('a script in the message ran');
    });
    await visit(anon, '/');
    const popup = page.getByRole('dialog');
    await popup.waitFor();
    const text = (await popup.textContent()) ?? '';
    expect(text).toContain('님께만 드리는 시크릿 쿠폰');
    expect(text).toContain(String(coupon?.code));
    expect(text).toContain('<script>alert(1)</script>');
    expect(await page.getByRole('button', { name: '닫기' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'onsite-popup.png') });
    await page.setViewportSize({ width: 390, height: 780 });
    await page.screenshot({ path: join(SHOTS, 'onsite-popup-mobile.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.getByRole('link', { name: '자세히 보기' }).click();
    await page.waitForURL(`**/products/${MAIN}**`);
    expect(
      await eventually(
        () => eventTypes(anon),
        (t) => t.length >= 2,
      ),
    ).toEqual(['message_clicked', 'message_opened']);

    // Second visit, any page, even with no frequency gap: the message was shown once, so no popup.
    await visit(anon, '/cart', '&gap=0');
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('dialog').count()).toBe(0);

    // A held-out visitor never gets one; a second targeted visitor closes it with the × button.
    await visit(visitors.get(held[0] ?? '') ?? '', '/', '&gap=0');
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('dialog').count()).toBe(0);
    const other = visitors.get(targeted[1] ?? '') ?? '';
    await visit(other, '/', '&gap=0');
    await page.getByRole('button', { name: '닫기' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(
      await eventually(
        () => eventTypes(other),
        (t) => t.length >= 2,
      ),
    ).toEqual(['message_closed', 'message_opened']);

    // Planted purchases: the clicked visitor buys the main product with the popup's code two days
    // later (a shop export through the importer), and a lift is planted for the rest of the arms.
    const csv = join(SHOTS, 'work', 'onsite-orders.csv');
    mkdirSync(join(SHOTS, 'work'), { recursive: true });
    const [phone] = await demo.engine.query<{ phone: string }>(
      sql('SELECT phone FROM customers WHERE customer_id = $1', [who], ['string']),
    );
    const at = toKst(new Date(demo.now.getTime() + 2 * 86_400_000));
    const day = `${at.year}-${String(at.month).padStart(2, '0')}-${String(at.day).padStart(2, '0')} 14:00:00`;
    writeFileSync(
      csv,
      `판매채널,주문번호,주문일시,구매자연락처,상품코드,수량,결제액,쿠폰코드,주문상태\ncafe24,ONSITE-1,${day},${phone?.phone},${MAIN},1,27000,${coupon?.code},결제완료\n`,
    );
    const imported = await importFile(demo.engine, { path: csv, source: 'orders', now: demo.now });
    expect(imported.status).toBe('imported');
    await plantExperiment(demo.engine, {
      campaignId: CAMPAIGN,
      via: 'importer',
      workDir: join(SHOTS, 'work'),
      now: demo.now,
      baselineRate: 0.1,
      effects: { main: 1.0 },
      windowDays: 7,
      seed: 606,
    });

    // The report, as the marketer reads it in the dashboard.
    await loginThroughPage(page, demo.server.url, demo.owner);
    await page.goto(`${demo.server.url}/#/campaigns`);
    await page.getByTestId(`campaign-${CAMPAIGN}`).click();
    const funnel = page.getByTestId('campaign-funnel');
    await funnel.waitFor();
    await page.getByTestId('campaign-verdict').waitFor();
    await page.screenshot({ path: join(SHOTS, 'onsite-report.png'), fullPage: true });
    const res = await page.request.get(`${demo.server.url}/api/campaigns/${CAMPAIGN}/report`);
    expect(res.status()).toBe(200);
    const report = (await res.json()) as {
      funnel: {
        arm: string;
        targeted: number;
        heldOut: number;
        delivered: number;
        opened: number;
        clicked: number;
        converted: number;
      }[];
      extras: { arm: string; couponsIssued: number; couponsRedeemed: number; couponRevenue: number }[];
    };
    const main = report.funnel.find((f) => f.arm === 'main');
    const hold = report.funnel.find((f) => f.arm === 'holdout');
    expect(main?.targeted).toBe(targeted.length);
    expect(hold?.heldOut).toBe(held.length);
    expect(main?.delivered).toBe(2);
    expect(main?.opened).toBe(2);
    expect(main?.clicked).toBe(1);
    expect(main?.converted).toBeGreaterThanOrEqual(1);
    const extras = report.extras.find((x) => x.arm === 'main');
    expect(extras?.couponsIssued).toBe(targeted.length);
    expect(extras?.couponsRedeemed).toBeGreaterThanOrEqual(1);
    const [used] = await demo.engine.query<{ n: number }>(
      sql(
        'SELECT count(*) AS n FROM coupon_redemptions WHERE campaign_id = $1 AND code = $2 AND valid',
        [CAMPAIGN, coupon?.code],
        ['string', 'string'],
      ),
    );
    expect(Number(used?.n)).toBe(1);
    console.log(JSON.stringify({ funnel: report.funnel, extras: report.extras }));
  }, 180_000);
});
