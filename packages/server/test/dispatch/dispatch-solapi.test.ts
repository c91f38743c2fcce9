import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSolapiAdapters } from '../../src/channels/solapi/solapi-adapter.ts';
import { applyOptOuts } from '../../src/consent/apply-opt-outs.ts';
import { type AdapterRegistry, routeFor } from '../../src/dispatch/adapter-registry.ts';
import { dispatchOnce } from '../../src/dispatch/dispatcher.ts';
import type { Engine } from '../../src/engines/engine.ts';
import type { EngineKind } from '../../src/engines/open-engine.ts';
import { createReceiptsApp } from '../../src/http/receipts-app.ts';
import { type SolapiGateway, startSolapiGateway } from '../support/solapi-gateway.ts';
import {
  eventsOf,
  messageRows,
  openTempWarehouse,
  PF_ID,
  phoneFor,
  SENDER,
  seedMessages,
  serveApp,
  smsMessage,
  TEMPLATE,
  TEMPLATE_TEXT,
} from './outbox-fixture.ts';

let wh: Awaited<ReturnType<typeof openTempWarehouse>>;
let engine: Engine;
let raw: Engine;
let gateway: SolapiGateway;
let receipts: Awaited<ReturnType<typeof serveApp>>;
const adapters: AdapterRegistry = {};
const T0 = Date.parse('2026-05-04T03:00:00Z'); // 12:00 KST: ads are held at night
let t = T0;
const now = () => new Date(t);
const backoff = { baseMs: 1000, maxMs: 60_000, maxAttempts: 3 };

const opts = () => ({ adapters, now, workerId: 'test', backoff });

for (const kind of ['duckdb', 'chdb'] as EngineKind[])
  describe(`${kind}: dispatcher → Solapi gateway`, () => {
    beforeAll(async () => {
      t = T0;
      wh = await openTempWarehouse(kind);
      raw = wh.engine;
      engine = raw;
      receipts = await serveApp(
        createReceiptsApp({ engine: raw, adapters, now, secrets: { solapiToken: 'report-token' } }),
      );
      gateway = await startSolapiGateway({
        apiKey: 'KEY',
        apiSecret: 'SECRET',
        senderNumbers: [SENDER],
        pfIds: [PF_ID],
        templates: { [TEMPLATE]: TEMPLATE_TEXT },
        receiptUrl: `${receipts.url}/receipts/solapi?token=report-token`,
        outcomes: { [phoneFor(7)]: '1020' },
      });
      const solapi = createSolapiAdapters({ apiKey: 'KEY', apiSecret: 'SECRET', baseUrl: gateway.url });
      // No rate limit here: this file drives a fake clock, and a token bucket would wait on it.
      const { ratePerSecond: _unlimited, ...route } = routeFor(solapi.sms);
      adapters.sms = route;
    });

    afterAll(async () => {
      await gateway?.close();
      await receipts?.close();
      await wh?.cleanup();
    });

    it('sends every due message once, records provider ids, leaves future and blocked rows alone, and applies delivery reports', async () => {
      await seedMessages(
        engine,
        [
          ...Array.from({ length: 30 }, (_, i) => ({ key: `a:${String(i).padStart(3, '0')}`, message: smsMessage(i) })),
          { key: 'a:later', message: smsMessage(100), status: 'deferred', dueAt: new Date(t + 3600_000) },
          { key: 'a:blocked', message: smsMessage(101), status: 'blocked' },
        ],
        now(),
      );
      const s = await dispatchOnce(raw, opts());
      expect(s).toMatchObject({ claimed: 30, accepted: 30, failed: 0, retried: 0 });
      expect(gateway.requests).toHaveLength(1);
      expect(gateway.requests[0]?.body.messages.map((m) => m.customFields?.idempotencyKey).sort()).toEqual(
        Array.from({ length: 30 }, (_, i) => `a:${String(i).padStart(3, '0')}`),
      );
      let rows = await messageRows(engine);
      // delivery reports may already have moved it on
      expect(['accepted', 'at_carrier', 'delivered']).toContain(rows.get('a:000')?.status);
      expect(rows.get('a:000')).toMatchObject({ attempts: 1, provider: 'solapi' });
      expect(rows.get('a:000')?.accepted_at).toBeInstanceOf(Date);
      expect(rows.get('a:000')?.provider_message_id).toMatch(/^M4V/);
      expect(rows.get('a:later')?.status).toBe('deferred');
      expect(rows.get('a:blocked')?.status).toBe('blocked');
      expect((await dispatchOnce(raw, opts())).claimed).toBe(0);

      await gateway.settle();
      rows = await messageRows(engine);
      const a = [...rows.values()].filter((r) => r.idempotency_key.startsWith('a:0'));
      expect(a.filter((r) => r.status === 'delivered')).toHaveLength(29);
      expect(rows.get('a:007')).toMatchObject({ status: 'failed', reason: '1020' });
      expect(rows.get('a:000')?.delivered_at).toBeInstanceOf(Date);
      expect((await eventsOf(engine, 'a:000')).map((e) => `${e.source}:${e.status}`).sort()).toEqual([
        'dispatcher:accepted',
        'receipt:at_carrier',
        'receipt:delivered',
      ]);

      t += 3600_001;
      expect(await dispatchOnce(raw, opts())).toMatchObject({ claimed: 1, accepted: 1 });
    });

    it('retries 429 (honouring Retry-After) and 5xx with backoff, then succeeds on the same key', async () => {
      await seedMessages(engine, [{ key: 'b:1', message: smsMessage(200) }], now());
      gateway.failNext(429, 1);
      expect(await dispatchOnce(raw, opts())).toMatchObject({ claimed: 1, retried: 1 });
      let row = (await messageRows(engine)).get('b:1');
      expect(row).toMatchObject({ status: 'retry', attempts: 1, reason: 'RATE_LIMITED' });
      expect((row?.next_attempt_at?.getTime() ?? 0) - t).toBeGreaterThanOrEqual(2000); // Retry-After: 2
      expect((await dispatchOnce(raw, opts())).claimed).toBe(0); // not due yet

      t = (row?.next_attempt_at?.getTime() ?? t) + 1;
      gateway.failNext(503, 1);
      expect(await dispatchOnce(raw, opts())).toMatchObject({ claimed: 1, retried: 1 });
      row = (await messageRows(engine)).get('b:1');
      expect(row).toMatchObject({ status: 'retry', attempts: 2, reason: 'PROVIDER_DOWN' });

      t = (row?.next_attempt_at?.getTime() ?? t) + 1;
      expect(await dispatchOnce(raw, opts())).toMatchObject({ claimed: 1, accepted: 1 });
      row = (await messageRows(engine)).get('b:1');
      expect(row?.attempts).toBe(3);
      expect(['accepted', 'at_carrier', 'delivered']).toContain(row?.status);
      const sent = gateway.requests
        .flatMap((r) => r.body.messages)
        .filter((m) => m.customFields?.idempotencyKey === 'b:1');
      expect(sent).toHaveLength(1); // the two refused requests never reached acceptance
      expect((await eventsOf(engine, 'b:1')).map((e) => `${e.status}:${e.code ?? ''}`)).toEqual(
        expect.arrayContaining(['retry:RATE_LIMITED', 'retry:PROVIDER_DOWN', 'accepted:']),
      );
    });

    it('gives up after max attempts, and fails at once on non-retryable errors', async () => {
      await seedMessages(engine, [{ key: 'c:down', message: smsMessage(300) }], now());
      for (let i = 0; i < 3; i++) {
        gateway.failNext(500, 1);
        await dispatchOnce(raw, opts());
        t += 120_000;
      }
      await seedMessages(
        engine,
        [
          { key: 'c:badto', message: { ...smsMessage(301), to: '0101' } },
          { key: 'c:sender', message: { ...smsMessage(302), from: '0299999999' } },
          { key: 'c:garbage', message: {}, channel: 'sms' },
        ],
        now(),
      );
      expect(await dispatchOnce(raw, opts())).toMatchObject({ claimed: 3, failed: 3 });
      const rows = await messageRows(engine);
      expect(rows.get('c:down')).toMatchObject({ status: 'failed', attempts: 3, reason: 'PROVIDER_DOWN' });
      expect(rows.get('c:badto')).toMatchObject({ status: 'failed', attempts: 1, reason: 'BAD_RECIPIENT' });
      expect(rows.get('c:sender')).toMatchObject({ status: 'failed', reason: 'AUTH_FAILED' });
      expect(rows.get('c:garbage')).toMatchObject({ status: 'failed', reason: 'CONTENT_REJECTED' });
      expect(rows.get('c:down')?.failed_at).toBeInstanceOf(Date);
    });

    it('does not send an ad whose recipient opted out after it was planned', async () => {
      await seedMessages(
        engine,
        [
          { key: 'd:ad', message: smsMessage(400, 'ad') },
          { key: 'd:info', message: smsMessage(400, 'info') },
        ],
        now(),
      );
      await applyOptOuts(raw, [{ phone: phoneFor(400), at: now(), source: 'solapi' }], { now: now() });
      const before = gateway.requests.length;
      expect(await dispatchOnce(raw, opts())).toMatchObject({ claimed: 2, cancelled: 1, accepted: 1 });
      const rows = await messageRows(engine);
      expect(rows.get('d:ad')).toMatchObject({ status: 'cancelled', reason: 'OPTED_OUT' });
      expect(
        gateway.requests.slice(before).flatMap((r) => r.body.messages.map((m) => m.customFields?.idempotencyKey)),
      ).toEqual(['d:info']);
    });
  });
