import type { OutboundMessage } from '@dalbit/core/channels/outbound-message';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSolapiAdapters } from '../../src/channels/solapi/solapi-adapter.ts';
import { catchSendError } from '../support/catch-send-error.ts';
import { startReceiptCollector } from '../support/receipt-collector.ts';
import { startSolapiGateway } from '../support/solapi-gateway.ts';

const creds = { apiKey: 'NCSTESTKEY', apiSecret: 'test-secret-0123456789' };
const TEMPLATE = '#{name}님, 주문하신 상품이 발송되었습니다. 송장번호 #{invoice}';

let collector: Awaited<ReturnType<typeof startReceiptCollector>>;
let gateway: Awaited<ReturnType<typeof startSolapiGateway>>;
let adapters: ReturnType<typeof createSolapiAdapters>;

beforeAll(async () => {
  collector = await startReceiptCollector({ failFirst: 2 });
  gateway = await startSolapiGateway({
    ...creds,
    senderNumbers: ['0212345678'],
    pfIds: ['KA01PF_DALBIT'],
    templates: { SHIP_01: TEMPLATE },
    receiptUrl: `${collector.url}/webhooks/solapi`,
    optedOut: ['01099990000'],
    outcomes: { '01077770000': '2061' },
  });
  adapters = createSolapiAdapters({ ...creds, baseUrl: gateway.url });
});
afterAll(async () => {
  await gateway.close();
  await collector.close();
});

const sms = (text: string, to = '010-1234-5678', kind: 'SMS' | 'LMS' = 'SMS'): OutboundMessage<'sms'> => ({
  channel: 'sms',
  purpose: 'info',
  kind,
  to,
  from: '02-1234-5678',
  text,
  ...(kind === 'LMS' ? { subject: '배송 안내' } : {}),
});

describe('Solapi adapter against a local Solapi gateway', () => {
  it('signs the request and gets SMS, LMS, AlimTalk and brand messages accepted', async () => {
    const a1 = await adapters.sms.send(sms('주문하신 상품이 발송되었습니다'), { idempotencyKey: 'k-sms' });
    const a2 = await adapters.sms.send(sms('가'.repeat(600), '01012345678', 'LMS'), { idempotencyKey: 'k-lms' });
    const a3 = await adapters.kakao_alimtalk.send(
      {
        channel: 'kakao_alimtalk',
        purpose: 'info',
        to: '+821012345678',
        senderKey: 'KA01PF_DALBIT',
        templateCode: 'SHIP_01',
        variables: { name: '김달빛', invoice: '6090-1234' },
        fallback: { kind: 'LMS', from: '0212345678', text: '김달빛님, 주문하신 상품이 발송되었습니다.' },
      },
      { idempotencyKey: 'k-ata' },
    );
    const a4 = await adapters.kakao_brand.send(
      {
        channel: 'kakao_brand',
        purpose: 'ad',
        to: '01012345678',
        senderKey: 'KA01PF_DALBIT',
        targeting: 'I',
        text: '(광고)달빛상점\n신상 입고\n무료수신거부 080-123-4567',
      },
      { idempotencyKey: 'k-bms' },
    );
    for (const a of [a1, a2, a3, a4])
      expect(a).toMatchObject({ provider: 'solapi', providerMessageId: expect.stringMatching(/^M4V/) });
    const sent = gateway.requests.flatMap((r) => r.body.messages);
    expect(sent.map((m) => m.type)).toEqual(['SMS', 'LMS', 'ATA', 'BMS_TEXT']);
    expect(sent[0]).toMatchObject({ to: '01012345678', from: '0212345678', customFields: { idempotencyKey: 'k-sms' } });
    expect(sent[2]?.kakaoOptions).toEqual({
      pfId: 'KA01PF_DALBIT',
      templateId: 'SHIP_01',
      variables: { '#{name}': '김달빛', '#{invoice}': '6090-1234' },
      disableSms: false,
    });
    expect(sent[3]?.kakaoOptions).toMatchObject({ adFlag: true, bms: { targeting: 'I', chatBubbleType: 'TEXT' } });
    expect(gateway.requests[0]?.authorization).toMatch(
      /^HMAC-SHA256 apiKey=NCSTESTKEY, date=\S+, salt=[0-9a-f]{32}, signature=[0-9a-f]{64}$/,
    );
  });

  it('receives delivery reports (retried until we answer 200) and parses them to receipts', async () => {
    await gateway.settle();
    expect(collector.refused).toBe(2);
    expect(gateway.reportAttempts.reduce((n, a) => n + a - 1, 0)).toBe(2); // two refused POSTs were retried
    const events = collector.posts.flatMap((p) => adapters.sms.parseReceipts(p.body));
    const byKey = (k: string) =>
      events.filter((e) => e.kind !== 'opt_out' && e.idempotencyKey === k).map((e) => e.kind);
    expect(byKey('k-sms')).toEqual(['at_carrier', 'delivered']);
    expect(byKey('k-bms')).toEqual(['at_carrier', 'delivered']);
  });

  it('maps per-message refusals to send errors without failing the batch', async () => {
    const results = await adapters.sms.sendMany([
      { msg: sms('가'.repeat(46)), idempotencyKey: 'too-long' },
      { msg: sms('생일 축하해요🎉'), idempotencyKey: 'emoji' },
      {
        msg: { ...sms('(광고)달빛상점\n세일\n무료수신거부 080-123-4567', '01099990000'), purpose: 'ad' },
        idempotencyKey: 'opted-out',
      },
      { msg: sms('정상'), idempotencyKey: 'fine' },
      { msg: sms('정상', '02-555-1234'), idempotencyKey: 'landline' },
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'CONTENT_REJECTED',
      'CONTENT_REJECTED',
      'RECIPIENT_OPTED_OUT',
      'ok',
      'BAD_RECIPIENT',
    ]);
    const tmpl = await catchSendError(
      adapters.kakao_alimtalk.send(
        {
          channel: 'kakao_alimtalk',
          purpose: 'info',
          to: '01012345678',
          senderKey: 'KA01PF_DALBIT',
          templateCode: 'SHIP_01',
          variables: { name: '김' },
        },
        { idempotencyKey: 'tmpl-mismatch' },
      ),
    );
    expect(tmpl).toMatchObject({ code: 'TEMPLATE_REJECTED', retryable: false, providerCode: '3103' });
  });

  it('reports 080 refusals as a failure plus an opt-out event', async () => {
    await adapters.sms.send(sms('재입고 알림', '01077770000'), { idempotencyKey: 'later-refusal' });
    await gateway.settle();
    const events = collector.posts
      .flatMap((p) => adapters.sms.parseReceipts(p.body))
      .filter((e) => e.providerCode === '2061');
    expect(events.map((e) => e.kind)).toEqual(['failed', 'opt_out']);
    expect(events[1]).toMatchObject({ kind: 'opt_out', phone: '01077770000' });
  });

  it('treats 429 (with Retry-After) and 5xx as retryable, a wrong secret as final', async () => {
    gateway.failNext(429);
    expect(await catchSendError(adapters.sms.send(sms('a'), { idempotencyKey: 'r1' }))).toMatchObject({
      code: 'RATE_LIMITED',
      retryable: true,
      retryAfterMs: 2000,
    });
    gateway.failNext(503);
    expect(await catchSendError(adapters.sms.send(sms('a'), { idempotencyKey: 'r2' }))).toMatchObject({
      code: 'PROVIDER_DOWN',
      retryable: true,
    });
    const wrong = createSolapiAdapters({ ...creds, apiSecret: 'wrong', baseUrl: gateway.url });
    expect(await catchSendError(wrong.sms.send(sms('a'), { idempotencyKey: 'r3' }))).toMatchObject({
      code: 'AUTH_FAILED',
      retryable: false,
      providerCode: 'SignatureDoesNotMatch',
    });
    const down = createSolapiAdapters({ ...creds, baseUrl: 'http://127.0.0.1:9' });
    expect(await catchSendError(down.sms.send(sms('a'), { idempotencyKey: 'r4' }))).toMatchObject({
      code: 'PROVIDER_DOWN',
    });
  });

  it('splits batches at 10,000 messages a request', async () => {
    const before = gateway.requests.length;
    const items = Array.from({ length: 10_001 }, (_, i) => ({
      msg: sms(`쿠폰 ${i}`, `0101${String(i).padStart(7, '0')}`),
      idempotencyKey: `bulk-${i}`,
    }));
    const results = await adapters.sms.sendMany(items);
    expect(results.filter((r) => r.ok)).toHaveLength(10_001);
    expect(gateway.requests.slice(before).map((r) => r.body.messages.length)).toEqual([10_000, 1]);
    await gateway.settle();
  });
});
