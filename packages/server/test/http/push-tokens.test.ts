import { CompliancePolicySchema } from '@dalbit/core/compliance/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRecipients } from '../../src/campaigns/load-recipients.ts';
import { signWebhook } from '../../src/channels/webhook/sign-webhook.ts';
import { type DemoServer, startDemoServer } from './demo-server.ts';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer({ customers: 300 });
}, 300_000);
afterAll(async () => {
  await demo?.stop();
});

const POLICY = CompliancePolicySchema.parse({
  sender: { name: '달빛상회', contact: '02-123-4567', optOutNumber: '080-123-4567' },
});
const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${demo.server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('push tokens', () => {
  it('a token registered for a visitor reaches the customer the shop links them to; removal stops it', async () => {
    const [c] = await demo.engine.query<{ customer_id: string; phone: string }>(
      'SELECT customer_id, phone FROM customers WHERE phone IS NOT NULL ORDER BY customer_id LIMIT 1',
    );
    if (!c) throw new Error('no customer with a phone');
    const anon = 'anon-push-1';
    const token = 'fcm-token-abcdefghijklmnop';
    const key = `?key=${demo.siteKeys.writeKey}`;
    expect((await post('/api/push/tokens', { token, anonymous_id: anon })).status).toBe(401);
    const reg = await post(`/api/push/tokens${key}`, { token, anonymous_id: anon, platform: 'android' });
    expect(reg).toEqual({ status: 201, body: { registered: true } });
    const bad = await post(`/api/push/tokens${key}`, { token: 'x', anonymous_id: anon });
    expect(bad.status).toBe(400);

    const recipient = async () =>
      (await loadRecipients(demo.engine, [c.customer_id], new Date(Date.now() + 60_000), POLICY)).get(c.customer_id)
        ?.recipient.pushToken ?? null;
    expect(await recipient()).toBeNull(); // the visitor is not linked to anyone yet
    const signedBody = JSON.stringify({ events: [{ anonymous_id: anon, phone: c.phone }] });
    const signed = await fetch(`${demo.server.url}/api/identify`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'dalbit-signature': signWebhook({ secret: demo.siteKeys.secretKey, body: signedBody, at: demo.now }),
      },
      body: signedBody,
    });
    expect(signed.status).toBe(202);
    expect(await recipient()).toBe(token);

    const removed = await post(`/api/push/tokens/remove${key}`, { token });
    expect(removed).toEqual({ status: 200, body: { removed: 1 } });
    expect(await recipient()).toBeNull();
  }, 120_000);
});
