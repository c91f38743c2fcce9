import type { OutboundMessage } from '@dalbit/core/channels/outbound-message';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNhnAdapters } from '../../src/channels/nhn/nhn-adapter.ts';
import { isNhnWebhookAuthentic, parseNhnTime } from '../../src/channels/nhn/parse-nhn-webhook.ts';
import { catchSendError } from '../support/catch-send-error.ts';
import { startNhnGateway } from '../support/nhn-gateway.ts';
import { startReceiptCollector } from '../support/receipt-collector.ts';

const keys = { alimtalkAppKey: 'atAPP', alimtalkSecretKey: 'atSECRET', smsAppKey: 'smsAPP', smsSecretKey: 'smsSECRET' };
const TEMPLATE = '#{name}님, 쿠폰 #{code}이(가) #{date}에 만료됩니다. (지급 사유: 생일 축하)';
let collector: Awaited<ReturnType<typeof startReceiptCollector>>;
let gateway: Awaited<ReturnType<typeof startNhnGateway>>;
let nhn: ReturnType<typeof createNhnAdapters>;

beforeAll(async () => {
  collector = await startReceiptCollector();
  gateway = await startNhnGateway({
    ...keys,
    senderKeys: ['SENDERKEY40'],
    sendNumbers: ['0212345678'],
    templates: { CPN_EXP: TEMPLATE },
    receiptUrl: collector.url,
    webhookSignature: 'dalbit-hook-sig',
    kakaoOutcomes: { '01055556666': '3018' },
  });
  nhn = createNhnAdapters({ ...keys, alimtalkBaseUrl: gateway.url, smsBaseUrl: gateway.url });
});
afterAll(async () => {
  await gateway.close();
  await collector.close();
});

const alim = (
  to: string,
  variables: Record<string, string>,
  withFallback = true,
): OutboundMessage<'kakao_alimtalk'> => ({
  channel: 'kakao_alimtalk',
  purpose: 'info',
  to,
  senderKey: 'SENDERKEY40',
  templateCode: 'CPN_EXP',
  variables,
  ...(withFallback
    ? {
        fallback: {
          kind: 'LMS' as const,
          from: '02-1234-5678',
          subject: '쿠폰 만료 안내',
          text: `${variables.name ?? ''}님, 쿠폰이 곧 만료됩니다.`,
        },
      }
    : {}),
});
const vars = { name: '김달빛', code: 'BDAY-7Q2', date: '5월 10일' };

describe('NHN Cloud adapter against a local NHN gateway', () => {
  it('sends AlimTalk with templateParameter, fallback and the idempotency header', async () => {
    const a = await nhn.kakao_alimtalk.send(alim('010-1234-5678', vars), { idempotencyKey: 'bday:c1:2026' });
    expect(a.providerMessageId).toMatch(/^\w+:1$/);
    const req = gateway.requests.at(-1);
    expect(req?.path).toBe('/alimtalk/v2.3/appkeys/atAPP/messages');
    expect(req?.headers['x-nc-api-idempotency-key']).toBe('bday:c1:2026');
    expect(req?.body).toMatchObject({
      senderKey: 'SENDERKEY40',
      templateCode: 'CPN_EXP',
      recipientList: [
        {
          recipientNo: '01012345678',
          templateParameter: vars,
          resendParameter: {
            isResend: true,
            resendType: 'LMS',
            resendSendNo: '0212345678',
            resendTitle: '쿠폰 만료 안내',
          },
          recipientGroupingKey: 'bday:c1:2026',
        },
      ],
    });
  });

  it('answers a replayed idempotency key with DUPLICATE (the first attempt went through)', async () => {
    const e = await catchSendError(
      nhn.kakao_alimtalk.send(alim('010-1234-5678', vars), { idempotencyKey: 'bday:c1:2026' }),
    );
    expect(e).toMatchObject({ code: 'DUPLICATE', retryable: false, providerCode: '-1005' });
  });

  it('rejects variables that do not match the approved template and fallbacks over the byte limit', async () => {
    const results = await nhn.kakao_alimtalk.sendMany([
      { msg: alim('01011112222', { name: '박' }), idempotencyKey: 'x1' },
      {
        msg: { ...alim('01011113333', vars), fallback: { kind: 'SMS', from: '0212345678', text: '가'.repeat(46) } },
        idempotencyKey: 'x2',
      },
      { msg: alim('01011114444', vars), idempotencyKey: 'x3' },
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : `${r.error.code}:${r.error.providerCode}`))).toEqual([
      'TEMPLATE_REJECTED:-3004',
      'CONTENT_REJECTED:-2000',
      'ok',
    ]);
    const unknown = await catchSendError(
      nhn.kakao_alimtalk.send({ ...alim('01011115555', vars), templateCode: 'NOPE' }, { idempotencyKey: 'x4' }),
    );
    expect(unknown.code).toBe('TEMPLATE_REJECTED');
  });

  it('sends up to 1,000 recipients a request', async () => {
    const before = gateway.requests.length;
    const items = Array.from({ length: 2001 }, (_, i) => ({
      msg: alim(`0102${String(i).padStart(7, '0')}`, vars, false),
      idempotencyKey: `bulk-${i}`,
    }));
    const results = await nhn.kakao_alimtalk.sendMany(items);
    expect(results.every((r) => r.ok)).toBe(true);
    const sizes = gateway.requests
      .slice(before)
      .map((r) => (r.body as { recipientList: unknown[] }).recipientList.length);
    expect(sizes).toEqual([1000, 1000, 1]);
  });

  it('sends SMS, LMS and ads through the right SMS v3.0 endpoints', async () => {
    await nhn.sms.send(
      {
        channel: 'sms',
        purpose: 'info',
        kind: 'SMS',
        to: '01012345678',
        from: '0212345678',
        text: '배송이 시작되었습니다',
      },
      { idempotencyKey: 's1' },
    );
    await nhn.sms.send(
      {
        channel: 'sms',
        purpose: 'info',
        kind: 'LMS',
        to: '01012345678',
        from: '0212345678',
        subject: '안내',
        text: '가'.repeat(900),
      },
      { idempotencyKey: 's2' },
    );
    await nhn.sms.send(
      {
        channel: 'sms',
        purpose: 'ad',
        kind: 'LMS',
        to: '01012345678',
        from: '0212345678',
        subject: '세일',
        text: '(광고)달빛상점\n봄 세일\n무료수신거부 080-123-4567',
      },
      { idempotencyKey: 's3' },
    );
    expect(gateway.requests.slice(-3).map((r) => r.path.split('/').slice(-2).join('/'))).toEqual([
      'sender/sms',
      'sender/mms',
      'sender/ad-mms',
    ]);
    const unmarked = await catchSendError(
      nhn.sms.send(
        { channel: 'sms', purpose: 'ad', kind: 'SMS', to: '01012345678', from: '0212345678', text: '봄 세일' },
        { idempotencyKey: 's4' },
      ),
    );
    expect(unmarked.code).toBe('CONTENT_REJECTED');
    const emoji = await catchSendError(
      nhn.sms.send(
        { channel: 'sms', purpose: 'info', kind: 'SMS', to: '01012345678', from: '0212345678', text: '🎂' },
        { idempotencyKey: 's5' },
      ),
    );
    expect(emoji.message).toContain('outside EUC-KR');
  });

  it('maps a wrong secret key to AUTH_FAILED and 429 / 5xx to retryable errors', async () => {
    const wrong = createNhnAdapters({ ...keys, smsSecretKey: 'nope', smsBaseUrl: gateway.url });
    expect(
      await catchSendError(
        wrong.sms.send(
          { channel: 'sms', purpose: 'info', kind: 'SMS', to: '01012345678', from: '0212345678', text: 'a' },
          { idempotencyKey: 'w' },
        ),
      ),
    ).toMatchObject({ code: 'AUTH_FAILED' });
    gateway.failNext(429);
    expect(
      await catchSendError(
        nhn.sms.send(
          { channel: 'sms', purpose: 'info', kind: 'SMS', to: '01012345678', from: '0212345678', text: 'a' },
          { idempotencyKey: 'r' },
        ),
      ),
    ).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 1000 });
    gateway.failNext(502);
    expect(
      await catchSendError(
        nhn.sms.send(
          { channel: 'sms', purpose: 'info', kind: 'SMS', to: '01012345678', from: '0212345678', text: 'a' },
          { idempotencyKey: 'r2' },
        ),
      ),
    ).toMatchObject({ code: 'PROVIDER_DOWN', retryable: true });
  });

  it('parses MESSAGE_RESULT_UPDATE and UNSUBSCRIBE webhooks, signed with the console signature', async () => {
    await nhn.kakao_alimtalk.send(alim('01055556666', vars), { idempotencyKey: 'fallback-case' });
    await gateway.emitUnsubscribe('01012345678', '2026-05-06T11:25:10.000+09:00');
    await gateway.settle();
    expect(
      collector.posts.every((p) =>
        isNhnWebhookAuthentic(p.headers['x-toast-webhook-signature'] as string, 'dalbit-hook-sig'),
      ),
    ).toBe(true);
    expect(isNhnWebhookAuthentic('forged', 'dalbit-hook-sig')).toBe(false);
    const events = collector.posts.flatMap((p) => nhn.sms.parseReceipts(p.body));
    const first = events.find((e) => e.kind !== 'opt_out' && e.idempotencyKey === 'bday:c1:2026');
    expect(first).toMatchObject({ kind: 'delivered', provider: 'nhn' });
    expect(events.find((e) => e.kind !== 'opt_out' && e.idempotencyKey === 'fallback-case')).toMatchObject({
      kind: 'delivered',
      viaFallback: true,
    });
    expect(events.find((e) => e.kind !== 'opt_out' && e.idempotencyKey === 's1')).toMatchObject({
      kind: 'delivered',
      providerCode: '1000',
    });
    expect(events.filter((e) => e.kind === 'opt_out')).toEqual([
      {
        kind: 'opt_out',
        provider: 'nhn',
        phone: '01012345678',
        optOutNumber: '0801234567',
        at: new Date('2026-05-06T02:25:10.000Z'),
      },
    ]);
  });

  it('reads NHN zone-less times as KST', () => {
    const fallback = new Date(0);
    expect(parseNhnTime('2024-04-29T20:58:04', fallback).toISOString()).toBe('2024-04-29T11:58:04.000Z');
    expect(parseNhnTime('2024-04-29 20:58:04', fallback).toISOString()).toBe('2024-04-29T11:58:04.000Z');
    expect(parseNhnTime('garbage', fallback)).toBe(fallback);
  });
});
