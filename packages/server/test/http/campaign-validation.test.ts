import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from '../support/auth.ts';
import { type DemoServer, startDemoServer } from './demo-server.ts';

// Every rule the composer checks while typing is also refused by the API when saving: a 400 with
// the field's path under `body` and a Korean message (zod's own texts included), nothing stored.

let demo: DemoServer;
let owner: { authorization: string };
beforeAll(async () => {
  demo = await startDemoServer({ customers: 300, eventsPerCustomer: 1 });
  owner = await authHeaders(demo.engine, 'owner');
});
afterAll(async () => demo?.stop());

type Issue = { path: (string | number)[]; message: string; code?: string };
const HANGUL = /[가-힣]/;

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${demo.server.url}${path}`, {
    method,
    headers: { ...owner, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const base = (over: Record<string, unknown> = {}) => ({
  id: `v-${Math.random().toString(36).slice(2, 8)}`,
  name: '검증 캠페인',
  purpose: 'ad',
  trigger: { kind: 'broadcast', at: '2026-11-20T10:00:00+09:00' },
  channel: 'sms',
  sender: { smsFrom: '0212345678' },
  templates: [{ channel: 'sms', text: '{{ name }}님 안녕하세요' }],
  ...over,
});

async function refused(body: Record<string, unknown>): Promise<Issue[]> {
  const r = await call('POST', '/api/campaigns', body);
  expect(r.status).toBe(400);
  const error = r.body.error as { code: string; message: string; issues: Issue[] };
  expect(error.code).toBe('CAMPAIGN_INVALID');
  expect(error.message).toMatch(HANGUL);
  for (const i of error.issues) expect(i.message, JSON.stringify(i)).toMatch(HANGUL);
  const stored = await demo.engine.query<{ n: number }>(
    `SELECT count(*) AS n FROM campaigns WHERE campaign_id = '${String(body.id)}'`,
  );
  expect(Number(stored[0]?.n)).toBe(0);
  return error.issues;
}

const at = (issues: Issue[], path: (string | number)[]) => issues.filter((i) => i.path.join('.') === path.join('.'));

describe('campaign rules: 400 with the field path and a Korean message', () => {
  it('an unknown variable', async () => {
    const issues = await refused(base({ templates: [{ channel: 'sms', text: '{{ nmae }}님 안녕하세요' }] }));
    expect(at(issues, ['body', 'templates', 0, 'text'])[0]?.message).toContain('알 수 없는 변수 {{ nmae }}');
    expect(at(issues, ['body', 'templates', 0, 'text'])[0]?.code).toBe('UNKNOWN_VARIABLE');
  });

  it('a coupon variable without a coupon', async () => {
    const issues = await refused(base({ templates: [{ channel: 'sms', text: '쿠폰 {{ coupon.code }}' }] }));
    expect(at(issues, ['body', 'templates', 0, 'text'])).toEqual([
      {
        path: ['body', 'templates', 0, 'text'],
        code: 'COUPON_MISSING',
        message: expect.stringContaining('캠페인에 쿠폰이 없습니다'),
      },
    ]);
    // The same in an A/B arm that drops the campaign's coupon (`coupon: null`).
    const arm = await refused(
      base({
        coupon: { kind: 'amount', value: 3000, validDays: 7 },
        templates: [{ channel: 'sms', text: '{{ name }}님 안녕하세요' }],
        experiment: {
          holdoutPercent: 0,
          variants: [
            { name: 'A', weight: 1 },
            {
              name: 'B',
              weight: 1,
              coupon: null,
              templates: [{ channel: 'sms', text: '쿠폰 {{ coupon.expires_at }}' }],
            },
          ],
        },
      }),
    );
    const armPath = ['body', 'experiment', 'variants', 1, 'templates', 0, 'text'];
    expect(at(arm, armPath).map((i) => i.code)).toEqual(['COUPON_MISSING']);
    expect(at(arm, armPath)[0]?.message).toContain('캠페인에 쿠폰이 없습니다');
  });

  it('an object printed bare, and a member that does not exist', async () => {
    const coupon = { kind: 'amount', value: 3000, validDays: 7 };
    const bare = await refused(base({ coupon, templates: [{ channel: 'sms', text: '쿠폰 {{ coupon }}' }] }));
    expect(at(bare, ['body', 'templates', 0, 'text'])[0]?.message).toContain('coupon.code');
    expect(at(bare, ['body', 'templates', 0, 'text'])[0]?.code).toBe('OBJECT_VARIABLE');
    const member = await refused(base({ coupon, templates: [{ channel: 'sms', text: '{{ coupon.expiresAt }}까지' }] }));
    expect(at(member, ['body', 'templates', 0, 'text'])[0]?.message).toContain('없는 항목');
    expect(at(member, ['body', 'templates', 0, 'text'])[0]?.code).toBe('UNKNOWN_MEMBER');
  });

  it('a message over the channel limit (LMS 2,000 bytes) and a character SMS cannot carry', async () => {
    const long = await refused(base({ templates: [{ channel: 'sms', text: '가'.repeat(1001) }] }));
    expect(at(long, ['body', 'templates', 0, 'text'])[0]?.message).toContain('2,002바이트 (최대 2,000바이트)');
    expect(at(long, ['body', 'templates', 0, 'text'])[0]?.code).toBe('TOO_LONG');
    const emoji = await refused(base({ templates: [{ channel: 'sms', text: '세일 🎉' }] }));
    expect(at(emoji, ['body', 'templates', 0, 'text'])[0]?.message).toContain('🎉');
    expect(at(emoji, ['body', 'templates', 0, 'text'])[0]?.code).toBe('NON_EUC_KR_CHAR');
    const push = await refused(
      base({ channel: 'push', templates: [{ channel: 'push', title: '가'.repeat(70), body: '본문' }] }),
    );
    expect(at(push, ['body', 'templates', 0, 'title'])[0]?.message).toContain('푸시 제목');
    expect(at(push, ['body', 'templates', 0, 'title'])[0]?.code).toBe('TOO_LONG');
  });

  it('an AlimTalk value over 1,000 characters and its SMS fallback over the LMS limit', async () => {
    const alimtalk = (variables: Record<string, string>, smsFallback?: { text: string }) =>
      base({
        purpose: 'info',
        channel: 'kakao_alimtalk',
        sender: { kakaoSenderKey: 'KA01PF-dalbit', smsFrom: '0212345678' },
        templates: [
          {
            channel: 'kakao_alimtalk',
            templateCode: 'ORDER_SHIPPED_01',
            variables,
            ...(smsFallback ? { smsFallback } : {}),
          },
        ],
      });
    const value = await refused(alimtalk({ 고객명: '{{ name }}', 안내: '가'.repeat(1001) }));
    expect(at(value, ['body', 'templates', 0, 'variables', '안내'])).toEqual([
      {
        path: ['body', 'templates', 0, 'variables', '안내'],
        code: 'TOO_LONG',
        message: expect.stringContaining('알림톡 변수 값이(가) 너무 깁니다: 1,001자 (최대 1,000자)'),
      },
    ]);
    const fallback = await refused(alimtalk({ 고객명: '{{ name }}' }, { text: '나'.repeat(1001) }));
    expect(at(fallback, ['body', 'templates', 0, 'smsFallback', 'text'])[0]?.code).toBe('TOO_LONG');
    expect(at(fallback, ['body', 'templates', 0, 'smsFallback', 'text'])[0]?.message).toContain('2,002바이트');
  });

  it('AlimTalk with its approved text: the filled total over 1,000 characters, a missing or extra variable, no template code', async () => {
    const BODY = '#{고객명}님, 주문하신 #{상품명}이(가) 출발했습니다.';
    const alimtalk = (tpl: Record<string, unknown>) =>
      base({
        purpose: 'info',
        channel: 'kakao_alimtalk',
        sender: { kakaoSenderKey: 'KA01PF-dalbit' },
        templates: [{ channel: 'kakao_alimtalk', templateCode: 'ORDER_SHIPPED_01', templateBody: BODY, ...tpl }],
      });
    // Each value alone fits (600 and 450), the text filled with both does not: 1,000 is passed for every customer.
    const total = await refused(
      alimtalk({ variables: { 고객명: `{{ name }}${'가'.repeat(600)}`, 상품명: '나'.repeat(450) } }),
    );
    expect(at(total, ['body', 'templates', 0, 'templateBody'])).toEqual([
      {
        path: ['body', 'templates', 0, 'templateBody'],
        code: 'TOO_LONG',
        message: expect.stringContaining('1,070자 (최대 1,000자)'),
      },
    ]);
    const names = await refused(alimtalk({ variables: { 고객명: '{{ name }}', 상풍명: '코트' } }));
    expect(at(names, ['body', 'templates', 0, 'templateBody'])[0]).toMatchObject({
      code: 'ALIMTALK_VARIABLE_MISSING',
      message: expect.stringContaining('#{상품명}'),
    });
    expect(at(names, ['body', 'templates', 0, 'variables', '상풍명'])[0]).toMatchObject({
      code: 'ALIMTALK_VARIABLE_UNKNOWN',
      message: expect.stringContaining('고객명, 상품명'),
    });
    const code = await refused(alimtalk({ templateCode: '  ', variables: { 고객명: '{{ name }}', 상품명: '코트' } }));
    expect(at(code, ['body', 'templates', 0, 'templateCode'])[0]).toMatchObject({
      code: 'TEMPLATE_CODE_MISSING',
      message: expect.stringContaining('템플릿 코드'),
    });
    // Under the limit without the per-customer values it saves; a customer whose values pass it is
    // refused when the message is built for them (the preview says so, and the scheduler blocks it).
    const longPerCustomer = alimtalk({
      templateBody: '#{고객명} #{고객명} #{고객명} #{상품명}',
      variables: { 고객명: '{{name}}'.repeat(120), 상품명: '코트' },
    });
    const saved = await call('POST', '/api/campaigns', longPerCustomer);
    expect(saved.status).toBe(201);
    const [c] = await demo.engine.query<{ customer_id: string }>(
      'SELECT customer_id FROM customers WHERE phone IS NOT NULL AND length(name) >= 3 ORDER BY customer_id LIMIT 1',
    );
    const check = await call('POST', '/api/campaigns/check', { campaign: longPerCustomer, customer: c?.customer_id });
    const channel = (check.body.preview as { channels: { outcome: string; reason: string; reasonLabel: string }[] })
      .channels[0];
    expect(channel?.outcome).toBe('problem');
    expect(channel?.reason).toBe('TEMPLATE_ERROR');
    const fits = await call('POST', '/api/campaigns/check', {
      campaign: alimtalk({ variables: { 고객명: '{{ name }}', 상품명: '코트' } }),
      customer: c?.customer_id,
    });
    const shown = (fits.body.preview as { channels: { text: string; length: { value: number; limit: number } }[] })
      .channels[0];
    expect(shown?.text).toMatch(/^.+님, 주문하신 코트이\(가\) 출발했습니다\.$/);
    expect(shown?.length).toEqual({ value: [...String(shown?.text)].length, limit: 1000, unit: 'chars' });
  });

  it('an audience that cannot be resolved: an unknown saved segment, conditions with a bad value', async () => {
    const bySegment = base({ audience: { kind: 'segment', segmentId: 'gone-seg' } });
    const segment = await call('POST', '/api/campaigns', bySegment);
    expect(segment.status).toBe(400);
    const e = segment.body.error as { code: string; issues: Issue[] };
    expect(e.code).toBe('CAMPAIGN_AUDIENCE_INVALID');
    expect(e.issues).toEqual([
      {
        path: ['body', 'audience'],
        code: 'AUDIENCE_INVALID',
        message: expect.stringContaining('저장된 대상 「gone-seg」을(를) 찾을 수 없습니다'),
      },
    ]);
    const byConditions = base({
      audience: {
        kind: 'definition',
        definition: { version: 1, root: { kind: 'orders', measure: 'count', op: 'gte', value: null } },
      },
    });
    const inline = await call('POST', '/api/campaigns', byConditions);
    expect(inline.status).toBe(400);
    expect((inline.body.error as { issues: Issue[] }).issues[0]?.message).toContain('대상 조건에 문제가 있습니다');
    const n = await demo.engine.query<{ n: number }>(
      `SELECT count(*) AS n FROM campaigns WHERE campaign_id IN ('${bySegment.id}', '${byConditions.id}')`,
    );
    expect(Number(n[0]?.n)).toBe(0);
  });

  it('other composer rules carry their own code: an ad on AlimTalk, a missing template, a missing sender', async () => {
    const issues = await refused(
      base({ channel: 'kakao_alimtalk', sender: {}, templates: [{ channel: 'sms', text: '안녕하세요' }] }),
    );
    const codes = issues.map((i) => `${i.path.join('.')}:${i.code}`);
    expect(codes).toContain('body.channel:ALIMTALK_AD');
    expect(codes).toContain('body.templates:TEMPLATE_MISSING');
    expect(codes).toContain('body.sender.kakaoSenderKey:KAKAO_SENDER_KEY_MISSING');
  });

  it('scenario, arm, email-sender and date-trigger rules carry their own code at their path', async () => {
    const codes = (issues: Issue[]) => issues.map((i) => `${i.path.join('.')}:${i.code}`);
    const scenario = await refused(
      base({
        scenario: {
          steps: [
            { id: 'first', kind: 'message' },
            { id: 'check', kind: 'branch', if: { kind: 'purchased' }, whenTrue: 'end', whenFalse: 'nowhere' },
            { id: 'end', kind: 'exit' },
            { id: 'end', kind: 'exit' },
          ],
        },
      }),
    );
    expect(codes(scenario)).toContain('body.scenario.steps.1:UNKNOWN_STEP');
    expect(codes(scenario)).toContain('body.scenario.steps:DUPLICATE_STEP_ID');
    const arms = await refused(
      base({
        experiment: {
          holdoutPercent: 0,
          variants: [
            { name: 'A', weight: 1 },
            { name: 'A', weight: 1 },
          ],
        },
      }),
    );
    expect(codes(arms)).toContain('body.experiment.variants:DUPLICATE_ARM_NAME');
    const email = await refused(
      base({ channel: 'email', sender: {}, templates: [{ channel: 'email', subject: '안내', text: '{{ name }}님' }] }),
    );
    expect(codes(email)).toContain('body.sender.email:EMAIL_SENDER_MISSING');
    const product = await refused(
      base({ purpose: 'info', trigger: { kind: 'date_relative', anchor: 'product_purchase', offsetDays: 30 } }),
    );
    expect(codes(product)).toContain('body.trigger.productId:PRODUCT_ID_MISSING');
    const review = await refused(
      base({ purpose: 'info', trigger: { kind: 'date_relative', anchor: 'grade_review', offsetDays: -3 } }),
    );
    expect(codes(review)).toContain('body.trigger.review:REVIEW_MISSING');
  });

  it("zod's own checks read Korean too (holdout over 50 %, a missing name, a bad time)", async () => {
    const issues = await refused(
      base({
        name: undefined,
        experiment: { holdoutPercent: 80 },
        trigger: { kind: 'recurring', every: 'day', time: '25:00' },
      }),
    );
    expect(at(issues, ['body', 'experiment', 'holdoutPercent'])).toHaveLength(1);
    expect(at(issues, ['body', 'name'])[0]?.message).toBe('값을 입력하세요');
    expect(at(issues, ['body', 'trigger', 'time'])[0]?.message).toContain('HH:MM');
  });

  it('a request-level 400 (preflight range) is Korean as well', async () => {
    const r = await call('POST', '/api/campaigns/nope/preflight', { from: '2026/11/20', to: 'x' });
    expect(r.status).toBe(400);
    const error = r.body.error as { message: string; issues: Issue[] };
    expect(error.message).toMatch(HANGUL);
    expect(error.issues.map((i) => i.path.join('.'))).toEqual(['body.from', 'body.to']);
  });

  it('an ad without sender settings cannot launch: 409 with each missing field under settings.sender', async () => {
    const saved = await call('POST', '/api/campaigns', base({ id: 'no-sender' }));
    expect(saved.status).toBe(201);
    const r = await call('POST', '/api/campaigns/no-sender/launch');
    expect(r.status).toBe(409);
    const error = r.body.error as { code: string; message: string; issues: Issue[] };
    expect(error.code).toBe('SENDER_INFO_MISSING');
    expect(error.message).toContain('설정');
    expect(error.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'settings.sender.contact',
      'settings.sender.name',
      'settings.sender.optOutNumber',
    ]);
  });
});

describe('POST /api/campaigns/check (the composer while typing)', () => {
  it('returns the same issues relative to the campaign, the launch blockers and a real customer preview', async () => {
    const [c] = await demo.engine.query<{ customer_id: string; phone: string }>(
      'SELECT customer_id, phone FROM customers WHERE phone IS NOT NULL ORDER BY customer_id LIMIT 1',
    );
    const bad = await call('POST', '/api/campaigns/check', {
      campaign: base({ templates: [{ channel: 'sms', text: '{{ nmae }} {{ coupon.code }}' }] }),
    });
    expect(bad.status).toBe(200);
    const issues = bad.body.issues as Issue[];
    expect(issues.map((i) => `${i.path.join('.')}:${i.code}`).sort()).toEqual([
      'templates.0.text:COUPON_MISSING',
      'templates.0.text:UNKNOWN_VARIABLE',
    ]);
    expect((bad.body.launchBlockers as Issue[]).map((i) => i.path.join('.'))).toContain('settings.sender.optOutNumber');
    const good = await call('POST', '/api/campaigns/check', {
      campaign: base({
        coupon: { kind: 'amount', value: 3000, validDays: 7, prefix: 'WIN' },
        templates: [{ channel: 'sms', text: '{{ name }}님 쿠폰 {{ coupon.code }}' }],
      }),
      customer: c?.phone,
    });
    expect(good.body.ok).toBe(true);
    const preview = good.body.preview as {
      customerId: string;
      channels: { channel: string; text: string; outcome: string; reasonLabel: string | null }[];
    };
    expect(preview.customerId).toBe(c?.customer_id);
    const sms = preview.channels.find((x) => x.channel === 'sms');
    expect(sms?.text).toMatch(/쿠폰 WIN-[A-Z0-9-]+/);
    // No sender settings yet: the guard blocks the ad, and says why in Korean.
    expect(sms?.outcome).toBe('block');
    expect(sms?.reasonLabel).toMatch(HANGUL);
  });
});
