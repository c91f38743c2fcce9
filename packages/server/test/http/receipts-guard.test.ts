import { request as httpRequest } from 'node:http';
import { findConsent, foldConsents } from '@dalbit/core/compliance/consent-state';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSolapiAdapters } from '../../src/channels/solapi/solapi-adapter.ts';
import { appendConsents, readConsentEvents } from '../../src/consent/consent-store.ts';
import { type AdapterRegistry, routeFor } from '../../src/dispatch/adapter-registry.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { createReceiptsApp } from '../../src/http/receipts-app.ts';
import { openTempWarehouse, SENDER, seedMessages, serveApp, smsMessage } from '../dispatch/outbox-fixture.ts';

const TOKEN = 'rcpt-7b0e2c9d41f84a3c9e5d';
const SENT_PHONE = '01010000005';
const SENT_E164 = '+821010000005';
const OTHER_PHONE = '01099998888';

let wh: Awaited<ReturnType<typeof openTempWarehouse>>;
let engine: Engine;
let receipts: Awaited<ReturnType<typeof serveApp>>;
let clock = new Date('2026-05-01T01:00:00Z');
const logs: string[] = [];

beforeAll(async () => {
  wh = await openTempWarehouse();
  engine = wh.engine;
  const adapters: AdapterRegistry = {
    sms: routeFor(createSolapiAdapters({ apiKey: 'K', apiSecret: 'S', baseUrl: 'http://127.0.0.1:9' }).sms),
  };
  receipts = await serveApp(
    createReceiptsApp({
      engine,
      adapters,
      now: () => clock,
      log: (l) => logs.push(l),
      secrets: { solapiToken: TOKEN },
    }),
  );
  const t0 = new Date('2026-05-01T00:00:00Z');
  await engine.insert(
    'customers',
    ['customer_id', 'name', 'phone', 'email', 'created_at', 'updated_at'],
    [
      ['c-sent', '김수신', SENT_E164, null, t0, t0],
      ['c-other', '이타인', '+821099998888', null, t0, t0],
    ],
  );
  for (const customerId of ['c-sent', 'c-other'])
    await appendConsents(engine, [
      { customerId, channel: 'sms', purpose: 'ad', granted: true, at: t0, source: 'signup', proof: 'form v1' },
    ]);
  // Dalbit sent one ad to SENT_PHONE through Solapi (provider message id M-5).
  await seedMessages(engine, [{ key: 'ad:5', message: smsMessage(5, 'ad'), customerId: 'c-sent' }], t0);
  await engine.query(
    "UPDATE messages SET status = 'accepted', provider = 'solapi', provider_message_id = 'M-5' WHERE idempotency_key = 'ad:5'",
  );
});
afterAll(async () => {
  await receipts?.close();
  await wh?.cleanup();
});

const report = (messageId: string, to: string, dateReceived: string) => ({
  messageId,
  to,
  from: SENDER,
  type: 'SMS',
  statusCode: '2061',
  statusMessage: '080 수신거부',
  dateReceived,
});
const post = (path: string, body: unknown) =>
  fetch(`${receipts.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const smsAd = async (customerId: string) =>
  findConsent(foldConsents(await readConsentEvents(engine, customerId)), 'sms', 'ad')?.granted;
const optOutRows = async () => engine.query<{ phone: string }>('SELECT phone FROM opt_outs ORDER BY phone');

describe('delivery reports and opt-outs from outside', () => {
  it('takes the token as a secret path segment, refuses a wrong one, and never logs it', async () => {
    const wrong = await post('/receipts/solapi/not-the-token', [report('M-5', SENT_PHONE, '2026-05-01 09:00:00')]);
    expect(wrong.status).toBe(401);
    const none = await post('/receipts/solapi', [report('M-5', SENT_PHONE, '2026-05-01 09:00:00')]);
    expect(none.status).toBe(401);
    expect(await optOutRows()).toEqual([]);
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('ignores and counts an opt-out for a number or message id Dalbit never sent to', async () => {
    const forged = await post(`/receipts/solapi/${TOKEN}`, [
      report('M-5', OTHER_PHONE, '2026-05-01 09:00:00'), // a real id, someone else's phone
      report('M-forged', SENT_PHONE, '2026-05-01 09:00:00'), // the right phone, an id we never got
    ]);
    expect(forged.status).toBe(200);
    expect(await forged.json()).toMatchObject({ ok: true, optOuts: 0, optOutsIgnored: 2 });
    expect(await optOutRows()).toEqual([]);
    expect(await smsAd('c-other')).toBe(true);
    expect(await smsAd('c-sent')).toBe(true);
    expect(logs.some((l) => /2 opt-out\(s\) match no message we sent/.test(l))).toBe(true);
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('dates a report from 2099 at the moment it arrived, so a later re-consent still wins', async () => {
    const res = await post(`/receipts/solapi/${TOKEN}`, [report('M-5', SENT_PHONE, '2099-01-01 00:00:00')]);
    expect(await res.json()).toMatchObject({ ok: true, optOuts: 1, optOutsIgnored: 0 });
    expect(await optOutRows()).toEqual([{ phone: SENT_E164 }]);
    expect(await smsAd('c-sent')).toBe(false);
    const withdrawal = (await readConsentEvents(engine, 'c-sent')).find((e) => !e.granted);
    expect(withdrawal?.at.toISOString()).toBe(clock.toISOString());

    // An hour later the customer agrees again, on the shop's form.
    clock = new Date(clock.getTime() + 3_600_000);
    await appendConsents(engine, [
      { customerId: 'c-sent', channel: 'sms', purpose: 'ad', granted: true, at: clock, source: 'signup', proof: 'v2' },
    ]);
    expect(await smsAd('c-sent')).toBe(true);
    const [row] = await engine.query<{ failed_at: Date | null }>(
      "SELECT failed_at FROM messages WHERE idempotency_key = 'ad:5'",
    );
    expect(row?.failed_at?.getTime()).toBeLessThanOrEqual(clock.getTime());
  });
});

/** Streams `total` bytes of a JSON-looking body in 64 KB chunks; resolves with the status (or the socket error). */
function streamBody(path: string, total: number): Promise<{ status: number | string; sent: number }> {
  const url = new URL(receipts.url);
  return new Promise((resolve) => {
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'POST' }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, sent });
      req.destroy();
    });
    req.on('error', (e) => resolve({ status: e.message, sent }));
    req.setHeader('content-type', 'application/json');
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    req.write('[');
    pump();
  });
}

describe('bodies', () => {
  it('refuses a 300 MB report without buffering it: 401 before reading, 413 at 1 MB, memory flat', async () => {
    const total = 300 * 1024 * 1024;
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    try {
      const anonymous = await streamBody('/receipts/solapi/wrong-token', total);
      expect(anonymous.status).toBe(401);
      const authed = await streamBody(`/receipts/solapi/${TOKEN}`, total);
      expect(authed.status).toBe(413);
      expect(authed.sent).toBeLessThan(total);
    } finally {
      clearInterval(sample);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect((peak - before) / 1024 / 1024).toBeLessThan(100);

    const declared = await fetch(`${receipts.url}/receipts/solapi/${TOKEN}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `[${' '.repeat(1024 * 1024 + 10)}]`,
    });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
