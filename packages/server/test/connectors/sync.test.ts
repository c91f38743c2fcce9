import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { beginCafe24, completeCafe24, connectSmartstore, disconnect } from '../../src/connectors/connect.ts';
import { findConnection, readCursors } from '../../src/connectors/connection-store.ts';
import {
  CAFE24_WEBHOOK_HEADER,
  type LocalCafe24,
  signCafe24Webhook,
  startLocalCafe24,
} from '../../src/connectors/local-shops/local-cafe24.ts';
import { type LocalNaver, startLocalNaver } from '../../src/connectors/local-shops/local-naver.ts';
import {
  cafe24Order,
  kstIso,
  naverProductOrder,
  seedCafe24,
  seedNaver,
} from '../../src/connectors/local-shops/seed-shops.ts';
import { createSecretBox } from '../../src/connectors/secret-box.ts';
import { DEFAULT_SHOP_HTTP } from '../../src/connectors/shop-fetch.ts';
import { syncConnection } from '../../src/connectors/sync-run.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { type EngineKind, openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { createApp } from '../../src/http/create-app.ts';

const NOW = Date.parse('2026-12-07T03:00:00Z');
const HOUR = 3600_000;
let clock = NOW;
let engine: Engine;
let cafe24: LocalCafe24;
let naver: LocalNaver;
const box = createSecretBox('test-runtime-secret-0123456789');
const http = { ...DEFAULT_SHOP_HTTP, sleep: async () => undefined, backoffMs: 1 };
const deps = () => ({ engine, box, http, now: new Date(clock) });
const NAVER_SECRET = '$2a$04$XRkBhFNBXdNClAqPoDs.Iu';

// Every case runs on each engine: the same local shop servers, the same figures (decision 0019).
const ENGINES: EngineKind[] = ['duckdb', 'chdb'];
let kind: EngineKind = 'duckdb';

beforeEach(async () => {
  clock = NOW;
  engine = await openMemoryWarehouse(kind);
  cafe24 = await startLocalCafe24({
    mallId: 'dalbitmall',
    clientId: 'cid-123',
    clientSecret: 'csecret-456',
    serviceKey: 'svc-789',
    now: () => clock,
  });
  naver = await startLocalNaver({ clientId: 'naver-app-1', clientSecret: NAVER_SECRET, now: () => clock, pageSize: 2 });
  seedCafe24(cafe24, NOW);
  seedNaver(naver, NOW);
});
afterEach(async () => {
  await cafe24.close();
  await naver.close();
  await engine.close();
});

const count = async (sql: string): Promise<number> => Number((await engine.query<{ n: number }>(sql))[0]?.n ?? 0);

/** The browser's part of the OAuth flow: the consent page, the 동의함 form, the redirect. */
async function approveInBrowser(authorizeUrl: string): Promise<URL> {
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const fields = Object.fromEntries(
    [...html.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]?.replace(/&#38;/g, '&')]),
  );
  const res = await fetch(`${cafe24.url}/api/v2/oauth/authorize/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields as Record<string, string>).toString(),
    redirect: 'manual',
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '');
}

async function connectCafe24(): Promise<string> {
  const begun = await beginCafe24(deps(), {
    mallId: 'dalbitmall',
    clientId: 'cid-123',
    clientSecret: 'csecret-456',
    serviceKey: 'svc-789',
    apiBase: cafe24.url,
    redirectUri: 'http://127.0.0.1:9/api/connectors/cafe24/callback',
  });
  const back = await approveInBrowser(begun.authorizeUrl);
  await completeCafe24(deps(), {
    state: back.searchParams.get('state') ?? '',
    code: back.searchParams.get('code') ?? '',
  });
  return begun.connectionId;
}

for (const k of ENGINES)
  describe(k, () => {
    beforeAll(() => {
      kind = k;
    });

    describe('Cafe24 connector against the local Admin API', () => {
      it('connects by OAuth (state checked, secrets sealed), syncs, then fetches only what changed', async () => {
        const wrong = await beginCafe24(deps(), {
          mallId: 'dalbitmall',
          clientId: 'cid-123',
          clientSecret: 'csecret-456',
          apiBase: cafe24.url,
          redirectUri: 'http://127.0.0.1:9/cb',
        });
        const back = await approveInBrowser(wrong.authorizeUrl);
        await expect(
          completeCafe24(deps(), { state: 'forged', code: back.searchParams.get('code') ?? '' }),
        ).rejects.toMatchObject({ code: 'CONNECTOR_STATE_MISMATCH' });

        const id = await connectCafe24();
        const stored = JSON.stringify(await engine.query('SELECT * FROM connections'));
        expect(stored).not.toContain('csecret-456');
        expect(stored).not.toContain('svc-789');
        expect((await findConnection(engine, id))?.status).toBe('connected');

        const first = await syncConnection(deps(), id, { trigger: 'cli' });
        expect(first.status).toBe('ok');
        // One coupon and its two issues (one used) count as 3 coupon records.
        expect(first.rows).toEqual({ products: 3, customers: 4, orders: 3, coupons: 3 });
        expect(await count("SELECT count(*) AS n FROM orders WHERE channel = 'cafe24'")).toBe(3);
        // The grade is the shop's group name, as the export shows it, not the group number.
        expect(
          await engine.query(
            "SELECT c.grade FROM customers c JOIN identities i USING (customer_id) WHERE i.kind = 'member' AND i.value = 'cafe24:yuna_c'",
          ),
        ).toEqual([{ grade: 'VIP' }]);
        // A member who also ordered keeps the grade: the order rows of the same member carry no grade,
        // and an empty field of a newer record does not erase the stored one.
        expect(
          await engine.query(
            "SELECT c.grade FROM customers c JOIN identities i USING (customer_id) WHERE i.kind = 'member' AND i.value = 'cafe24:minji22'",
          ),
        ).toEqual([{ grade: '일반회원' }]);
        const issued = await engine.query<{ customer_id: string | null }>(
          'SELECT i.member_id, i.used, i.customer_id, c.coupon_name, c.benefit_amount FROM shop_coupon_issues i JOIN shop_coupons c USING (connection_id, coupon_no) ORDER BY i.member_id',
        );
        expect(issued.map(({ customer_id, ...r }) => ({ ...r, known: customer_id !== null }))).toEqual([
          {
            member_id: 'cafe24:minji22',
            used: false,
            known: true,
            coupon_name: '신규가입 3,000원 할인',
            benefit_amount: 3000,
          },
          {
            member_id: 'cafe24:sora01',
            used: true,
            known: true,
            coupon_name: '신규가입 3,000원 할인',
            benefit_amount: 3000,
          },
        ]);
        expect(
          cafe24.calls.some((c) => /^\/api\/v2\/admin\/coupons\/\d+\/issues$/.test(c.path) && c.status === 200),
        ).toBe(true);
        expect(await count("SELECT count(*) AS n FROM consents WHERE channel = 'sms' AND granted")).toBe(3);
        expect(cafe24.calls.every((c) => c.version === '2025-09-01')).toBe(true);

        clock = NOW + HOUR;
        cafe24.orders.push(
          cafe24Order({
            id: '20261207-0000050',
            member: 'yuna_c',
            name: '최유나',
            phone: '010-2345-6784',
            at: NOW + 30 * 60_000,
            items: [{ code: 'P0000BAA', name: '수분 크림', qty: 1, price: 32000, status: 'N00' }],
          }),
        );
        const returned = cafe24.orders.find((o) => o.order_id === '20261112-0000032') as unknown as {
          items: { order_status: string }[];
          updated_date: string;
        };
        for (const item of returned.items) item.order_status = 'R40';
        returned.updated_date = kstIso(NOW + 40 * 60_000);
        // The unused coupon is used now: the issue read again carries it (the list has no "changed since").
        const unused = cafe24.issues.find((i) => i.member_id === 'minji22') as Record<string, unknown>;
        unused.used_coupon = 'T';
        unused.used_date = kstIso(NOW + 35 * 60_000);
        const second = await syncConnection(deps(), id, { trigger: 'cli' });
        expect(second.rows).toEqual({ products: 0, customers: 0, orders: 2, coupons: 1 });
        expect(await count('SELECT count(*) AS n FROM shop_coupon_issues WHERE used')).toBe(2);
        const third = await syncConnection(deps(), id, { trigger: 'cli' });
        expect(third.rows).toEqual({ products: 0, customers: 0, orders: 0, coupons: 0 });
        expect(await count("SELECT count(*) AS n FROM orders WHERE channel = 'cafe24'")).toBe(4);
        expect(
          await count(
            "SELECT count(*) AS n FROM orders WHERE order_id = 'cafe24:20261112-0000032' AND status = 'returned'",
          ),
        ).toBe(1);
      });

      it('waits out 429s, renews a token that expired mid-sync, and resumes an interrupted sync losing nothing', async () => {
        const id = await connectCafe24();
        for (let i = 0; i < 130; i++)
          cafe24.customers.push({
            ...cafe24.customers[0],
            member_id: `bulk${i}`,
            cellphone: `010-7000-${String(1000 + i)}`,
            updated_date: kstIso(NOW - 2 * HOUR + i * 1000),
          } as never);
        cafe24.throttle(2);
        const withLimits = await syncConnection(deps(), id, { trigger: 'cli' });
        expect(withLimits.status).toBe('ok');
        expect(cafe24.calls.filter((c) => c.status === 429)).toHaveLength(2);

        // A new page of members, the token expires, then the shop stays throttled past the retries.
        clock = NOW + HOUR;
        for (let i = 0; i < 150; i++)
          cafe24.customers.push({
            ...cafe24.customers[0],
            member_id: `late${i}`,
            cellphone: `010-7100-${String(1000 + i)}`,
            updated_date: kstIso(NOW + 10 * 60_000 + i * 1000),
          } as never);
        cafe24.expireAccessTokens();
        const calls = cafe24.calls.length;
        let served = 0;
        const failing = {
          ...http,
          maxRetries: 1,
          fetch: (async (input, init) => {
            const res = await fetch(input, init);
            if (String(input).includes('/admin/customers') && res.status === 200 && ++served === 2) cafe24.throttle(5);
            return res;
          }) as typeof fetch,
        };
        const interrupted = await syncConnection({ ...deps(), http: failing }, id, { trigger: 'cli' });
        expect(interrupted.status).toBe('failed');
        expect(interrupted.error?.code).toBe('CONNECTOR_RATE_LIMITED');
        expect(cafe24.calls.slice(calls).some((c) => c.status === 401)).toBe(true);
        const cursor = (await readCursors(engine, id)).get('customers')?.cursor as { since: string };
        expect(Date.parse(cursor.since)).toBeGreaterThan(NOW);

        cafe24.throttle(0);
        const resumed = await syncConnection(deps(), id, { trigger: 'cli' });
        expect(resumed.status).toBe('ok');
        expect(
          await count("SELECT count(*) AS n FROM identities WHERE kind = 'member' AND value LIKE 'cafe24:late%'"),
        ).toBe(150);
        expect(
          await count("SELECT count(*) AS n FROM identities WHERE kind = 'member' AND value LIKE 'cafe24:bulk%'"),
        ).toBe(130);
      });

      it('accepts a webhook only with the service key signature, then syncs that mall', async () => {
        const id = await connectCafe24();
        const app = createApp({ engine, now: () => new Date(clock), log: () => {}, connectors: { box, http } });
        const body = JSON.stringify({
          event_no: 90023,
          resource: { mall_id: 'dalbitmall', order_id: '20261101-0000011' },
        });
        const post = (signature: string) =>
          app.request('/api/connectors/cafe24/webhook', {
            method: 'POST',
            headers: { 'content-type': 'application/json', [CAFE24_WEBHOOK_HEADER]: signature },
            body,
          });
        expect((await post(signCafe24Webhook('wrong-key', body))).status).toBe(401);
        expect((await post('')).status).toBe(401);
        const ok = await post(signCafe24Webhook('svc-789', body));
        expect(ok.status).toBe(202);
        // The sync it started runs on; the next call joins it and returns its result.
        const run = await syncConnection(deps(), id, { trigger: 'cli' });
        expect(run.status).toBe('ok');
        expect(await count("SELECT count(*) AS n FROM orders WHERE channel = 'cafe24'")).toBe(3);
      });

      it('disconnect revokes both tokens at the shop and forgets the connection', async () => {
        const id = await connectCafe24();
        const r = await disconnect(deps(), id);
        expect(r.revoked).toBe(true);
        expect(cafe24.revoked).toHaveLength(2);
        expect(await findConnection(engine, id)).toBeUndefined();
      });
    });

    describe('SmartStore connector against the local Commerce API', () => {
      it('refuses a wrong secret, signs with bcrypt, pages changes, and never keeps a 050 number as contact', async () => {
        await expect(
          connectSmartstore(deps(), {
            clientId: 'naver-app-1',
            clientSecret: '$2a$04$AAAAAAAAAAAAAAAAAAAAAu',
            apiBase: naver.url,
          }),
        ).rejects.toMatchObject({ code: 'CONNECTOR_AUTH_FAILED' });
        const conn = await connectSmartstore(deps(), {
          clientId: 'naver-app-1',
          clientSecret: NAVER_SECRET,
          apiBase: naver.url,
        });
        const first = await syncConnection(deps(), conn.connectionId, { trigger: 'cli' });
        expect(first.status).toBe('ok');
        expect(await count("SELECT count(*) AS n FROM order_items WHERE channel = 'smartstore'")).toBe(3);
        expect(await count("SELECT count(*) AS n FROM customers WHERE phone LIKE '+8250%'")).toBe(0);
        expect(await count("SELECT count(*) AS n FROM identities WHERE value LIKE '+82508%' AND NOT mergeable")).toBe(
          1,
        );

        clock = NOW + HOUR;
        const po = naver.productOrders.find((p) => p.productOrder.productOrderId === '2026112510000202');
        if (po) {
          po.productOrder.productOrderStatus = 'CANCELED';
          po.lastChangedType = 'CLAIM_COMPLETED';
          po.lastChangedDate = kstIso(NOW + 20 * 60_000);
        }
        naver.productOrders.push(
          naverProductOrder({
            orderId: '2026120710000003',
            productOrderId: '2026120710000301',
            at: NOW + 30 * 60_000,
            name: '윤슬',
            tel: '010-3456-7003',
            recipientTel: '010-3456-7003',
            productId: '8800000002',
            product: '비타민 세럼',
            price: 28000,
          }),
        );
        naver.expireTokens();
        const before = naver.calls.length;
        const second = await syncConnection(deps(), conn.connectionId, { trigger: 'cli' });
        expect(second.status).toBe('ok');
        // The changed line, its known sibling (kept with the order) and the new order.
        expect(second.rows).toEqual({ product_orders: 3 });
        expect(naver.calls.slice(before).some((c) => c.status === 401)).toBe(true);
        expect(await count("SELECT count(*) AS n FROM order_items WHERE channel = 'smartstore'")).toBe(4);
        expect(
          await count(
            "SELECT count(*) AS n FROM order_items WHERE line_id = 'smartstore:2026112510000202' AND status = 'cancelled'",
          ),
        ).toBe(1);
      });
    });
  });
