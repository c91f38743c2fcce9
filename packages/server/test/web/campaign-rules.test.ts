import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDashboardBuilt } from '../../src/http/ensure-dashboard.ts';
import { type DemoServer, startDemoServer } from '../http/demo-server.ts';
import { authHeaders } from '../support/auth.ts';
import { launchChromium } from './browser.ts';
import { loginThroughPage } from './login-page.ts';

// The composer and settings rules that had only an API test, typed in Chromium: a character SMS
// cannot carry, an AlimTalk without its template code or whose approved text filled passes 1,000
// characters, a campaign without its SMS sender number or Kakao sender key, an audience that cannot
// be resolved (a saved segment gone from the warehouse, builder values still wrong), and bad values
// on the settings page. Each is refused under its field in Korean, and a save stores nothing.

const SHOTS = '/tmp/shots/studio';
let demo: DemoServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let segmentId: string;

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const q = async (sql: string): Promise<Record<string, unknown>[]> => demo.engine.query(sql);
const issueText = (at: string) => page.getByTestId(`issues-${at}`).textContent();
const checkState = () => page.getByTestId('check-state').textContent();
const storedCount = async (id: string) =>
  Number((await q(`SELECT count(*) AS n FROM campaigns WHERE campaign_id = '${id}'`))[0]?.n);

/** Clicks save and returns the API's answer (400 body with its issues). */
async function saveRefused(): Promise<{ code: string; issues: { path: string[]; code: string; message: string }[] }> {
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/campaigns') && r.request().method() === 'POST');
  await page.getByTestId('save-campaign').click();
  const res = await answer;
  expect(res.status()).toBe(400);
  expect(page.url()).toContain('#/campaigns/new');
  return ((await res.json()) as { error: { code: string; issues: never[] } }).error;
}

const codesOf = (e: { issues: { path: string[]; code: string }[] }) =>
  e.issues.map((i) => `${i.path.join('.')}:${i.code}`);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await ensureDashboardBuilt();
  demo = await startDemoServer({ customers: 300, eventsPerCustomer: 2, seed: 7 });
  const res = await fetch(`${demo.server.url}/api/segments`, {
    method: 'POST',
    headers: { ...(await authHeaders(demo.engine, 'owner')), 'content-type': 'application/json' },
    body: JSON.stringify({
      name: '두 번 이상 구매',
      definition: { version: 1, root: { kind: 'orders', measure: 'count', op: 'gte', value: 2 } },
    }),
  });
  segmentId = ((await res.json()) as { segment: { segmentId: string } }).segment.segmentId;
  browser = await launchChromium();
  page = await browser.context.newPage();
  await loginThroughPage(page, demo.server.url, demo.owner);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

async function startComposer(id: string, channel: string, purpose: 'ad' | 'info' = 'info'): Promise<void> {
  await page.goto('about:blank'); // a fresh composer, whatever the last test left on the page
  await page.goto(`${demo.server.url}/#/campaigns/new`);
  await page.getByTestId('campaign-name').fill(`규칙 확인 ${id}`);
  await page.getByTestId('campaign-id').fill(id);
  await page.getByTestId('campaign-purpose').selectOption(purpose);
  await page.getByTestId('channel').selectOption(channel);
}

describe('composer rules typed in Chromium', () => {
  it('an SMS with a character SMS cannot carry (an emoji) is refused under the text; the save stores nothing', async () => {
    await startComposer('rule-emoji', 'sms');
    await page.getByTestId('sender-sms').fill('0212345678');
    await page.getByTestId('message-text').fill('{{ name }}님, 겨울 세일이 시작됐어요 🎉');
    await expect.poll(() => issueText('templates.0.text')).toContain('문자 메시지로 보낼 수 없는 글자가 있습니다: 🎉');
    expect(await checkState()).toContain('저장할 수 없습니다');
    await shot('rules-sms-emoji');
    const refused = await saveRefused();
    expect(codesOf(refused)).toContain('body.templates.0.text:NON_EUC_KR_CHAR');
    expect(await storedCount('rule-emoji')).toBe(0);
    await page.getByTestId('message-text').fill('{{ name }}님, 겨울 세일이 시작됐어요!');
    await expect.poll(checkState).toContain('문제 없음');
  });

  it('AlimTalk: no template code, a value for a variable the approved text lacks, the filled text over 1,000 characters', async () => {
    await startComposer('rule-alimtalk', 'kakao_alimtalk');
    await page.getByTestId('sender-kakao').fill('KA01PF-dalbit');
    await page.getByTestId('message-body').fill('#{고객명}님, #{안내}');
    await page.getByTestId('message-value-0').fill('{{ name }}');
    await page.getByTestId('message-value-1').fill('가'.repeat(999));
    await expect.poll(() => issueText('templates.0.templateCode')).toContain('카카오 승인을 받은 템플릿 코드');
    // Each value fits on its own (999 characters); the approved text filled with them does not.
    await expect
      .poll(() => issueText('templates.0.templateBody'))
      .toContain('알림톡 본문(변수를 채운 뒤, 고객별 값 제외)이(가) 너무 깁니다: 1,002자 (최대 1,000자)');
    await page.getByTestId('message-pair-add').click();
    await page.getByTestId('message-key-2').fill('쿠폰');
    await page.getByTestId('message-value-2').fill('WINTER');
    await expect
      .poll(() => issueText('templates.0.variables.쿠폰'))
      .toContain('#{쿠폰}은(는) 승인된 템플릿 본문에 없는 변수입니다 (본문의 변수: 고객명, 안내)');
    await shot('rules-alimtalk-refused');
    const refused = await saveRefused();
    expect(codesOf(refused)).toEqual(
      expect.arrayContaining([
        'body.templates.0.templateCode:TEMPLATE_CODE_MISSING',
        'body.templates.0.templateBody:TOO_LONG',
        'body.templates.0.variables.쿠폰:ALIMTALK_VARIABLE_UNKNOWN',
      ]),
    );
    expect(await storedCount('rule-alimtalk')).toBe(0);
    // Fixed: the preview shows the approved text filled for a real customer, counted against 1,000.
    await page.getByTestId('message-code').fill('ORDER_NOTICE_01');
    await page.getByTestId('message-value-1').fill('주문하신 상품이 출발했습니다.');
    await page.getByTestId('message-pair-2').getByRole('button').click();
    await expect.poll(checkState).toContain('문제 없음');
    const [c] = await q(
      'SELECT customer_id, name FROM customers WHERE name IS NOT NULL AND phone IS NOT NULL ORDER BY customer_id LIMIT 1',
    );
    await page.getByTestId('preview-customer').fill(String(c?.customer_id));
    const filled = `${String(c?.name)}님, 주문하신 상품이 출발했습니다.`;
    await expect.poll(() => page.getByTestId('preview-text-kakao_alimtalk').textContent()).toBe(filled);
    expect(await page.getByTestId('preview-length-kakao_alimtalk').textContent()).toContain(
      `${[...filled].length} / 1,000자`,
    );
    await shot('rules-alimtalk-filled');
    await page.getByTestId('save-campaign').click();
    await page.getByTestId('campaign-title').waitFor();
    const [row] = await q(`SELECT definition FROM campaigns WHERE campaign_id = 'rule-alimtalk'`);
    expect(JSON.parse(String(row?.definition)).templates).toEqual([
      {
        channel: 'kakao_alimtalk',
        templateCode: 'ORDER_NOTICE_01',
        templateBody: '#{고객명}님, #{안내}',
        variables: { 고객명: '{{ name }}', 안내: '주문하신 상품이 출발했습니다.' },
      },
    ]);
  });

  it('no SMS sender number or Kakao sender key: refused under the field, with the way to the settings page', async () => {
    await startComposer('rule-senders', 'kakao_brand');
    await page.getByTestId('fallback').check();
    await page.getByTestId('message-text').fill('{{ name }}님, 이번 주 소식입니다');
    await expect.poll(() => issueText('sender.kakaoSenderKey')).toContain('카카오 채널 발신 프로필 키가 필요합니다');
    await expect.poll(() => issueText('sender.smsFrom')).toContain('등록된 발신번호');
    expect(await page.getByTestId('sender-where').textContent()).toContain('설정 페이지');
    await shot('rules-senders-missing');
    const refused = await saveRefused();
    expect(codesOf(refused)).toEqual(
      expect.arrayContaining([
        'body.sender.smsFrom:SMS_FROM_MISSING',
        'body.sender.kakaoSenderKey:KAKAO_SENDER_KEY_MISSING',
      ]),
    );
    expect(await storedCount('rule-senders')).toBe(0);
    await page.getByTestId('sender-settings-link').click();
    await page.getByTestId('settings-save').waitFor();
    expect(page.url()).toContain('#/settings');
  });

  it('triggers: on entering a saved audience, a product’s purchase day, a grade review day — each clicked, checked and stored', async () => {
    await startComposer('rule-entry', 'sms');
    await page.getByTestId('sender-sms').fill('0212345678');
    await page.getByTestId('message-text').fill('{{ name }}님, 두 번째 구매 감사합니다');
    await page.getByTestId('trigger-entry').check();
    await page.getByTestId('trigger-entry-segment').selectOption(segmentId);
    await page.getByTestId('trigger-entry-delay').locator('input').fill('24');
    await expect.poll(checkState).toContain('문제 없음');
    await shot('rules-trigger-entry');
    await page.getByTestId('save-campaign').click();
    await page.getByTestId('campaign-title').waitFor();
    const stored = async (id: string) => {
      const [row] = await q(`SELECT definition FROM campaigns WHERE campaign_id = '${id}'`);
      return JSON.parse(String(row?.definition)).trigger;
    };
    expect(await stored('rule-entry')).toEqual({ kind: 'segment_entry', segmentId, delayHours: 24 });
    await page.goto(`${demo.server.url}/#/campaigns/rule-entry/edit`);
    await expect.poll(() => page.getByTestId('trigger-entry-segment').inputValue()).toBe(segmentId);

    await startComposer('rule-golden', 'sms');
    await page.getByTestId('sender-sms').fill('0212345678');
    await page.getByTestId('message-text').fill('{{ name }}님, 구매하신 지 한 달이 됐어요');
    await page.getByTestId('trigger-golden').check();
    await page.getByTestId('trigger-anchor').selectOption('product_purchase');
    await page.getByTestId('trigger-offset').locator('input').fill('30');
    // Without the product the date is unknown: refused under the trigger, in Korean.
    await expect.poll(() => issueText('trigger')).toMatch(/상품/);
    await shot('rules-trigger-product-missing');
    const [product] = await q('SELECT product_id FROM products ORDER BY product_id LIMIT 1');
    await page.getByTestId('trigger-product').fill(String(product?.product_id));
    await expect.poll(checkState).toContain('문제 없음');
    await page.getByTestId('trigger-anchor').selectOption('grade_review');
    await page.getByTestId('trigger-offset').locator('input').fill('-3');
    await page.getByTestId('trigger-review-day').locator('input').fill('15');
    await page.getByTestId('trigger-review-every').locator('input').fill('3');
    await expect.poll(checkState).toContain('문제 없음');
    await page.getByTestId('save-campaign').click();
    await page.getByTestId('campaign-title').waitFor();
    expect(await stored('rule-golden')).toEqual({
      kind: 'date_relative',
      anchor: 'grade_review',
      offsetDays: -3,
      review: { dayOfMonth: 15, everyMonths: 3 },
    });
  });

  it('an audience that cannot be resolved: a saved segment gone from the warehouse, builder values still wrong', async () => {
    await startComposer('rule-audience', 'sms');
    await page.getByTestId('sender-sms').fill('0212345678');
    await page.getByTestId('message-text').fill('{{ name }}님, 감사합니다');
    await page.getByTestId('audience-select').selectOption(`segment:${segmentId}`);
    await expect.poll(checkState).toContain('문제 없음');
    // The segment disappears from the warehouse (e.g. a restored copy without it) while the draft is open.
    await q(`DELETE FROM segment_versions WHERE segment_id = '${segmentId}'`);
    await q(`DELETE FROM segments WHERE segment_id = '${segmentId}'`);
    await page.getByTestId('campaign-name').fill('규칙 확인 대상 없음');
    await expect
      .poll(() => issueText('audience'))
      .toContain(`저장된 대상 「${segmentId}」을(를) 찾을 수 없습니다 — 삭제되었거나 없는 대상입니다`);
    await shot('rules-audience-segment-gone');
    const refused = await saveRefused();
    expect(refused.code).toBe('CAMPAIGN_AUDIENCE_INVALID');
    expect(codesOf(refused)).toEqual(['body.audience:AUDIENCE_INVALID']);
    // Conditions built in place with a value the builder refuses: refused before any request is made.
    await page.getByTestId('audience-select').selectOption('inline');
    await page.getByTestId('cond-0-0-cmp-value').fill('3');
    await expect.poll(checkState).toContain('문제 없음');
    await page.getByTestId('cond-0-0-cmp-value').fill('');
    await expect
      .poll(() => issueText('audience'))
      .toContain('대상 조건에 고칠 값이 1개 있습니다 — 조건 아래 표시된 값을 고친 뒤 저장하세요');
    let posts = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/campaigns') && r.method() === 'POST') posts++;
    });
    await page.getByTestId('save-campaign').click();
    await expect.poll(checkState).toContain('저장할 수 없습니다');
    await shot('rules-audience-inline');
    expect(posts).toBe(0);
    expect(await storedCount('rule-audience')).toBe(0);
    await page.getByTestId('cond-0-0-cmp-value').fill('2');
    await expect.poll(checkState).toContain('문제 없음');
    await page.getByTestId('save-campaign').click();
    await page.getByTestId('campaign-title').waitFor();
    const [row] = await q(`SELECT definition FROM campaigns WHERE campaign_id = 'rule-audience'`);
    expect(JSON.parse(String(row?.definition)).audience.definition.root).toEqual({
      kind: 'orders',
      measure: 'count',
      op: 'gte',
      value: 2,
    });
  });
});

describe('settings rules typed in Chromium', () => {
  it('a 080 number that is not one and quiet hours at 25:00 are refused in Korean; nothing saved until fixed', async () => {
    await page.goto(`${demo.server.url}/#/settings`);
    await page.getByTestId('settings-name').fill('달빛상회');
    await page.getByTestId('settings-contact').fill('02-123-4567');
    await page.getByTestId('settings-optOutNumber').fill('02-123-4567');
    await page.getByTestId('settings-quiet-start').fill('25:00');
    const answer = page.waitForResponse(
      (r) => r.url().endsWith('/api/settings/compliance') && r.request().method() === 'PUT',
    );
    await page.getByTestId('settings-save').click();
    const res = await answer;
    expect(res.status()).toBe(400);
    const body = (await res.json()) as { error: { code: string; issues: { path: string[]; code: string }[] } };
    expect(body.error.code).toBe('SETTINGS_INVALID');
    expect(codesOf(body.error).sort()).toEqual([
      'body.quietHours.window.start:INVALID_FORMAT',
      'body.sender.optOutNumber:OPT_OUT_NUMBER_INVALID',
    ]);
    await expect
      .poll(() => issueText('sender.optOutNumber'))
      .toContain('수신거부 번호는 080으로 시작하는 무료 번호로 쓰세요 (예: 080-123-4567)');
    expect(await issueText('quietHours')).toContain('시각은 HH:MM (24시간, 한국 시간)으로 쓰세요');
    await shot('rules-settings-refused');
    expect(await q('SELECT revision FROM compliance_settings')).toEqual([]);
    await page.getByTestId('settings-optOutNumber').fill('080-123-4567');
    await page.getByTestId('settings-quiet-start').fill('21:00');
    await page.getByTestId('settings-save').click();
    await expect.poll(() => page.getByTestId('settings-sender-state').textContent()).toContain('모두');
    const [row] = await q('SELECT revision, policy FROM compliance_settings');
    expect(Number(row?.revision)).toBe(1);
    const policy = JSON.parse(String(row?.policy));
    expect(policy.sender.optOutNumber).toBe('080-123-4567');
    expect(policy.quietHours.window.start).toBe('21:00');
  });
});
