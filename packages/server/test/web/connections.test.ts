import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCafe24, startLocalCafe24 } from '../../src/connectors/local-shops/local-cafe24.ts';
import { type LocalNaver, startLocalNaver } from '../../src/connectors/local-shops/local-naver.ts';
import { cafe24Order, seedCafe24, seedNaver } from '../../src/connectors/local-shops/seed-shops.ts';
import { createSecretBox } from '../../src/connectors/secret-box.ts';
import { DEFAULT_SHOP_HTTP } from '../../src/connectors/shop-fetch.ts';
import { ensureDashboardBuilt } from '../../src/http/ensure-dashboard.ts';
import { importFile } from '../../src/importers/import-file.ts';
import { type DemoServer, startDemoServer } from '../http/demo-server.ts';
import { launchChromium } from './browser.ts';
import { loginThroughPage } from './login-page.ts';

process.env.DALBIT_SHOTS ??= '/tmp/shots/connectors';
const { shoot } = await import('./shots.ts');

let demo: DemoServer;
let cafe24: LocalCafe24;
let naver: LocalNaver;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let now: number; // the demo's clock, shared by Dalbit and both local shops
const NAVER_SECRET = '$2a$04$dqVRQvyZ./Bu0m4BDZh6eu';
const HOUR = 3600_000;

beforeAll(async () => {
  await ensureDashboardBuilt();
  demo = await startDemoServer({
    customers: 300,
    eventsPerCustomer: 4,
    seed: 1,
    connectors: { box: createSecretBox('chromium-test-runtime-secret'), http: { ...DEFAULT_SHOP_HTTP, backoffMs: 20 } },
  });
  now = demo.now.getTime();
  cafe24 = await startLocalCafe24({
    mallId: 'dalbitmall',
    clientId: 'cafe24-app',
    clientSecret: 'cafe24-secret-1',
    serviceKey: 'svc-key-1',
    now: () => now,
  });
  naver = await startLocalNaver({ clientId: 'naver-app', clientSecret: NAVER_SECRET, now: () => now, pageSize: 2 });
  seedCafe24(cafe24, now);
  seedNaver(naver, now);
  browser = await launchChromium();
  page = await browser.context.newPage();
  await loginThroughPage(page, demo.server.url, demo.owner);
});
afterAll(async () => {
  await browser?.close();
  await cafe24?.close();
  await naver?.close();
  await demo?.stop();
});

const count = async (sql: string): Promise<number> => Number((await demo.engine.query<{ n: number }>(sql))[0]?.n ?? 0);

async function card(id: string) {
  const c = page.getByTestId(`connection-${id}`);
  await c.waitFor();
  return c;
}

async function syncNow(id: string, expectText = '동기화 완료'): Promise<Record<string, number>> {
  const c = await card(id);
  // A sync refreshes the audience features afterwards: give it time on a busy machine.
  const answer = page.waitForResponse((r) => r.url().endsWith(`/api/connectors/${encodeURIComponent(id)}/sync`), {
    timeout: 150_000,
  });
  await c.getByRole('button', { name: '지금 동기화' }).click();
  const body = (await (await answer).json()) as { status: string; rows: Record<string, number> };
  expect(body.status).toBe('ok');
  await page.getByTestId('toast').filter({ hasText: expectText }).first().waitFor();
  return body.rows;
}

/** The cart-abandonment audience's size as of `asOf`, through the API the segment builder uses. */
async function cartAbandoners(asOf: Date): Promise<number> {
  return page.evaluate(`(async () => {
    const post = (p, b) => fetch(p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) }).then((r) => r.json());
    const { definition } = await post('/api/recipes/cart-abandonment/build', { params: { hours: 72 } });
    return (await post('/api/segments/count', { definition, asOf: '${asOf.toISOString()}' })).count;
  })()`) as Promise<number>;
}

describe('shop connections from the dashboard in Chromium', () => {
  it('connects Cafe24 by OAuth (consent page on the shop), pulls members and orders, then only what changed', async () => {
    // Started from the settings page, as a marketer looks for it there first.
    await page.goto(`${demo.server.url}/#/settings`);
    await page.getByTestId('settings-connections-link').click();
    await page.getByText('아직 연결된 쇼핑몰이 없습니다.').waitFor();
    expect(page.url()).toContain('#/connections');
    const form = page.getByTestId('cafe24-form');
    await form.getByLabel('쇼핑몰 ID (mall_id)').fill('dalbitmall');
    await form.getByLabel('클라이언트 ID').fill('cafe24-app');
    await form.getByLabel('클라이언트 시크릿').fill('cafe24-secret-1');
    await form.getByLabel('서비스 키 (웹훅 서명)').fill('svc-key-1');
    await form.getByLabel('API 주소 (비우면 기본값)').fill(cafe24.url);
    await form.getByLabel('자동 동기화 주기').selectOption({ label: '30분마다' });
    await shoot(page, '01-connect-form');
    await form.getByRole('button', { name: '연결하기' }).click();
    await page.getByRole('button', { name: '동의함' }).waitFor();
    expect(page.url()).toContain(`${cafe24.url}/api/v2/oauth/authorize`);
    await shoot(page, '02-cafe24-consent');
    await page.getByRole('button', { name: '동의함' }).click();
    const c = await card('cafe24:dalbitmall');
    expect(await c.getByTestId('connection-status').textContent()).toBe('연결됨');
    expect(await page.content()).not.toContain('cafe24-secret-1');
    // The interval chosen on the form is stored and shown; the run after a sync is that far ahead.
    expect(await c.getByTestId('interval').textContent()).toBe('30분마다');
    expect(await count("SELECT interval_minutes AS n FROM connections WHERE connection_id = 'cafe24:dalbitmall'")).toBe(
      30,
    );

    const before = await count("SELECT count(*) AS n FROM orders WHERE order_id LIKE 'cafe24:2026%'");
    // Coupons: one coupon and its two issues to members.
    expect(await syncNow('cafe24:dalbitmall')).toEqual({ products: 3, customers: 4, orders: 3, coupons: 3 });
    const [times] = await demo.engine.query<{ last: Date; next: Date }>(
      "SELECT last_sync_at AS last, next_run_at AS next FROM connections WHERE connection_id = 'cafe24:dalbitmall'",
    );
    expect((times?.next.getTime() ?? 0) - (times?.last.getTime() ?? 0)).toBe(30 * 60_000);
    expect(
      await count(
        "SELECT count(*) AS n FROM orders WHERE order_id IN ('cafe24:20261101-0000011','cafe24:20261112-0000032','cafe24:20261120-0000007')",
      ),
    ).toBe(3);
    await c.getByTestId('rows').getByText('주문 3').waitFor();
    await c.getByTestId('rows').getByText('쿠폰 3').waitFor();
    await shoot(page, '03-cafe24-synced');

    // Nothing new at the shop: a sentence that says so, with the time and zero counts.
    expect(await syncNow('cafe24:dalbitmall', '새 데이터 없음')).toEqual({
      products: 0,
      customers: 0,
      orders: 0,
      coupons: 0,
    });
    const toast = await page.getByTestId('toast').filter({ hasText: '새 데이터 없음' }).first().textContent();
    expect(toast).toMatch(/^동기화 완료 \(.*\d{2}:\d{2}.*\): 새 데이터 없음 \(상품 0 · 회원 0 · 주문 0 · 쿠폰 0\)/);
    await shoot(page, '03b-nothing-new');

    // The member's grade is the shop's group name (VIP), on the customer page.
    const [vip] = await demo.engine.query<{ customer_id: string }>(
      "SELECT customer_id FROM identities WHERE kind = 'member' AND value = 'cafe24:yuna_c'",
    );
    await page.goto(`${demo.server.url}/#/customers/${encodeURIComponent(vip?.customer_id ?? '')}`);
    await page.getByText('VIP', { exact: true }).waitFor();
    await shoot(page, '03c-grade-name');
    await page.goto(`${demo.server.url}/#/connections`);

    // The shop and Dalbit share the demo's clock: a new order just before it.
    cafe24.orders.push(
      cafe24Order({
        id: '20261207-0000090',
        member: 'sora01',
        name: '김소라',
        phone: '010-2345-6781',
        at: now - 20 * 60_000,
        items: [{ code: 'P0000BAB', name: '비타민 세럼', qty: 1, price: 28000, status: 'N10' }],
      }),
    );
    expect(await syncNow('cafe24:dalbitmall')).toEqual({ products: 0, customers: 0, orders: 1, coupons: 0 });
    expect(await count("SELECT count(*) AS n FROM orders WHERE order_id LIKE 'cafe24:2026%'")).toBe(before + 4);
  });

  it('connects SmartStore (bcrypt-signed token) and pulls product orders; a wrong secret is refused in Korean', async () => {
    const form = page.getByTestId('smartstore-form');
    await form.getByLabel('클라이언트 ID').fill('naver-app');
    await form.getByLabel('클라이언트 시크릿').fill('$2a$04$AAAAAAAAAAAAAAAAAAAAAu');
    await form.getByLabel('API 주소 (비우면 기본값)').fill(naver.url);
    await form.getByLabel('자동 동기화 주기').selectOption({ label: '1시간마다' });
    await form.getByRole('button', { name: '연결하기' }).click();
    await page.getByText('쇼핑몰 인증에 실패했습니다').first().waitFor();
    await shoot(page, '04-smartstore-refused');
    await form.getByLabel('클라이언트 시크릿').fill(NAVER_SECRET);
    await form.getByRole('button', { name: '연결하기' }).click();
    expect(await (await card('smartstore:naver-app')).getByTestId('interval').textContent()).toBe('1시간마다');
    expect(await syncNow('smartstore:naver-app')).toEqual({ product_orders: 3 });
    expect(await count("SELECT count(*) AS n FROM customers WHERE phone LIKE '+8250%'")).toBe(0);
    await (await card('smartstore:naver-app')).getByTestId('rows').getByText('상품주문 3').waitFor();
    await card('cafe24:dalbitmall');
    await shoot(page, '05-both-connected');
  });

  it('an uploaded export of the same Cafe24 orders adds nothing', async () => {
    const header =
      '주문번호,품목별 주문번호,주문일시,주문자명,주문자 휴대전화,주문자 이메일,회원아이디,상품코드,상품명,옵션정보,수량,판매가,할인금액,실결제금액,주문경로,주문상태';
    const lines = cafe24.orders.flatMap((o) => {
      const order = o as unknown as {
        order_id: string;
        order_date: string;
        member_id: string;
        buyer: { name: string; cellphone: string; email: string };
        items: {
          order_item_code: string;
          product_code: string;
          product_name: string;
          quantity: number;
          product_price: string;
          payment_amount: string;
          order_status: string;
        }[];
      };
      const at = new Date(Date.parse(order.order_date) + 9 * HOUR).toISOString().slice(0, 19).replace('T', ' ');
      return order.items.map((i) =>
        [
          order.order_id,
          i.order_item_code,
          at,
          order.buyer.name,
          order.buyer.cellphone,
          order.buyer.email,
          order.member_id,
          i.product_code,
          i.product_name,
          '',
          i.quantity,
          i.product_price,
          0,
          i.payment_amount,
          'cafe24',
          i.order_status,
        ].join(','),
      );
    });
    const path = join(tmpdir(), `cafe24-orders-${process.pid}.csv`);
    writeFileSync(path, [header, ...lines].join('\n'));
    const orders = await count('SELECT count(*) AS n FROM orders');
    const items = await count('SELECT count(*) AS n FROM order_items');
    const customers = await count('SELECT count(*) AS n FROM customers');
    const r = await importFile(demo.engine, { path, source: 'cafe24_orders', now: demo.now });
    expect(r.status).toBe('imported');
    expect(r.orders).toBe(4);
    expect(await count('SELECT count(*) AS n FROM orders')).toBe(orders);
    expect(await count('SELECT count(*) AS n FROM order_items')).toBe(items);
    expect(await count('SELECT count(*) AS n FROM customers')).toBe(customers);
  });

  it('a cart-abandonment audience drops a shopper whose order on the shop arrives with one sync', async () => {
    // A demo shopper with a Cafe24 login who added to cart recently and has not bought since.
    const [shopper] = await demo.engine.query<{ customer_id: string; member: string; at: Date }>(
      `SELECT e.customer_id, max(i.value) AS member, max(e.occurred_at) AS at FROM events e
       JOIN identities i ON i.customer_id = e.customer_id AND i.kind = 'member' AND i.value LIKE 'cafe24:%'
       WHERE e.type = 'add_to_cart' GROUP BY e.customer_id
       HAVING max(e.occurred_at) BETWEEN TIMESTAMP '${new Date(now - 60 * HOUR).toISOString().slice(0, 19)}' AND TIMESTAMP '${new Date(demo.now.getTime() - HOUR).toISOString().slice(0, 19)}'
          AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = e.customer_id AND o.ordered_at >= max(e.occurred_at))
       ORDER BY 1 LIMIT 1`,
    );
    if (!shopper) throw new Error('the demo has no recent cart without an order');
    const reminderAt = new Date(shopper.at.getTime() + 72 * HOUR + 60_000);
    const inAudience = await cartAbandoners(reminderAt);
    expect(inAudience).toBeGreaterThan(0);
    const member = shopper.member.replace(/^cafe24:/, '');
    cafe24.orders.push(
      cafe24Order({
        id: '20261207-0000123',
        member,
        name: '구매자',
        phone: '010-9999-0000',
        at: now - 5 * 60_000,
        items: [{ code: 'P0000BAA', name: '수분 크림', qty: 1, price: 32000, status: 'N00' }],
      }),
    );
    expect(await syncNow('cafe24:dalbitmall')).toEqual({ products: 0, customers: 0, orders: 1, coupons: 0 });
    expect(
      await count(
        `SELECT count(*) AS n FROM orders WHERE order_id = 'cafe24:20261207-0000123' AND customer_id = '${shopper.customer_id}'`,
      ),
    ).toBe(1);
    expect(await cartAbandoners(reminderAt)).toBe(inAudience - 1);
    await shoot(page, '06-after-order-sync');
  });

  it('disconnects: tokens revoked at the shop, the card goes', async () => {
    const c = await card('cafe24:dalbitmall');
    await c.getByRole('button', { name: '연결 해제' }).click();
    await c.getByTestId('confirm-disconnect').click();
    await page.getByTestId('connection-cafe24:dalbitmall').waitFor({ state: 'detached' });
    expect(cafe24.revoked.length).toBe(2);
    await shoot(page, '07-disconnected');
  });
});
