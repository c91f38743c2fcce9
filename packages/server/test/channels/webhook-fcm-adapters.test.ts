import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FcmAdapter } from '../../src/channels/fcm/fcm-adapter.ts';
import { verifyWebhookSignature } from '../../src/channels/webhook/sign-webhook.ts';
import { WebhookAdapter } from '../../src/channels/webhook/webhook-adapter.ts';
import { catchSendError } from '../support/catch-send-error.ts';
import { startFcmGateway } from '../support/fcm-gateway.ts';
import { type LoopbackServer, readBody, sendJson, startLoopbackServer } from '../support/http-server.ts';

describe('webhook adapter against a receiver that verifies the signature', () => {
  const SECRET = 'whsec_dalbit_test';
  const got: { key: string | undefined; body: unknown; verdict: ReturnType<typeof verifyWebhookSignature> }[] = [];
  let receiver: LoopbackServer;
  let status = 200;
  beforeAll(async () => {
    receiver = await startLoopbackServer(async (req, res) => {
      const raw = await readBody(req);
      const verdict = verifyWebhookSignature({
        header: req.headers['dalbit-signature'] as string | undefined,
        body: raw,
        secrets: ['old-secret', SECRET],
        now: new Date(),
      });
      got.push({ key: req.headers['idempotency-key'] as string | undefined, body: JSON.parse(raw), verdict });
      sendJson(res, verdict.ok ? status : 401, {});
    });
  });
  afterAll(() => receiver.close());

  it('posts signed JSON with the idempotency key; the receiver verifies it', async () => {
    const hook = new WebhookAdapter({ url: `${receiver.url}/dalbit`, secret: SECRET });
    const a = await hook.send(
      {
        channel: 'webhook',
        purpose: 'info',
        event: 'customer.birthday_due',
        payload: { customerId: 'c1', name: '김달빛' },
      },
      { idempotencyKey: 'bday:c1:2026' },
    );
    expect(a).toEqual({ provider: 'webhook', providerMessageId: 'bday:c1:2026' });
    expect(got[0]).toMatchObject({
      key: 'bday:c1:2026',
      verdict: { ok: true },
      body: { id: 'bday:c1:2026', type: 'customer.birthday_due', data: { name: '김달빛' } },
    });
  });

  it('is rejected by the receiver with a wrong secret (AUTH_FAILED), and 503 is retryable', async () => {
    const forged = new WebhookAdapter({ url: receiver.url, secret: 'guess' });
    expect(
      await catchSendError(
        forged.send({ channel: 'webhook', purpose: 'info', event: 'x', payload: {} }, { idempotencyKey: 'k' }),
      ),
    ).toMatchObject({ code: 'AUTH_FAILED' });
    expect(got.at(-1)?.verdict).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    status = 503;
    const hook = new WebhookAdapter({ url: receiver.url, secret: SECRET });
    expect(
      await catchSendError(
        hook.send({ channel: 'webhook', purpose: 'info', event: 'x', payload: {} }, { idempotencyKey: 'k2' }),
      ),
    ).toMatchObject({ code: 'PROVIDER_DOWN', retryable: true });
    status = 200;
  });

  it('refuses stale or tampered signatures', () => {
    const body = '{"a":1}';
    const old = new WebhookAdapter({
      url: 'http://unused',
      secret: SECRET,
      clock: () => new Date('2026-01-01T00:00:00Z'),
    });
    expect(old).toBeDefined();
    const now = new Date('2026-01-01T00:10:00Z');
    const header = `t=${Math.floor(Date.parse('2026-01-01T00:00:00Z') / 1000)},v1=${'0'.repeat(64)}`;
    expect(verifyWebhookSignature({ header, body, secrets: [SECRET], now })).toEqual({ ok: false, reason: 'TOO_OLD' });
    expect(verifyWebhookSignature({ header: 'garbage', body, secrets: [SECRET], now })).toEqual({
      ok: false,
      reason: 'MALFORMED',
    });
  });
});

describe('FCM adapter against a local FCM HTTP v1 endpoint', () => {
  let fcm: Awaited<ReturnType<typeof startFcmGateway>>;
  beforeAll(async () => {
    fcm = await startFcmGateway({ projectId: 'dalbit-demo', accessToken: 'ya29.test', deviceTokens: ['device-A'] });
  });
  afterAll(() => fcm.close());
  const push = (token: string) => ({
    channel: 'push' as const,
    purpose: 'ad' as const,
    token,
    title: '(광고) 달빛상점',
    body: '신상 입고',
    data: { url: '/new' },
  });

  it('sends {message:{token, notification, data}} with a bearer token', async () => {
    const adapter = new FcmAdapter({
      projectId: 'dalbit-demo',
      baseUrl: fcm.url,
      getAccessToken: async () => 'ya29.test',
    });
    const a = await adapter.send(push('device-A'), { idempotencyKey: 'p1' });
    expect(a.providerMessageId).toMatch(/^projects\/dalbit-demo\/messages\//);
    expect(fcm.received[0]).toEqual({
      message: {
        token: 'device-A',
        notification: { title: '(광고) 달빛상점', body: '신상 입고' },
        data: { url: '/new', dalbit_idempotency_key: 'p1' },
      },
    });
  });

  it('maps UNREGISTERED, bad credentials, quota and outages', async () => {
    const adapter = new FcmAdapter({
      projectId: 'dalbit-demo',
      baseUrl: fcm.url,
      getAccessToken: async () => 'ya29.test',
    });
    expect(await catchSendError(adapter.send(push('gone'), { idempotencyKey: 'p2' }))).toMatchObject({
      code: 'BAD_RECIPIENT',
      providerCode: 'UNREGISTERED',
    });
    const badAuth = new FcmAdapter({
      projectId: 'dalbit-demo',
      baseUrl: fcm.url,
      getAccessToken: async () => 'expired',
    });
    expect(await catchSendError(badAuth.send(push('device-A'), { idempotencyKey: 'p3' }))).toMatchObject({
      code: 'AUTH_FAILED',
    });
    fcm.failNext(429);
    expect(await catchSendError(adapter.send(push('device-A'), { idempotencyKey: 'p4' }))).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: 30_000,
    });
    fcm.failNext(503);
    expect(await catchSendError(adapter.send(push('device-A'), { idempotencyKey: 'p5' }))).toMatchObject({
      code: 'PROVIDER_DOWN',
      retryable: true,
    });
  });
});
