import { translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import { loadEffectivePolicy } from '../campaigns/load-effective-policy.ts';
import type { Engine } from '../engines/engine.ts';
import { SYSTEM_CLOCK } from '../runtime/runtime-clock.ts';
import { createRuntime, type EmbeddedRuntime } from '../runtime/start-runtime.ts';
import { beginCafe24, type ConnectDeps, completeCafe24, connectSmartstore } from './connect.ts';
import type { ConnectorDeps } from './connector-deps.ts';
import { type LocalCafe24, startLocalCafe24 } from './local-shops/local-cafe24.ts';
import { type LocalNaver, startLocalNaver } from './local-shops/local-naver.ts';
import { cafe24Order, seedCafe24, seedNaver } from './local-shops/seed-shops.ts';
import { syncLine } from './sync-lines.ts';
import { syncAll } from './sync-run.ts';

/**
 * `dalbit demo --connectors`: the local Cafe24 and SmartStore protocol servers (the same ones the
 * tests run against: OAuth with state and Basic auth, bcrypt-signed tokens, pages, call limits)
 * with a few members and orders, both connected through their real flows, synced once, and a
 * new order placed on the Cafe24 mall every interval so the next scheduled sync brings it.
 * Demo credentials only: nothing here is a real shop.
 */
export const DEMO_SHOPS = {
  mallId: 'dalbitdemo',
  cafe24ClientId: 'demo-cafe24-app',
  cafe24Secret: 'demo-cafe24-secret',
  serviceKey: 'demo-service-key',
  naverClientId: 'demo-naver-app',
  naverSecret: '$2a$04$ZGFsYml0ZGVtb3NhbHQxMe',
  intervalMinutes: 5,
} as const;

export interface DemoShops {
  readonly cafe24: LocalCafe24;
  readonly naver: LocalNaver;
  /** What to tell the person running the demo (already in their language): shops and first sync. */
  readonly lines: readonly string[];
  /** While serving: the new orders and the scheduled sync to watch for. */
  readonly live: string;
  close(): Promise<void>;
}

/** The browser's part of Cafe24's consent: the 동의함 form posted, the redirect's code and state. */
async function approveOnShop(shop: LocalCafe24, authorizeUrl: string): Promise<{ code: string; state: string }> {
  const html = await (await fetch(authorizeUrl)).text();
  const fields = Object.fromEntries(
    [...html.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], (m[2] ?? '').replace(/&#38;/g, '&')]),
  );
  const res = await fetch(`${shop.url}/api/v2/oauth/authorize/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields as Record<string, string>).toString(),
    redirect: 'manual',
  });
  await res.arrayBuffer();
  const back = new URL(res.headers.get('location') ?? 'http://invalid/');
  return { code: back.searchParams.get('code') ?? '', state: back.searchParams.get('state') ?? '' };
}

export async function startDemoShops(
  engine: Engine,
  o: ConnectorDeps & { lang: Lang; serverOrigin: string },
): Promise<DemoShops> {
  const d = DEMO_SHOPS;
  const cafe24 = await startLocalCafe24({
    mallId: d.mallId,
    clientId: d.cafe24ClientId,
    clientSecret: d.cafe24Secret,
    serviceKey: d.serviceKey,
  });
  const naver = await startLocalNaver({ clientId: d.naverClientId, clientSecret: d.naverSecret });
  const now = Date.now();
  seedCafe24(cafe24, now);
  seedNaver(naver, now);
  const deps = (): ConnectDeps => ({ engine, box: o.box, http: o.http, now: new Date() });
  const begun = await beginCafe24(deps(), {
    mallId: d.mallId,
    clientId: d.cafe24ClientId,
    clientSecret: d.cafe24Secret,
    serviceKey: d.serviceKey,
    apiBase: cafe24.url,
    redirectUri: `${o.serverOrigin}/api/connectors/cafe24/callback`,
    intervalMinutes: d.intervalMinutes,
  });
  await completeCafe24(deps(), await approveOnShop(cafe24, begun.authorizeUrl));
  await connectSmartstore(deps(), {
    clientId: d.naverClientId,
    clientSecret: d.naverSecret,
    apiBase: naver.url,
    intervalMinutes: d.intervalMinutes,
  });
  const results = await syncAll(deps(), { trigger: 'manual' });
  const ticker = placeOrders(engine, cafe24, d.intervalMinutes * 60_000);
  const t = (key: Parameters<typeof translate>[1], p: Record<string, string | number>) => translate(o.lang, key, p);
  return {
    cafe24,
    naver,
    lines: [
      t('connectors.demo.shops', { cafe24: cafe24.url, naver: naver.url }),
      ...results.map((r) => syncLine(o.lang, r)),
    ],
    live: t('connectors.demo.live', { n: d.intervalMinutes }),
    async close() {
      clearInterval(ticker);
      await cafe24.close();
      await naver.close();
    },
  };
}

/**
 * The demo mall's shoppers: every `everyMs` one of the demo brand's Cafe24 members (from the
 * warehouse) buys, so the scheduled sync has an order to bring and audiences move.
 */
function placeOrders(engine: Engine, shop: LocalCafe24, everyMs: number): NodeJS.Timeout {
  let n = 0;
  const timer = setInterval(() => {
    n++;
    void engine
      .query<{ value: string }>(
        `SELECT value FROM identities WHERE kind = 'member' AND value LIKE 'cafe24:%' ORDER BY value LIMIT 1 OFFSET ${n * 7}`,
      )
      .then(([m]) => {
        const at = Date.now();
        const day = new Date(at + 9 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
        shop.orders.push(
          cafe24Order({
            id: `${day}-${String(900000 + n)}`,
            member: m?.value.replace(/^cafe24:/, '') ?? 'sora01',
            name: '데모 구매자',
            phone: `010-5555-${String(1000 + (n % 9000))}`,
            at,
            items: [{ code: 'P0000BAB', name: '비타민 세럼', qty: 1, price: 28000, status: 'N10' }],
          }),
        );
      })
      .catch(() => undefined);
  }, everyMs);
  timer.unref();
  return timer;
}

/** The demo server's background work: only the connector loop (checks every minute which shop is due). */
export async function demoConnectorsRuntime(
  engine: Engine,
  o: ConnectorDeps & { dataDir: string; lang: Lang; log: (line: string) => void },
): Promise<EmbeddedRuntime> {
  const { policy } = await loadEffectivePolicy(engine, { dataDir: o.dataDir });
  return createRuntime({
    engine,
    clock: SYSTEM_CLOCK,
    log: o.log,
    lang: o.lang,
    policy,
    connectors: { checkMs: 60_000, deps: { box: o.box, http: o.http } },
  });
}
