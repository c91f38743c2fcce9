import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChannelConfig } from '../../src/dispatch/channel-config.ts';
import { ensureDashboardBuilt } from '../../src/http/ensure-dashboard.ts';
import { startWebhookReceiver, WEBHOOK_SECRET } from '../e2e/support/local-channels.ts';
import { type DemoServer, startDemoServer } from '../http/demo-server.ts';
import { authHeaders, seedUser } from '../support/auth.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { type SolapiGateway, startSolapiGateway } from '../support/solapi-gateway.ts';
import { launchChromium } from './browser.ts';
import { loginThroughPage } from './login-page.ts';

// Settings page, channel credentials: each channel's status (configured through which provider, the
// variables still missing, the last error with its time) and never a secret; a test send per
// channel through the real adapter to the local Solapi gateway, SMTP server and partner webhook
// endpoint, each receiving exactly one message; a badly typed number refused in Korean with
// nothing sent; the analyst reads the status only.

const SHOTS = '/tmp/shots/studio';
const SECRETS = {
  DALBIT_SOLAPI_API_KEY: 'NCSQ7W2XK4PL8M3R',
  DALBIT_SOLAPI_API_SECRET: 'Zq8sK2vYt6Hn9d81c2',
  DALBIT_SMTP_USER: 'u5Fh3mailer',
  DALBIT_SMTP_PASS: 'Pw7Gx1Lr55e0b1',
} as const;
const SMS_FROM = '0212345678';

let demo: DemoServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let solapi: SolapiGateway;
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let webhookSecret: string;

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const n = async (sql: string) => Number((await demo.engine.query<{ n: unknown }>(sql))[0]?.n ?? 0);
const text = async (id: string) => (await page.getByTestId(id).textContent()) ?? '';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await ensureDashboardBuilt();
  smtp = await startSmtpSink({ auth: { user: SECRETS.DALBIT_SMTP_USER, pass: SECRETS.DALBIT_SMTP_PASS } });
  solapi = await startSolapiGateway({
    apiKey: SECRETS.DALBIT_SOLAPI_API_KEY,
    apiSecret: SECRETS.DALBIT_SOLAPI_API_SECRET,
    senderNumbers: [SMS_FROM],
    pfIds: [],
    templates: {},
  });
  hook = await startWebhookReceiver();
  webhookSecret = WEBHOOK_SECRET;
  const channels = parseChannelConfig({
    ...SECRETS,
    DALBIT_SOLAPI_BASE_URL: solapi.url,
    DALBIT_SMTP_HOST: '127.0.0.1',
    DALBIT_SMTP_PORT: String(smtp.port),
    DALBIT_WEBHOOK_URL: `${hook.url}/dalbit`,
    DALBIT_WEBHOOK_SECRET: webhookSecret,
  });
  demo = await startDemoServer({ customers: 150, eventsPerCustomer: 1, seed: 3, channels });
  browser = await launchChromium();
  page = await browser.context.newPage();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  await Promise.all([smtp?.close(), solapi?.close(), hook?.close()]);
});

describe('settings: channel credentials and test sends in Chromium', () => {
  it('shows each channel configured or missing, never a secret, not even in part', async () => {
    await loginThroughPage(page, demo.server.url, demo.owner);
    await page.goto(`${demo.server.url}/#/settings`);
    await expect.poll(() => text('channel-state-sms')).toContain('설정됨 (solapi)');
    expect(await text('channel-state-email')).toContain('설정됨 (smtp)');
    expect(await text('channel-state-webhook')).toContain('설정됨 (webhook)');
    expect(await text('channel-state-kakao_alimtalk')).toContain('설정됨 (solapi)');
    expect(await text('channel-state-push')).toBe('미설정: DALBIT_FCM_PROJECT_ID, DALBIT_FCM_ACCESS_TOKEN');
    expect(await text('channel-error-sms')).toBe('최근 오류 없음');
    const api = await fetch(`${demo.server.url}/api/settings/channels`, {
      headers: await authHeaders(demo.engine, 'owner'),
    });
    const shown = `${await page.content()}\n${await api.text()}`;
    for (const secret of [...Object.values(SECRETS), webhookSecret])
      for (const part of [secret, secret.slice(0, 6), secret.slice(-6)]) expect(shown).not.toContain(part);
    await shot('settings-channels');
  });

  it('a badly typed number is refused in Korean under the field and nothing is sent', async () => {
    await page.getByTestId('channel-to-sms').fill('1234-56');
    await page.getByTestId('channel-from-sms').fill('02-1234-5678');
    await page.getByTestId('channel-test-sms').click();
    await expect.poll(() => text('issues-to')).toContain('휴대폰 번호가 올바르지 않습니다');
    expect(solapi.requests).toHaveLength(0);
    expect(await n('SELECT count(*) AS n FROM channel_tests')).toBe(0);
    await shot('settings-channels-bad-number');
  });

  it('test send by SMS, email and webhook: each local server receives exactly one message', async () => {
    await page.getByTestId('channel-to-sms').fill('010-9876-5432');
    await page.getByTestId('channel-test-sms').click();
    await expect.poll(() => text('channel-result-sms')).toContain('테스트 메시지를 보냈습니다 (solapi');
    expect(solapi.requests).toHaveLength(1);
    const [sms] = solapi.requests[0]?.body.messages ?? [];
    expect(solapi.requests[0]?.body.messages).toHaveLength(1);
    expect(sms).toMatchObject({ to: '01098765432', from: SMS_FROM, type: 'SMS' });
    expect(sms?.text).toContain('발송 테스트');

    await page.getByTestId('channel-to-email').fill('owner@brand.test');
    await page.getByTestId('channel-from-email').fill('crm@brand.test');
    await page.getByTestId('channel-test-email').click();
    await expect.poll(() => text('channel-result-email')).toContain('테스트 메시지를 보냈습니다 (smtp');
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]?.envelope).toEqual({ from: 'crm@brand.test', to: ['owner@brand.test'] });
    expect(smtp.mails[0]?.parsed.subject).toBe('[달빛 CRM] 발송 테스트');

    await page.getByTestId('channel-to-webhook').fill('파트너 점검');
    await page.getByTestId('channel-test-webhook').click();
    await expect.poll(() => text('channel-result-webhook')).toContain('테스트 메시지를 보냈습니다 (webhook');
    expect(hook.hooks).toHaveLength(1);
    expect(hook.hooks[0]).toMatchObject({
      signed: true,
      body: { type: 'dalbit.test_send', data: { recipient: '파트너 점검' } },
    });
    await expect.poll(() => text('channel-error-email')).toContain('마지막 테스트 성공');
    await shot('settings-channels-sent');

    const log = await demo.engine.query<{ subject: string; reason: string }>(
      `SELECT subject, reason FROM access_log WHERE action = 'channel.test_send' ORDER BY seq`,
    );
    expect(log.map((l) => l.subject)).toEqual(['channel:sms', 'channel:email', 'channel:webhook']);
    expect(log[0]?.reason).toBe('010-****-5432 OK');
    expect(JSON.stringify(log)).not.toContain('9876');
  });

  it('a refusal by the provider is shown in Korean with its code and becomes the last error with its time', async () => {
    await page.getByTestId('channel-from-sms').fill('02-9999-8888');
    await page.getByTestId('channel-test-sms').click();
    await expect.poll(() => text('channel-result-sms')).toContain('테스트 발송이 실패했습니다 (AUTH_FAILED)');
    expect(solapi.requests).toHaveLength(2);
    await expect
      .poll(() => text('channel-error-sms'))
      .toMatch(/마지막 오류 \d{4}-\d{2}-\d{2} \d{2}:\d{2}.*\(테스트 발송\): AUTH_FAILED · 인증 실패/);
    expect(
      await n(
        `SELECT count(*) AS n FROM channel_tests WHERE channel = 'sms' AND NOT ok AND error_code = 'AUTH_FAILED'`,
      ),
    ).toBe(1);
    await shot('settings-channels-last-error');
  });

  it('extra days without ads: a badly typed day is refused in Korean under the field and nothing saved; typed right, a new revision', async () => {
    const revision = async () => n('SELECT coalesce(max(revision), 0) AS n FROM compliance_settings');
    const before = await revision();
    await page.getByTestId('holiday-add').click();
    await page.getByTestId('holiday-name-0').fill('창립기념일 휴무');
    await page.getByTestId('holiday-from-0').fill('2026-12-32');
    await page.getByTestId('holiday-to-0').fill('12/26');
    await page.getByTestId('settings-save').click();
    await expect.poll(() => text('issues-holidays.extraBlocks.0.from')).toContain('날짜는 YYYY-MM-DD');
    expect(await text('issues-holidays.extraBlocks.0.to')).toContain('날짜는 YYYY-MM-DD');
    expect(await revision()).toBe(before);
    await shot('settings-holiday-bad');
    await page.getByTestId('holiday-from-0').fill('2026-12-24');
    await page.getByTestId('holiday-to-0').fill('2026-12-26');
    await page.getByTestId('settings-save').click();
    await expect.poll(revision).toBe(before + 1);
    const [row] = await demo.engine.query<{ policy: string }>(
      'SELECT policy FROM compliance_settings ORDER BY revision DESC LIMIT 1',
    );
    expect(JSON.parse(String(row?.policy)).holidays.extraBlocks).toEqual([
      { name: '창립기념일 휴무', from: '2026-12-24', to: '2026-12-26' },
    ]);
    await expect.poll(() => page.getByTestId('holiday-from-0').inputValue()).toBe('2026-12-24');
  });

  it('the analyst reads the status but has no test send; the API refuses them with 403', async () => {
    const analyst = await seedUser(demo.engine, { role: 'analyst' });
    // Same browser profile: logging in as the analyst ends the owner's session in it.
    const p2 = page;
    await loginThroughPage(p2, demo.server.url, analyst);
    await p2.goto(`${demo.server.url}/#/settings`);
    await expect.poll(async () => p2.getByTestId('channel-state-sms').textContent()).toContain('설정됨 (solapi)');
    expect(await p2.getByTestId('channel-test-sms').count()).toBe(0);
    expect(await p2.getByTestId('channel-sms').textContent()).toContain('테스트 발송은 소유자와 마케터만');
    await p2.screenshot({ path: join(SHOTS, 'settings-channels-analyst.png'), fullPage: true });
    const res = await fetch(`${demo.server.url}/api/settings/channels/sms/test`, {
      method: 'POST',
      headers: { ...(await authHeaders(demo.engine, 'analyst')), 'content-type': 'application/json' },
      body: JSON.stringify({ to: '010-1111-2222', from: SMS_FROM }),
    });
    expect(res.status).toBe(403);
    expect(solapi.requests).toHaveLength(2);
  });

  it('API: a channel without a test send or a bad email answers 400 with a code and a Korean message', async () => {
    const headers = { ...(await authHeaders(demo.engine, 'marketer')), 'content-type': 'application/json' };
    const post = (channel: string, body: unknown) =>
      fetch(`${demo.server.url}/api/settings/channels/${channel}/test`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
    const push = await post('push', { to: 'x' });
    expect(push.status).toBe(400);
    expect(((await push.json()) as { error: { code: string } }).error.code).toBe('CHANNEL_NOT_TESTABLE');
    const bad = await post('email', { to: 'not-an-address', from: 'crm@brand.test' });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; message: string; issues: { path: string[] }[] } };
    expect(body.error).toMatchObject({
      code: 'TEST_SEND_INVALID',
      message: expect.stringContaining('이메일 주소가 올바르지 않습니다'),
    });
    expect(body.error.issues[0]?.path).toEqual(['body', 'to']);
    expect(smtp.mails).toHaveLength(1);
  });
});
