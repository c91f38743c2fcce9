import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNhnAdapters } from '../../src/channels/nhn/nhn-adapter.ts';
import { type AdapterRegistry, routeFor } from '../../src/dispatch/adapter-registry.ts';
import { dispatchOnce } from '../../src/dispatch/dispatcher.ts';
import type { Engine } from '../../src/engines/engine.ts';
import type { EngineKind } from '../../src/engines/open-engine.ts';
import { updateRows } from '../../src/engines/update-rows.ts';
import { createReceiptsApp } from '../../src/http/receipts-app.ts';
import { type NhnGateway, startNhnGateway } from '../support/nhn-gateway.ts';
import {
  alimtalkMessage,
  eventsOf,
  messageRows,
  openTempWarehouse,
  PF_ID,
  phoneFor,
  SENDER,
  seedMessages,
  serveApp,
  TEMPLATE,
  TEMPLATE_TEXT,
} from './outbox-fixture.ts';

let wh: Awaited<ReturnType<typeof openTempWarehouse>>;
let raw: Engine;
let engine: Engine;
let gateway: NhnGateway;
let receipts: Awaited<ReturnType<typeof serveApp>>;
const adapters: AdapterRegistry = {};
const now = () => new Date();

const smsKeys = () =>
  gateway.requests
    .filter((r) => r.path.includes('/sms/'))
    .flatMap((r) =>
      (r.body as { recipientList: { recipientGroupingKey?: string }[] }).recipientList.map(
        (x) => x.recipientGroupingKey ?? '',
      ),
    );

for (const kind of ['duckdb', 'chdb'] as EngineKind[])
  describe(`${kind}: Kakao → SMS fallback and delivery reports`, () => {
    beforeAll(async () => {
      wh = await openTempWarehouse(kind);
      raw = wh.engine;
      engine = raw;
      receipts = await serveApp(
        createReceiptsApp({ engine: raw, adapters, now, secrets: { nhnWebhookSignature: 'hook-secret' } }),
      );
      gateway = await startNhnGateway({
        alimtalkAppKey: 'AK',
        alimtalkSecretKey: 'AS',
        smsAppKey: 'SK',
        smsSecretKey: 'SS',
        senderKeys: [PF_ID],
        sendNumbers: [SENDER],
        templates: { [TEMPLATE]: TEMPLATE_TEXT },
        receiptUrl: `${receipts.url}/receipts/nhn`,
        webhookSignature: 'hook-secret',
        kakaoOutcomes: { [phoneFor(1)]: '3018' },
      });
      const nhn = createNhnAdapters({
        alimtalkAppKey: 'AK',
        alimtalkSecretKey: 'AS',
        smsAppKey: 'SK',
        smsSecretKey: 'SS',
        alimtalkBaseUrl: gateway.url,
        smsBaseUrl: gateway.url,
      });
      adapters.kakao_alimtalk = routeFor(nhn.kakao_alimtalk);
      adapters.sms = routeFor(nhn.sms);
    });

    afterAll(async () => {
      await gateway?.close();
      await receipts?.close();
      await wh?.cleanup();
    });
    it('sends the SMS version exactly once when AlimTalk fails at send time or in the report', async () => {
      await seedMessages(
        engine,
        [
          { key: 'f:1', message: alimtalkMessage(1, true) },
          { key: 'f:2', message: alimtalkMessage(2, true) },
          { key: 'f:3', message: { ...alimtalkMessage(3, true), templateCode: 'NOT_APPROVED' } },
          { key: 'f:4', message: { ...alimtalkMessage(4, false), templateCode: 'NOT_APPROVED' } },
        ],
        now(),
      );
      // Kakao only in this pass (a full pass would send the queued fallbacks right away)
      const kakaoOnly: AdapterRegistry = {};
      if (adapters.kakao_alimtalk) kakaoOnly.kakao_alimtalk = adapters.kakao_alimtalk;
      const s = await dispatchOnce(raw, { adapters: kakaoOnly, now, workerId: 'fb' });
      expect(s).toMatchObject({ claimed: 4, accepted: 2, failed: 2, fallbacksQueued: 1 });
      // our fallback, not the provider's: the AlimTalk request asks NHN not to resend by itself
      const recipients = gateway.requests
        .filter((r) => r.path.includes('/alimtalk/'))
        .flatMap((r) => (r.body as { recipientList: { resendParameter?: { isResend: boolean } }[] }).recipientList);
      expect(recipients.every((r) => r.resendParameter?.isResend === false)).toBe(true);

      await gateway.settle();
      let rows = await messageRows(engine);
      expect(rows.get('f:1')).toMatchObject({ status: 'failed', reason: '3018' });
      expect(rows.get('f:2')?.status).toBe('delivered');
      expect(rows.get('f:3')).toMatchObject({ status: 'failed', reason: 'TEMPLATE_REJECTED' });
      expect(rows.get('f:4')).toMatchObject({ status: 'failed', reason: 'TEMPLATE_REJECTED' });
      expect(rows.get('f:1:fallback')).toMatchObject({ status: 'queued', channel: 'sms', via_fallback: true });
      expect(rows.get('f:3:fallback')).toMatchObject({ status: 'queued', channel: 'sms' });
      expect(rows.has('f:4:fallback')).toBe(false); // the campaign asked for none

      // the provider retries the same report: nothing changes, no second fallback
      const failedHook = {
        event: 'MESSAGE_RESULT_UPDATE',
        hooks: [
          {
            requestId: 'r-replay',
            recipientSeq: 1,
            recipientNo: phoneFor(1),
            resultCode: '3018',
            receiveDate: '2026-05-01 10:00:00',
            recipientGroupingKey: 'f:1',
          },
        ],
      };
      const replay = await fetch(`${receipts.url}/receipts/nhn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Toast-Webhook-Signature': 'hook-secret' },
        body: JSON.stringify(failedHook),
      });
      expect(replay.status).toBe(200);
      expect(await replay.json()).toMatchObject({ ok: true, applied: 0, stale: 1, fallbacksQueued: 0 });

      expect(await dispatchOnce(raw, { adapters, now, workerId: 'fb' })).toMatchObject({ claimed: 2, accepted: 2 });
      expect(await dispatchOnce(raw, { adapters, now, workerId: 'fb' })).toMatchObject({ claimed: 0 });
      expect(smsKeys().sort()).toEqual(['f:1:fallback', 'f:3:fallback']);
      const sms = gateway.requests
        .filter((r) => r.path.includes('/sms/'))
        .map((r) => (r.body as { body: string }).body);
      expect(sms).toContain('고객1님 상품이 출발했습니다');

      await gateway.settle();
      rows = await messageRows(engine);
      expect(rows.get('f:1:fallback')).toMatchObject({ status: 'delivered', via_fallback: true });
      expect((await eventsOf(engine, 'f:1:fallback')).map((e) => e.status).sort()).toEqual([
        'accepted',
        'delivered',
        'queued',
      ]);
    });

    it('answers 400 JSON for malformed reports, 401 for a bad signature, 404 for unknown providers', async () => {
      const post = (
        path: string,
        body: string,
        headers: Record<string, string> = { 'X-Toast-Webhook-Signature': 'hook-secret' },
      ) =>
        fetch(`${receipts.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
      const notJson = await post('/receipts/nhn', '{"event": ');
      expect(notJson.status).toBe(400);
      expect(await notJson.json()).toMatchObject({ error: { code: 'MALFORMED_JSON' } });
      const deep = await post('/receipts/nhn', `{"hooks":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
      expect(deep.status).toBe(400);
      expect(await deep.json()).toMatchObject({
        error: { code: 'MALFORMED_JSON', message: 'nested deeper than 64 levels' },
      });
      const wrongShape = await post('/receipts/nhn', JSON.stringify({ hooks: 'nope' }));
      expect(wrongShape.status).toBe(400);
      const body = (await wrongShape.json()) as { error: { code: string; issues: { path: string }[] } };
      expect(body.error.code).toBe('MALFORMED_PAYLOAD');
      expect(body.error.issues.map((i) => i.path).sort()).toEqual(['event', 'hooks']);
      const unsigned = await post('/receipts/nhn', JSON.stringify({ event: 'MESSAGE_RESULT_UPDATE', hooks: [] }), {
        'X-Toast-Webhook-Signature': 'wrong',
      });
      expect(unsigned.status).toBe(401);
      expect((await post('/receipts/carrier-pigeon', '{}')).status).toBe(404);
      // Without a configured secret the app refuses reports instead of trusting them.
      const open = createReceiptsApp({ engine: raw, adapters, now });
      const refused = await open.request('/receipts/nhn', {
        method: 'POST',
        body: '{"event":"UNSUBSCRIBE","hooks":[]}',
      });
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    });

    it('writes before it answers 200, and applies 080 refusals as opt-outs', async () => {
      await seedMessages(engine, [{ key: 'g:1', message: alimtalkMessage(50) }], now());
      await updateRows(
        engine,
        'messages',
        { status: ['accepted', 'string'], provider: ['nhn', 'string'], provider_message_id: ['req-9:1', 'string'] },
        { idempotency_key: ['g:1', 'string'] },
      );
      const res = await fetch(`${receipts.url}/receipts/nhn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Toast-Webhook-Signature': 'hook-secret' },
        body: JSON.stringify({
          event: 'MESSAGE_RESULT_UPDATE',
          hooks: [{ requestId: 'req-9', recipientSeq: 1, resultCode: '1000', receiveDate: '2026-05-01 10:00:00' }],
        }),
      });
      expect(await res.json()).toMatchObject({ ok: true, applied: 1 });
      expect((await messageRows(engine)).get('g:1')).toMatchObject({ status: 'delivered' }); // matched by provider id

      // An 080 refusal counts only for a number we sent to through this provider (phoneFor(50) got g:1).
      await gateway.emitUnsubscribe(phoneFor(77), '2026-05-01 11:00:00');
      await gateway.emitUnsubscribe(phoneFor(50), '2026-05-01 11:00:00');
      const optOuts = await engine.query<{ phone: string; source: string }>('SELECT phone, source FROM opt_outs');
      expect(optOuts).toContainEqual({ phone: '+821010000050', source: 'nhn' });
      expect(optOuts).not.toContainEqual({ phone: '+821010000077', source: 'nhn' });
    });
  });
