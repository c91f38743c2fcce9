import type { OutboundMessage } from '@dalbit/core/channels/outbound-message';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNhnAdapters } from '../../src/channels/nhn/nhn-adapter.ts';
import { type AdapterRegistry, routeFor } from '../../src/dispatch/adapter-registry.ts';
import { dispatchOnce } from '../../src/dispatch/dispatcher.ts';
import { type NhnGateway, startNhnGateway } from '../support/nhn-gateway.ts';
import {
  messageRows,
  openTempWarehouse,
  PF_ID,
  phoneFor,
  SENDER,
  seedMessages,
  TEMPLATE,
  TEMPLATE_TEXT,
} from './outbox-fixture.ts';

// NHN sends one request per SMS body (and per AlimTalk template). When one of those requests
// fails, the adapter returns that failure for its messages only (marked with the request), and
// the other requests' acceptances are kept.
let wh: Awaited<ReturnType<typeof openTempWarehouse>>;
let gateway: NhnGateway;
let nhn: ReturnType<typeof createNhnAdapters>;
const adapters: AdapterRegistry = {};
let t = Date.parse('2026-05-01T01:00:00Z');
const now = () => new Date(t);

beforeAll(async () => {
  wh = await openTempWarehouse();
  gateway = await startNhnGateway({
    alimtalkAppKey: 'AK',
    alimtalkSecretKey: 'AS',
    smsAppKey: 'SK',
    smsSecretKey: 'SS',
    senderKeys: [PF_ID],
    sendNumbers: [SENDER],
    templates: { [TEMPLATE]: TEMPLATE_TEXT },
    webhookSignature: 'hook-secret',
  });
  nhn = createNhnAdapters({ smsAppKey: 'SK', smsSecretKey: 'SS', smsBaseUrl: gateway.url });
  const { ratePerSecond: _unlimited, ...route } = routeFor(nhn.sms);
  adapters.sms = route;
});
afterAll(async () => {
  await gateway?.close();
  await wh?.cleanup();
});

const sms = (i: number, body: string): OutboundMessage<'sms'> => ({
  channel: 'sms',
  purpose: 'info',
  kind: 'SMS',
  to: phoneFor(i),
  from: SENDER,
  text: body,
});

describe('NHN: one failed request among several', () => {
  it('sendMany returns the failed request per message and keeps the other request accepted', async () => {
    gateway.failNext(503); // the first request (body "가") fails, the second ("나") goes through
    const results = await nhn.sms.sendMany([
      { msg: sms(1, '배송 안내 가'), idempotencyKey: 'x:1' },
      { msg: sms(2, '배송 안내 나'), idempotencyKey: 'x:2' },
      { msg: sms(3, '배송 안내 가'), idempotencyKey: 'x:3' },
    ]);
    expect(results.map((r) => [r.idempotencyKey, r.ok ? 'ok' : r.error.code])).toEqual([
      ['x:1', 'PROVIDER_DOWN'],
      ['x:2', 'ok'],
      ['x:3', 'PROVIDER_DOWN'],
    ]);
    const failed = results.filter((r) => !r.ok);
    expect(new Set(failed.map((r) => (r.ok ? '' : r.request)))).toEqual(new Set([expect.stringMatching(/#0$/)]));
  });

  it('the dispatcher records the accepted request and retries the failed one as a whole', async () => {
    await seedMessages(
      wh.engine,
      [1, 2, 3, 4].map((i) => ({ key: `d:${i}`, message: sms(10 + i, i % 2 ? '주문 안내 가' : '주문 안내 나') })),
      now(),
    );
    gateway.failNext(503);
    const s = await dispatchOnce(wh.engine, {
      adapters,
      now,
      workerId: 'w',
      backoff: { baseMs: 1000, maxMs: 60_000, maxAttempts: 3 },
    });
    expect(s).toMatchObject({ claimed: 4, accepted: 2, retried: 2, failed: 0 });
    const rows = await messageRows(wh.engine);
    expect(['d:1', 'd:2', 'd:3', 'd:4'].map((k) => rows.get(k)?.status)).toEqual([
      'retry',
      'accepted',
      'retry',
      'accepted',
    ]);
    // one request failed → one retry time for both of its messages, so they go out together again
    expect(rows.get('d:1')?.next_attempt_at?.getTime()).toBe(rows.get('d:3')?.next_attempt_at?.getTime());
    t = (rows.get('d:1')?.next_attempt_at?.getTime() ?? t) + 1;
    const before = gateway.requests.length;
    expect(await dispatchOnce(wh.engine, { adapters, now, workerId: 'w' })).toMatchObject({ claimed: 2, accepted: 2 });
    expect(gateway.requests.length - before).toBe(1);
  });
});
