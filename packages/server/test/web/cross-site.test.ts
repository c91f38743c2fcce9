import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDashboardBuilt } from '../../src/http/ensure-dashboard.ts';
import { type DemoServer, startDemoServer } from '../http/demo-server.ts';
import { loginInBrowser } from '../support/auth.ts';
import { launchChromium } from './browser.ts';

/** Screenshots to look at: $TMPDIR/dalbit-cross-site-shots. */
const SHOTS = join(tmpdir(), 'dalbit-cross-site-shots');

let demo: DemoServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let evil: Server;
let evilUrl: string;
let customerId: string;

const DEFINITION = { version: 1, root: { kind: 'orders', measure: 'count', op: 'gte', value: 1 } };

/** The attacker's pages, on another port of the same machine (same site, other origin: the session cookie goes along). */
function attackerPages(target: string, id: string): Record<string, string> {
  const segment = (name: string) => JSON.stringify({ name, definition: DEFINITION });
  return {
    '/fetch': `<!doctype html><meta charset="utf-8"><h1>You won a prize!</h1><p id="s">…</p><script>
      fetch(${JSON.stringify(`${target}/api/segments`)}, { method: 'POST', mode: 'no-cors', credentials: 'include',
        headers: { 'content-type': 'text/plain' }, body: ${JSON.stringify(segment('csrf-fetch'))} })
        .then(() => { document.getElementById('s').textContent = 'sent'; },
              (e) => { document.getElementById('s').textContent = 'failed ' + e; });
    </script>`,
    '/form': `<!doctype html><meta charset="utf-8"><form id="f" method="POST" enctype="text/plain"
      action=${JSON.stringify(`${target}/api/segments`)}></form><script>
      // text/plain form encoding sends name=value: the name carries the JSON, the value closes it.
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = ${JSON.stringify(`${segment('csrf-form').slice(0, -1)},"x":"`)};
      input.value = '"}';
      document.getElementById('f').appendChild(input);
      document.getElementById('f').submit();
    </script>`,
    '/img': `<!doctype html><meta charset="utf-8"><h1>Photo</h1><img id="i"
      src=${JSON.stringify(`${target}/api/customers/${id}?unmask=true&reason=x`)}
      onload="document.title='loaded'" onerror="document.title='error'">`,
  };
}

beforeAll(async () => {
  await ensureDashboardBuilt();
  mkdirSync(SHOTS, { recursive: true });
  demo = await startDemoServer({ customers: 150 });
  const [c] = await demo.engine.query<{ customer_id: string }>(
    'SELECT customer_id FROM customers WHERE phone IS NOT NULL ORDER BY customer_id LIMIT 1',
  );
  if (!c) throw new Error('no customer with a phone');
  customerId = c.customer_id;
  const pages = attackerPages(demo.server.url, customerId);
  evil = createServer((req, res) => {
    res.writeHead(pages[req.url ?? ''] ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(pages[req.url ?? ''] ?? 'not found');
  });
  await new Promise<void>((done) => evil.listen(0, '127.0.0.1', done));
  evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
  browser = await launchChromium();
  page = await browser.context.newPage();
  await loginInBrowser(page, demo.server.url, demo.owner);
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (evil ? evil.close(() => done()) : done()));
  await demo?.stop();
});

const count = async (sql: string): Promise<number> =>
  Number((await demo.engine.query<{ n: bigint | number }>(sql))[0]?.n ?? 0);
const csrfSegments = () => count("SELECT count(*) AS n FROM segments WHERE name LIKE 'csrf-%'");
const accessLog = () => count('SELECT count(*) AS n FROM access_log');

/**
 * What Dalbit answered to requests for `path` while `run` ran, and whether the browser sent the
 * session cookie. Read from the DevTools protocol: the page itself never sees these answers
 * (Cross-Origin-Resource-Policy blocks them), and neither do Playwright's response events.
 */
async function answersTo(path: string, run: () => Promise<unknown>): Promise<{ status: number; cookie: boolean }[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const ours = new Set<string>();
  const cookie = new Map<string, boolean>();
  const status = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.startsWith(`${demo.server.url}${path}`)) ours.add(e.requestId);
  });
  cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
    cookie.set(
      e.requestId,
      Object.entries(e.headers).some(([k, v]) => k.toLowerCase() === 'cookie' && String(v).includes('dalbit_session=')),
    );
  });
  cdp.on('Network.responseReceivedExtraInfo', (e) => {
    status.set(e.requestId, e.statusCode);
  });
  await run();
  await expect.poll(() => [...ours].every((id) => status.has(id) && cookie.has(id))).toBe(true);
  await cdp.detach();
  return [...ours].map((id) => ({ status: status.get(id) ?? 0, cookie: cookie.get(id) ?? false }));
}

describe('another origin in the same browser (Chromium)', () => {
  it('cannot create a segment with a text/plain fetch, though the browser sends the session cookie', async () => {
    const answers = await answersTo('/api/segments', async () => {
      await page.goto(`${evilUrl}/fetch`);
      // The request goes out; its answer is blocked from the page (fetch rejects), which is fine either way.
      await page.getByText(/^(sent|failed)/).waitFor();
    });
    expect(answers).toEqual([{ status: 403, cookie: true }]);
    await page.screenshot({ path: join(SHOTS, 'attacker-fetch.png') });
    expect(await csrfSegments()).toBe(0);
  });

  it('cannot create a segment with a form POST', async () => {
    const answers = await answersTo('/api/segments', async () => {
      await page.goto(`${evilUrl}/form`);
      await page.waitForURL(`${demo.server.url}/api/segments`);
    });
    expect(answers).toEqual([{ status: 403, cookie: true }]);
    expect(await page.textContent('body')).toMatch(/CROSS_SITE/);
    await page.screenshot({ path: join(SHOTS, 'attacker-form.png') });
    expect(await csrfSegments()).toBe(0);
  });

  it('cannot unmask a customer with an <img> GET, and no access-log entry is written', async () => {
    const before = await accessLog();
    const answers = await answersTo(`/api/customers/${customerId}`, async () => {
      await page.goto(`${evilUrl}/img`);
      await page.waitForFunction("document.title === 'loaded' || document.title === 'error'");
    });
    // A GET is read-only and masked whatever its query says; the image never decodes.
    expect(answers.map((a) => a.status)).toEqual([200]);
    expect(await page.title()).toBe('error');
    await page.screenshot({ path: join(SHOTS, 'attacker-img.png') });
    expect(await accessLog()).toBe(before);
  });
});

describe('the dashboard under its Content-Security-Policy', () => {
  it('runs with no CSP violation and still saves a segment with a same-origin JSON POST', async () => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${demo.server.url}/`);
    await page.getByTestId('kpi-customers').waitFor();
    await page.screenshot({ path: join(SHOTS, 'dashboard-home.png') });
    await page.goto(`${demo.server.url}/#/segments`);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(SHOTS, 'dashboard-segments.png') });
    expect(violations).toEqual([]);

    const status = await page.evaluate(async (definition) => {
      const res = await fetch('/api/segments', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'csrf-control-same-origin', definition }),
      });
      return res.status;
    }, DEFINITION);
    expect(status).toBe(201);
    expect(await csrfSegments()).toBe(1);
  });
});
