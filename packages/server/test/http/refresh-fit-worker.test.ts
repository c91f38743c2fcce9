import { toKstDay } from '@dalbit/core/time/kst';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeWarehouseClv } from '../../src/analytics/clv/warehouse-clv.ts';
import { openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { refreshWarehouse } from '../../src/jobs/refresh-warehouse.ts';
import { fitsRunning } from '../../src/workers/run-fit.ts';
import { authHeaders } from '../support/auth.ts';
import { type DemoServer, startDemoServer } from './demo-server.ts';

// Issue 12 item 6: the refresh's model fits (CLV, traits, related products) are CPU-bound
// JavaScript. On the event loop they froze every request until they ended (5k customers: stats
// p95 3.97 s, a live count 85 s during the refresh). They run in the fit worker now, so requests
// are answered WHILE a fit computes. Ordering only: which answers arrived while a fit was running.

let demo: DemoServer;
let headers: Record<string, string>;

beforeAll(async () => {
  demo = await startDemoServer({ customers: 1500, eventsPerCustomer: 2, seed: 1 });
  headers = await authHeaders(demo.engine, 'analyst');
}, 300_000);

afterAll(async () => {
  await demo?.stop();
});

const COUNT = { definition: { version: 1, root: { kind: 'orders', measure: 'count', op: 'gte', value: 1 } } };

describe('model fits run off the event loop', () => {
  it('answers /api/stats and a live count while the refresh is fitting its models', async () => {
    let done = false;
    const refresh = refreshWarehouse(demo.engine, { asOfDay: toKstDay(demo.now), clock: () => 0 }).finally(() => {
      done = true;
    });
    const answeredDuringFit: string[] = [];
    while (!done) {
      if (fitsRunning() === 0) {
        await new Promise((r) => setImmediate(r));
        continue;
      }
      const stats = await fetch(`${demo.server.url}/api/stats`, { headers });
      expect(stats.status).toBe(200);
      if (fitsRunning() > 0) answeredDuringFit.push('stats');
      const count = await fetch(`${demo.server.url}/api/segments/count`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(COUNT),
      });
      expect(count.status).toBe(200);
      if (fitsRunning() > 0) answeredDuringFit.push('count');
    }
    const steps = await refresh;
    expect(steps.filter((s) => !s.ok)).toEqual([]);
    // Answers arrived while a fit was still computing: the fits no longer hold the event loop.
    expect(answeredDuringFit).toContain('stats');
    expect(answeredDuringFit).toContain('count');
    expect(fitsRunning()).toBe(0);
  });

  it('brings a fit failure back from the worker as the same coded error', async () => {
    const empty = await openMemoryWarehouse();
    try {
      await expect(computeWarehouseClv(empty, toKstDay(demo.now))).rejects.toMatchObject({
        name: 'ClvError',
        code: 'NO_CUSTOMERS',
        kind: 'unprocessable',
      });
    } finally {
      await empty.close();
    }
  });
});
