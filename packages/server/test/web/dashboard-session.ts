import { toKstDay } from '@dalbit/core/time/kst';
import type { Page } from 'playwright-core';
import { ensureDashboardBuilt } from '../../src/http/ensure-dashboard.ts';
import { refreshWarehouse } from '../../src/jobs/refresh-warehouse.ts';
import { type DemoServer, startDemoServer } from '../http/demo-server.ts';
import { authHeaders } from '../support/auth.ts';
import { launchChromium } from './browser.ts';
import { loginThroughPage } from './login-page.ts';

/** A demo server, Chromium logged in as the demo's owner (by typing), and the owner's API token. */
export interface DashboardSession {
  readonly demo: DemoServer;
  readonly browser: Awaited<ReturnType<typeof launchChromium>>;
  readonly page: Page;
  readonly owner: { authorization: string };
  close(): Promise<void>;
}

/**
 * The setup of a dashboard test: the dashboard built, a demo brand served, every derived table
 * refreshed as of the demo's day (unless `refresh: false`), and a browser page logged in.
 * @example
 * let s: DashboardSession;
 * beforeAll(async () => { s = await openDashboard({ customers: 800 }); }, 400_000);
 * afterAll(() => s?.close());
 */
export async function openDashboard(opts: {
  customers: number;
  eventsPerCustomer?: number;
  seed?: number;
  refresh?: boolean;
}): Promise<DashboardSession> {
  await ensureDashboardBuilt();
  const { refresh = true, ...demoOpts } = opts;
  const demo = await startDemoServer(demoOpts);
  if (refresh) await refreshWarehouse(demo.engine, { asOfDay: toKstDay(demo.now), clock: () => 0 });
  const owner = await authHeaders(demo.engine, 'owner');
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  await loginThroughPage(page, demo.server.url, demo.owner);
  return {
    demo,
    browser,
    page,
    owner,
    async close() {
      await browser.close();
      await demo.stop();
    },
  };
}

/** The live size of a segment with this root, through the API as `auth` (the builder's count route). */
export async function countSegment(baseUrl: string, auth: { authorization: string }, root: unknown): Promise<number> {
  const res = await fetch(`${baseUrl}/api/segments/count`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ definition: { version: 1, root } }),
  });
  if (res.status !== 200) throw new Error(`segment count answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { count: number }).count;
}

/** Waits until the builder's live count shows `n`. */
export const liveCountIs = (page: Page, n: number): Promise<void> =>
  page.locator(`[data-testid="live-count"][data-count="${n}"]`).waitFor();
