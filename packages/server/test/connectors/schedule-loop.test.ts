import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { beginCafe24, completeCafe24 } from '../../src/connectors/connect.ts';
import { type LocalCafe24, startLocalCafe24 } from '../../src/connectors/local-shops/local-cafe24.ts';
import { cafe24Order, seedCafe24 } from '../../src/connectors/local-shops/seed-shops.ts';
import { createSecretBox } from '../../src/connectors/secret-box.ts';
import { DEFAULT_SHOP_HTTP } from '../../src/connectors/shop-fetch.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { type EngineKind, openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import type { PassEvent } from '../../src/runtime/run-loop.ts';
import { createRuntime } from '../../src/runtime/start-runtime.ts';
import { createManualClock, waitFor } from '../runtime/manual-clock.ts';
import { POLICY } from '../runtime/runtime-fixture.ts';

// The connector loop of `dalbit serve` on a manual clock: the loop checks every minute, and a
// connection syncs when its own interval has passed since its last run (never before).

const START = new Date('2026-12-07T03:00:00Z');
const MINUTE = 60_000;
let engine: Engine;
let cafe24: LocalCafe24;
/** A new clock at START for each test: the engines' runs must not continue each other's time. */
let clock = createManualClock(START);
const box = createSecretBox('schedule-loop-test-secret');
const http = { ...DEFAULT_SHOP_HTTP, sleep: async () => undefined, backoffMs: 1 };

/** The same loop on each engine. */
const ENGINES: EngineKind[] = ['duckdb', 'chdb'];
let kind: EngineKind = 'duckdb';

beforeEach(async () => {
  clock = createManualClock(START);
  engine = await openMemoryWarehouse(kind);
  cafe24 = await startLocalCafe24({
    mallId: 'dalbitmall',
    clientId: 'cid',
    clientSecret: 'csecret',
    serviceKey: 'svc',
    now: () => clock.now().getTime(),
  });
  seedCafe24(cafe24, clock.now().getTime());
});
afterEach(async () => {
  await cafe24.close();
  await engine.close();
});

async function connect(intervalMinutes: number): Promise<void> {
  const deps = { engine, box, http, now: clock.now() };
  const begun = await beginCafe24(deps, {
    mallId: 'dalbitmall',
    clientId: 'cid',
    clientSecret: 'csecret',
    apiBase: cafe24.url,
    redirectUri: 'http://127.0.0.1:8787/api/connectors/cafe24/callback',
    intervalMinutes,
  });
  const html = await (await fetch(begun.authorizeUrl)).text();
  const fields = Object.fromEntries([...html.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const res = await fetch(`${cafe24.url}/api/v2/oauth/authorize/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields as Record<string, string>).toString(),
    redirect: 'manual',
  });
  const back = new URL(res.headers.get('location') ?? '');
  await completeCafe24(deps, {
    state: back.searchParams.get('state') ?? '',
    code: back.searchParams.get('code') ?? '',
  });
}

const runs = () =>
  engine.query<{ trigger: string; status: string; rows: string }>(
    "SELECT trigger, status, CAST(rows AS VARCHAR) AS rows FROM connector_runs WHERE status <> 'running' ORDER BY started_at",
  );

for (const k of ENGINES)
  describe(k, () => {
    beforeAll(() => {
      kind = k;
    });
    describe(`${k}: serve's connector loop`, () => {
      it('syncs a due connection at once, then again only when its interval has passed', async () => {
        await connect(3);
        const passes: PassEvent[] = [];
        const lines: string[] = [];
        const rt = createRuntime({
          engine,
          clock,
          log: (l) => lines.push(l),
          lang: 'ko',
          policy: POLICY,
          connectors: { checkMs: MINUTE, deps: { box, http } },
          onPass: (e) => passes.push(e),
        });
        rt.start();
        /** Moves the clock one check interval on and waits for the loop's pass at that instant. */
        const tick = async () => {
          await waitFor(() => (clock.sleepers() > 0 ? true : undefined));
          const n = passes.length;
          clock.advance(MINUTE);
          await waitFor(() => (passes.length > n ? true : undefined), 60_000);
        };
        try {
          // The first pass runs at once: the new connection is due.
          await waitFor(() => (passes.length > 0 ? true : undefined), 60_000);
          expect((await runs()).map((r) => r.trigger)).toEqual(['schedule']);
          expect(lines.join('\n')).toContain(
            '[connectors] cafe24:dalbitmall: 상품 3 · 회원 4 · 주문 3 · 쿠폰 3 가져옴',
          );

          cafe24.orders.push(
            cafe24Order({
              id: '20261207-0000201',
              member: 'sora01',
              name: '김소라',
              phone: '010-2345-6781',
              at: clock.now().getTime() + 30_000,
              items: [{ code: 'P0000BAB', name: '비타민 세럼', qty: 1, price: 28000, status: 'N10' }],
            }),
          );
          // Minutes 1 and 2: the loop checks, the connection is not due yet.
          await tick();
          await tick();
          expect(passes.every((p) => p.ok)).toBe(true);
          expect(await runs()).toHaveLength(1);
          // Minute 3: its interval has passed; the order placed meanwhile arrives.
          await tick();
          const after = await runs();
          expect(after).toHaveLength(2);
          expect(JSON.parse(after[1]?.rows ?? '{}')).toEqual({ products: 0, customers: 0, orders: 1, coupons: 0 });
          const [next] = await engine.query<{ next: Date }>('SELECT next_run_at AS next FROM connections');
          expect(next?.next.getTime()).toBe(START.getTime() + 6 * MINUTE);
        } finally {
          await rt.stop();
        }
      });
    });
  });
