import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSolapiAdapters } from '../../src/channels/solapi/solapi-adapter.ts';
import { routeFor } from '../../src/dispatch/adapter-registry.ts';
import { backoffDelayMs, DEFAULT_BACKOFF } from '../../src/dispatch/backoff.ts';
import { dispatchOnce } from '../../src/dispatch/dispatcher.ts';
import { RateLimiter } from '../../src/dispatch/rate-limiter.ts';
import { type SolapiGateway, startSolapiGateway } from '../support/solapi-gateway.ts';
import { startCountingProxy } from './counting-proxy.ts';
import { messageRows, openTempWarehouse, PF_ID, SENDER, seedMessages, smsMessage } from './outbox-fixture.ts';

describe('backoff and token bucket (pure)', () => {
  it('backoff doubles, stays within [half, full] of the step, is reproducible per key and honours Retry-After', () => {
    const p = { baseMs: 1000, maxMs: 60_000, maxAttempts: 8 };
    for (let attempt = 1; attempt <= 8; attempt++) {
      const full = Math.min(60_000, 1000 * 2 ** (attempt - 1));
      const d = backoffDelayMs({ attempt, seed: 'k1', policy: p });
      expect(d).toBeGreaterThanOrEqual(full / 2);
      expect(d).toBeLessThanOrEqual(full);
      expect(backoffDelayMs({ attempt, seed: 'k1', policy: p })).toBe(d);
    }
    const spread = new Set(
      Array.from({ length: 50 }, (_, i) => backoffDelayMs({ attempt: 3, seed: `k${i}`, policy: p })),
    );
    expect(spread.size).toBeGreaterThan(40); // keys do not retry in lockstep
    expect(backoffDelayMs({ attempt: 1, seed: 'k', policy: DEFAULT_BACKOFF, retryAfterMs: 90_000 })).toBe(90_000);
  });

  it('a bucket of 10/s with burst 5 lets through 5 at once, then 10 per second, and stops for Retry-After', async () => {
    let t = 0;
    const l = new RateLimiter(
      10,
      5,
      () => new Date(t),
      async (ms) => {
        t += ms;
      },
    );
    const at: number[] = [];
    for (let i = 0; i < 25; i++) {
      await l.take(1);
      at.push(t);
    }
    expect(at.filter((x) => x === 0)).toHaveLength(5);
    expect(at[24]).toBe(2000); // 20 more at 10/s
    l.pauseFor(3000);
    await l.take(1);
    expect(t).toBeGreaterThanOrEqual(5000);
  });
});

describe('rate limit against the Solapi gateway (real clock)', () => {
  let wh: Awaited<ReturnType<typeof openTempWarehouse>>;
  let gateway: SolapiGateway;
  let proxy: Awaited<ReturnType<typeof startCountingProxy>>;
  beforeAll(async () => {
    wh = await openTempWarehouse();
    gateway = await startSolapiGateway({
      apiKey: 'KEY',
      apiSecret: 'SECRET',
      senderNumbers: [SENDER],
      pfIds: [PF_ID],
      templates: {},
    });
    proxy = await startCountingProxy(gateway.url);
  });
  afterAll(async () => {
    await proxy?.close();
    await gateway?.close();
    await wh?.cleanup();
  });

  it('never puts more than rate + burst messages into any one-second window, and waits out a 429', async () => {
    const RATE = 40;
    const BURST = 10;
    await seedMessages(
      wh.engine,
      Array.from({ length: 120 }, (_, i) => ({ key: `r:${String(i).padStart(3, '0')}`, message: smsMessage(i) })),
      new Date(),
    );
    const solapi = createSolapiAdapters({ apiKey: 'KEY', apiSecret: 'SECRET', baseUrl: proxy.url });
    const adapters = { sms: routeFor(solapi.sms, { ratePerSecond: RATE, batchSize: BURST }) };
    gateway.failNext(429, 1); // Retry-After: 2
    const backoff = { baseMs: 1, maxMs: 10, maxAttempts: 5 };
    let s = await dispatchOnce(wh.engine, { adapters, now: () => new Date(), workerId: 'rl', backoff });
    while ((await messageRows(wh.engine)).get('r:000')?.status === 'retry') {
      await new Promise((r) => setTimeout(r, 20));
      s = await dispatchOnce(wh.engine, { adapters, now: () => new Date(), workerId: 'rl', backoff });
    }
    expect(s.accepted).toBeGreaterThan(0);
    const rows = [...(await messageRows(wh.engine)).values()];
    expect(rows.filter((r) => r.status === 'accepted')).toHaveLength(120);

    const sent = proxy.requests
      .filter((r) => r.status === 200)
      .map((r) => ({ at: r.at, n: (r.body as { messages: unknown[] }).messages.length }));
    expect(sent.reduce((a, b) => a + b.n, 0)).toBe(120);
    for (const w of sent) {
      const inWindow = sent.filter((x) => x.at >= w.at && x.at < w.at + 1000).reduce((a, b) => a + b.n, 0);
      expect(inWindow).toBeLessThanOrEqual(RATE + BURST);
    }
    const refused = proxy.requests.find((r) => r.status === 429);
    expect(refused).toBeDefined();
    // nothing went to the gateway inside the Retry-After the 429 asked for (one process, one bucket)
    expect(proxy.requests.filter((r) => refused && r.at > refused.at && r.at < refused.at + 1900)).toHaveLength(0);
  }, 30_000);
});
