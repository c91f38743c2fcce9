import { signUnsubscribeToken } from '@dalbit/core/compliance/unsubscribe-token';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/engines/engine.ts';
import { type DemoServer, startDemoServer } from './demo-server.ts';

let demo: DemoServer;
let customer = '';
let other = '';
beforeAll(async () => {
  demo = await startDemoServer({ customers: 150, eventsPerCustomer: 1 });
  const rows = await demo.engine.query<{ customer_id: string }>(
    'SELECT customer_id FROM customers WHERE email IS NOT NULL ORDER BY customer_id LIMIT 2',
  );
  customer = rows[0]?.customer_id ?? '';
  other = rows[1]?.customer_id ?? '';
});
afterAll(async () => {
  await demo?.stop();
});

const withdrawals = async (id: string): Promise<{ channel: string; purpose: string; granted: boolean }[]> =>
  demo.engine.query(
    sql(
      "SELECT channel, purpose, granted FROM consents WHERE customer_id = $1 AND source = 'unsubscribe-link' ORDER BY purpose",
      [id],
      ['string'],
    ),
  );
const allConsents = async () =>
  Number((await demo.engine.query<{ n: number }>('SELECT count(*) AS n FROM consents'))[0]?.n);

async function open(token: string, method: 'GET' | 'POST' = 'GET') {
  const res = await fetch(`${demo.server.url}/u/${token}`, {
    method,
    ...(method === 'POST'
      ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' }
      : {}),
  });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') ?? '' };
}

const token = (id: string, sentAt = demo.now, secret = demo.linkSecret) =>
  signUnsubscribeToken({ secret, customerId: id, channel: 'email', sentAt });

describe('signed, expiring unsubscribe links (/u/<token>)', () => {
  it('GET asks in Korean and changes nothing; POST withdraws email advertising consent', async () => {
    expect(customer).toMatch(/^c_/);
    const t = token(customer);
    const before = await allConsents();
    const asked = await open(t);
    expect(asked.status).toBe(200);
    expect(asked.type).toContain('text/html');
    expect(asked.text).toContain('이메일로 받는 광고성 정보 수신을 거부하시겠습니까?');
    expect(asked.text).toContain(`<form method="post" action="/u/${t}">`);
    expect(await allConsents()).toBe(before);

    const done = await open(t, 'POST');
    expect(done.status).toBe(200);
    expect(done.text).toContain('수신거부가 처리되었습니다');
    expect(await withdrawals(customer)).toEqual([
      { channel: 'email', purpose: 'ad', granted: false },
      { channel: 'email', purpose: 'night_ad', granted: false },
    ]);
  });

  it('a tampered, forged or expired link gets a Korean page and records nothing', async () => {
    const before = await allConsents();
    const good = token(other);
    const sig = good.slice(good.lastIndexOf('.') + 1);
    // Someone else's id with this signature, a flipped signature, another secret, a truncated token.
    const tampered = [
      `${customer}.email.${good.split('.')[2]}.${sig}`,
      `${good.slice(0, -1)}${good.endsWith('0') ? '1' : '0'}`,
      token(other, demo.now, 'not-the-secret'),
      good.slice(0, 20),
      `${other}.sms.${good.split('.')[2]}.${sig}`,
    ];
    for (const t of tampered) {
      for (const method of ['GET', 'POST'] as const) {
        const r = await open(t, method);
        expect(r.status, `${method} ${t}`).toBe(400);
        expect(r.text).toContain('올바르지 않은 수신거부 링크입니다');
        expect(r.text).not.toContain('<form');
      }
    }
    const expired = token(other, new Date(demo.now.getTime() - 91 * 86_400_000));
    const r = await open(expired, 'POST');
    expect(r.status).toBe(410);
    expect(r.text).toContain('유효기간(90일)이 지났습니다');
    expect(await allConsents()).toBe(before);
    expect(await withdrawals(other)).toEqual([]);

    // Still valid on day 89.
    const late = token(other, new Date(demo.now.getTime() - 89 * 86_400_000));
    expect((await open(late, 'POST')).status).toBe(200);
    expect(await withdrawals(other)).toHaveLength(2);
  });
});
