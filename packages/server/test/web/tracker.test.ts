import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../../src/channels/webhook/sign-webhook.ts';
import { sql } from '../../src/engines/engine.ts';
import { type DemoServer, startDemoServer } from '../http/demo-server.ts';
import { launchChromium } from './browser.ts';

/** A shop on another origin: a second loopback HTTP server whose page loads the tracker from the Dalbit server. */
let SHOP = '';
let shop: Server;

let demo: DemoServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

beforeAll(async () => {
  demo = await startDemoServer({ customers: 300, eventsPerCustomer: 1 });
  browser = await launchChromium();
  page = await browser.context.newPage();
  shop = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><title>달빛 스토어</title>
      <script>window.dalbit = window.dalbit || []; dalbit.push(['productView', 'P0000001', { price: 18000 }]);</script>
      <script src="${demo.server.url}/tracker.js" data-key="${demo.siteKeys.writeKey}"></script></head><body><h1>shop</h1></body></html>`);
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  SHOP = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  shop?.closeAllConnections();
  await new Promise((resolve) => shop?.close(resolve));
  await demo?.stop();
});

async function eventsOf(
  anon: string,
): Promise<{ type: string; customer_id: string | null; product_id: string | null; utm_source: string | null }[]> {
  return demo.engine.query(
    sql(
      'SELECT type, customer_id, product_id, utm_source FROM events WHERE anonymous_id = $1 ORDER BY occurred_at, type',
      [anon],
      ['string'],
    ),
  );
}

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('tracker snippet in Chromium against the real server', () => {
  it('sends page, product, cart and search events cross-origin with the write key, beacons on leave, and attributes only after the shop’s signed identify', async () => {
    const [c] = await demo.engine.query<{ customer_id: string; phone: string }>(
      'SELECT customer_id, phone FROM customers WHERE phone IS NOT NULL ORDER BY customer_id LIMIT 1',
    );
    if (!c) throw new Error('fixture has no customer with a phone');
    await page.goto(`${SHOP}/products/P0000001?utm_source=kakao&utm_medium=message&utm_campaign=winter`);
    const anon = await page.evaluate(() =>
      (globalThis as unknown as { dalbit: { anonymousId(): string } }).dalbit.anonymousId(),
    );
    expect(anon).toMatch(/^[0-9a-f-]{36}$/);
    await page.evaluate(() => {
      const d = (globalThis as unknown as { dalbit: Record<string, (...a: unknown[]) => unknown> }).dalbit;
      d.addToCart?.('P0000001', { qty: 1 });
      d.search?.('수분 크림');
    });
    // No explicit flush: leaving the page must deliver the queue (sendBeacon on pagehide).
    await page.goto('about:blank');
    const first = await eventually(
      () => eventsOf(anon),
      (rows) => rows.length >= 4,
    );
    expect(first.map((r) => r.type).sort()).toEqual(['add_to_cart', 'page_view', 'product_view', 'search']);
    expect(first.every((r) => r.utm_source === 'kakao')).toBe(true);
    expect(first.every((r) => r.customer_id === null)).toBe(true);

    await page.goto(`${SHOP}/login`);
    expect(
      await page.evaluate(() => (globalThis as unknown as { dalbit: { anonymousId(): string } }).dalbit.anonymousId()),
    ).toBe(anon);
    await page.evaluate((phone) => {
      (globalThis as unknown as { dalbit: { identify(w: { phone: string }): void } }).dalbit.identify({ phone });
    }, c.phone);
    // The browser's identify is only a claim: stored, never attributed.
    const claimed = await eventually(
      () => eventsOf(anon),
      (rows) => rows.some((r) => r.type === 'identify'),
    );
    expect(claimed.map((r) => r.type)).toContain('identify');
    expect(claimed.every((r) => r.customer_id === null)).toBe(true);
    // Polled: the test reads the server's one connection, possibly while its write is in flight.
    const claims = await eventually(
      () =>
        demo.engine.query<{ kind: string; value: string }>(
          sql('SELECT kind, value FROM identity_claims WHERE anonymous_id = $1', [anon], ['string']),
        ),
      (rows) => rows.length > 0,
    );
    expect(claims).toEqual([{ kind: 'phone', value: c.phone }]);
    expect((await eventsOf(anon)).every((r) => r.customer_id === null)).toBe(true);

    // The shop's server, which knows who logged in, vouches for the visitor with its secret key.
    const body = JSON.stringify({ events: [{ anonymous_id: anon, phone: c.phone }] });
    const res = await fetch(`${demo.server.url}/api/identify`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'dalbit-signature': signWebhook({ secret: demo.siteKeys.secretKey, body, at: demo.now }),
      },
      body,
    });
    expect(res.status).toBe(202);
    const after = await eventsOf(anon);
    expect(after.length).toBeGreaterThanOrEqual(6);
    expect(after.every((r) => r.customer_id === c.customer_id)).toBe(true);
  });
});
