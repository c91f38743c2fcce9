import { addKstDays, fromKst } from '@dalbit/core/time/kst';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/auth/api-tokens.ts';
import { readComplianceSettings } from '../../src/campaigns/compliance-settings.ts';
import { runScheduler } from '../../src/campaigns/run-scheduler.ts';
import { sql } from '../../src/engines/engine.ts';
import { authHeaders, seedUser } from '../support/auth.ts';
import { type DemoServer, startDemoServer } from './demo-server.ts';

let demo: DemoServer;
let roles: Record<'owner' | 'marketer' | 'analyst', { authorization: string }>;
let ownerId: string;
beforeAll(async () => {
  demo = await startDemoServer({ customers: 1200 });
  const owner = await seedUser(demo.engine, { role: 'owner' });
  ownerId = owner.id;
  roles = {
    owner: { authorization: `Bearer ${(await createApiToken(demo.engine, owner.id, 'test', new Date())).token}` },
    marketer: await authHeaders(demo.engine, 'marketer'),
    analyst: await authHeaders(demo.engine, 'analyst'),
  };
});
afterAll(async () => {
  await demo?.stop();
});

type Json = Record<string, unknown>;
type Issue = { path: (string | number)[]; message: string; code?: string };
type ErrorBody = { error: { code: string; message: string; issues: Issue[] } };
type Role = keyof typeof roles | 'nobody';

async function call(
  role: Role,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Json; text: string; type: string }> {
  const headers: Record<string, string> = role === 'nobody' ? {} : { ...roles[role] };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${demo.server.url}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, text, type, body: type.includes('json') && text ? (JSON.parse(text) as Json) : {} };
}
const err = (r: { body: Json }) => (r.body as unknown as ErrorBody).error;
const count = async (text: string, params: string[] = []): Promise<number> =>
  Number(
    (
      await demo.engine.query<{ n: number }>(
        sql(
          text,
          params,
          params.map(() => 'string' as const),
        ),
      )
    )[0]?.n ?? 0,
  );

/** An SMS ad to women, broadcast at 10:00 KST the day before the demo's clock, 10 % held out. */
function womenBroadcast(id: string): Json {
  const day = new Date(demo.now.getTime() - 24 * 3600_000).toISOString().slice(0, 10);
  return {
    id,
    name: '겨울 신상품 안내',
    purpose: 'ad',
    audience: {
      kind: 'definition',
      definition: { version: 1, root: { kind: 'profile', field: 'gender', op: 'eq', value: 'F' } },
    },
    trigger: { kind: 'broadcast', at: `${day}T01:00:00Z` },
    channel: 'sms',
    sender: { smsFrom: '0212345678' },
    sendTime: { time: '10:00', usePreferredHour: false },
    templates: [{ channel: 'sms', text: '{{ name }}님, 겨울 신상품이 나왔어요' }],
    experiment: { holdoutPercent: 10, variants: [] },
  };
}

const SENDER = { name: '달빛상회', contact: '02-123-4567', optOutNumber: '080-123-4567' };

describe('campaign lifecycle over HTTP (real server, demo warehouse)', () => {
  it('refuses callers without the permission: 401 without login, 403 for an analyst or a marketer on settings', async () => {
    const anon = await call('nobody', 'POST', '/api/campaigns', womenBroadcast('x'));
    expect(anon.status).toBe(401);
    const analyst = await call('analyst', 'POST', '/api/campaigns', womenBroadcast('x'));
    expect(analyst.status).toBe(403);
    expect(err(analyst).code).toBe('FORBIDDEN');
    expect(err(analyst).message).toMatch(/권한/);
    expect((await call('analyst', 'POST', '/api/campaigns/x/launch')).status).toBe(403);
    expect((await call('marketer', 'PUT', '/api/settings/compliance', { sender: SENDER })).status).toBe(403);
    expect((await call('analyst', 'POST', '/api/customers/c_0/consents', { granted: false })).status).toBe(403);
    expect((await call('analyst', 'GET', '/api/campaigns')).status).toBe(200);
  });

  it('refuses an invalid campaign with a Korean message and the path of every problem; nothing saved', async () => {
    const bad = await call('marketer', 'POST', '/api/campaigns', {
      ...womenBroadcast('bad-one'),
      sender: {},
      templates: [{ channel: 'sms', text: '{{ name 님' }],
    });
    expect(bad.status).toBe(400);
    expect(err(bad).code).toBe('CAMPAIGN_INVALID');
    expect(err(bad).message).toMatch(/캠페인 정의에 문제가 \d+건 있습니다/);
    const paths = err(bad).issues.map((i) => i.path.join('.'));
    expect(paths).toContain('body.sender.smsFrom');
    expect(paths.some((p) => p.startsWith('body.templates.0'))).toBe(true);
    const audience = await call('marketer', 'POST', '/api/campaigns', {
      ...womenBroadcast('bad-two'),
      audience: { kind: 'segment', segmentId: 'no-such-segment' },
    });
    expect(audience.status).toBe(400);
    expect(err(audience).code).toBe('CAMPAIGN_AUDIENCE_INVALID');
    expect(err(audience).issues[0]?.path).toEqual(['body', 'audience']);
    expect(await count("SELECT count(*) AS n FROM campaigns WHERE campaign_id LIKE 'bad-%'")).toBe(0);
  });

  it('refuses an unknown variable in a follow-up step and in an AlimTalk template: 400, code, field path, Korean message; nothing saved', async () => {
    const followUp = await call('marketer', 'POST', '/api/campaigns', {
      ...womenBroadcast('bad-follow-up'),
      purpose: 'info',
      scenario: {
        steps: [
          { id: 'first', kind: 'message' },
          { id: 'wait', kind: 'wait', hours: 72 },
          { id: 'check', kind: 'branch', if: { kind: 'purchased' }, whenTrue: 'end', whenFalse: 'second' },
          { id: 'second', kind: 'message', templates: [{ channel: 'sms', text: '{{ nmae }}님, 리뷰를 남겨 주세요' }] },
          { id: 'end', kind: 'exit' },
        ],
      },
    });
    expect(followUp.status).toBe(400);
    expect(err(followUp).code).toBe('CAMPAIGN_INVALID');
    const step = err(followUp).issues.find((i) => i.path.join('.').startsWith('body.scenario.steps.3.templates.0'));
    expect(step?.message).toContain('알 수 없는 변수 {{ nmae }}');
    const alimtalk = await call('marketer', 'POST', '/api/campaigns', {
      ...womenBroadcast('bad-alimtalk'),
      purpose: 'info',
      channel: 'kakao_alimtalk',
      sender: { kakaoSenderKey: 'KA01PF-dalbit' },
      templates: [
        {
          channel: 'kakao_alimtalk',
          templateCode: 'ORDER_SHIPPED_01',
          variables: { 고객명: '{{ nmae }}', 상품명: '코트' },
        },
      ],
    });
    expect(alimtalk.status).toBe(400);
    expect(err(alimtalk).code).toBe('CAMPAIGN_INVALID');
    const variable = err(alimtalk).issues.find((i) => i.path.join('.').startsWith('body.templates.0'));
    expect(variable?.message).toContain('알 수 없는 변수 {{ nmae }}');
    expect(
      await count("SELECT count(*) AS n FROM campaigns WHERE campaign_id IN ('bad-follow-up', 'bad-alimtalk')"),
    ).toBe(0);
  });

  it('refuses a badly typed send date with 400 at body.trigger.at in Korean (YYYY-MM-DD HH:MM); nothing saved', async () => {
    const bad = await call('marketer', 'POST', '/api/campaigns', {
      ...womenBroadcast('bad-date'),
      trigger: { kind: 'broadcast', at: '2026-13-45T25:99:00+09:00' },
    });
    expect(bad.status).toBe(400);
    expect(err(bad).code).toBe('CAMPAIGN_INVALID');
    expect(err(bad).issues.find((i) => i.path.join('.') === 'body.trigger.at')?.message).toContain('YYYY-MM-DD HH:MM');
    expect(await count("SELECT count(*) AS n FROM campaigns WHERE campaign_id = 'bad-date'")).toBe(0);
  });

  it('creates a draft, refuses a second one with the same id, and duplicates it as a draft', async () => {
    const created = await call('marketer', 'POST', '/api/campaigns', womenBroadcast('winter'));
    expect(created.status).toBe(201);
    expect((created.body.campaign as Json).status).toBe('draft');
    expect(created.body.revision).toBe(1);
    const again = await call('marketer', 'POST', '/api/campaigns', womenBroadcast('winter'));
    expect(again.status).toBe(409);
    expect(err(again).code).toBe('CAMPAIGN_EXISTS');
    const copy = await call('marketer', 'POST', '/api/campaigns/winter/duplicate', { newId: 'winter-copy' });
    expect(copy.status).toBe(201);
    expect((copy.body.campaign as Json).name).toBe('겨울 신상품 안내 (복사본)');
    const list = await call('analyst', 'GET', '/api/campaigns');
    const rows = list.body.campaigns as { campaignId: string; statusLabel: string }[];
    expect(rows.find((r) => r.campaignId === 'winter')?.statusLabel).toBe('초안');
  });

  it('blocks the launch of an ad until the sender settings are filled, saying which fields and where', async () => {
    const pre = await call('analyst', 'POST', '/api/campaigns/winter/preflight', {
      from: demo.now.toISOString().slice(0, 10),
      to: demo.now.toISOString().slice(0, 10),
    });
    expect(pre.status).toBe(200);
    const blockers = pre.body.launchBlockers as { code: string; message: string; fixAt: string }[];
    expect(blockers[0]?.code).toBe('SENDER_INFO_MISSING');
    expect(blockers[0]?.fixAt).toBe('/settings');
    const launch = await call('marketer', 'POST', '/api/campaigns/winter/launch');
    expect(launch.status).toBe(409);
    expect(err(launch).code).toBe('SENDER_INFO_MISSING');
    expect(err(launch).message).toContain('080 무료 수신거부 번호');
    expect(err(launch).issues.map((i) => i.path.join('.'))).toEqual([
      'settings.sender.name',
      'settings.sender.contact',
      'settings.sender.optOutNumber',
    ]);
  });

  it('saves sender settings as a new revision with the caller, refusing bad values in Korean', async () => {
    const current = await call('analyst', 'GET', '/api/settings/compliance');
    expect(current.body.revision).toBe(0);
    expect(current.body.missingSender).toEqual(['name', 'contact', 'optOutNumber']);
    const policy = current.body.policy as Json;
    const bad = await call('owner', 'PUT', '/api/settings/compliance', {
      ...policy,
      quietHours: { ...(policy.quietHours as Json), window: { start: '25:00', end: '08:00' } },
    });
    expect(bad.status).toBe(400);
    expect(err(bad).code).toBe('SETTINGS_INVALID');
    expect(err(bad).message).toMatch(/설정값에 문제가 1건/);
    expect(err(bad).issues[0]?.path).toEqual(['body', 'quietHours', 'window', 'start']);
    const badOptOut = await call('owner', 'PUT', '/api/settings/compliance', {
      ...policy,
      sender: { ...SENDER, optOutNumber: '02-123-4567' },
    });
    expect(badOptOut.status).toBe(400);
    expect(err(badOptOut).issues).toEqual([
      {
        path: ['body', 'sender', 'optOutNumber'],
        code: 'OPT_OUT_NUMBER_INVALID',
        message: '수신거부 번호는 080으로 시작하는 무료 번호로 쓰세요 (예: 080-123-4567)',
      },
    ]);
    expect((await readComplianceSettings(demo.engine)).revision).toBe(0);
    const saved = await call('owner', 'PUT', '/api/settings/compliance', { ...policy, sender: SENDER });
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBe(1);
    expect(saved.body.missingSender).toEqual([]);
    const stored = await readComplianceSettings(demo.engine);
    expect(stored.policy.sender.optOutNumber).toBe('080-123-4567');
    expect(stored.changedBy).toBe(ownerId);
    expect(saved.body.changedBy).toBe(ownerId);
  });

  it('pre-flight counts equal what the scheduler then records, per outcome and block reason', async () => {
    const day = new Date(demo.now.getTime() - 24 * 3600_000).toISOString().slice(0, 10);
    const pre = await call('analyst', 'POST', '/api/campaigns/winter/preflight', { from: day, to: day });
    expect(pre.status).toBe(200);
    const totals = pre.body.totals as Record<string, number>;
    expect(totals.touches).toBeGreaterThan(100);
    expect(pre.body.launchBlockers).toEqual([]);
    const launch = await call('marketer', 'POST', '/api/campaigns/winter/launch');
    expect(launch.status).toBe(200);
    expect(launch.body.status).toBe('active');
    const { policy } = await readComplianceSettings(demo.engine);
    // The scheduler pass at the end of that day (KST), the moment the pre-flight plans each day as of.
    await runScheduler(demo.engine, { now: fromKst(addKstDays(day, 1)), campaignIds: ['winter'], policy });
    const blocked = pre.body.blocked as { reason: string; label: string; count: number }[];
    expect(blocked.length).toBeGreaterThan(0);
    for (const b of blocked) {
      expect(b.label).toMatch(/[가-힣]/);
      expect(b.label).not.toBe(b.reason);
      expect(b.count).toBe(
        await count(
          "SELECT count(*) AS n FROM messages WHERE campaign_id = 'winter' AND status = 'blocked' AND reason = $1",
          [b.reason],
        ),
      );
    }
    expect(totals.holdout).toBe(
      await count("SELECT count(*) AS n FROM campaign_exposures WHERE campaign_id = 'winter' AND arm = 'holdout'"),
    );
    expect(totals.queued).toBe(
      await count("SELECT count(*) AS n FROM messages WHERE campaign_id = 'winter' AND status = 'queued'"),
    );
  });

  it('edits a running campaign as a new revision; what was planned stays with its revision', async () => {
    const edited = await call('marketer', 'PUT', '/api/campaigns/winter', {
      ...womenBroadcast('winter'),
      name: '겨울 신상품 안내 (수정)',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.revision).toBe(3);
    expect((edited.body.campaign as Json).status).toBe('active');
    const versions = (await call('analyst', 'GET', '/api/campaigns/winter/versions')).body.versions as {
      revision: number;
      exposures: number;
    }[];
    expect(versions.map((v) => v.revision)).toEqual([3, 2, 1]);
    const exposures = await count("SELECT count(*) AS n FROM campaign_exposures WHERE campaign_id = 'winter'");
    expect(versions.find((v) => v.revision === 2)?.exposures).toBe(exposures);
    expect(versions.find((v) => v.revision === 3)?.exposures).toBe(0);
    const mismatch = await call('marketer', 'PUT', '/api/campaigns/winter', womenBroadcast('other'));
    expect(mismatch.status).toBe(400);
    expect(err(mismatch).code).toBe('CAMPAIGN_ID_MISMATCH');
  });

  it('previews the message for a customer found by phone, with the ad marks and a masked number', async () => {
    const [woman] = await demo.engine.query<{ phone: string; name: string }>(
      "SELECT phone, name FROM customers WHERE gender = 'F' AND phone LIKE '+8210%' AND name IS NOT NULL ORDER BY customer_id LIMIT 1",
    );
    const local = `0${String(woman?.phone).slice(3)}`;
    const p = await call('analyst', 'POST', '/api/campaigns/winter/preview', {
      customer: `${local.slice(0, 3)}-${local.slice(3, 7)}-${local.slice(7)}`,
    });
    expect(p.status).toBe(200);
    const sms = (p.body.channels as { channel: string; decision?: { message?: Json }; rendered?: Json }[])[0];
    const text = JSON.stringify(sms);
    expect(text).toContain(`${woman?.name}님, 겨울 신상품이 나왔어요`);
    expect(text).not.toContain(local);
    if (sms?.decision?.message) {
      expect(String(sms.decision.message.text)).toMatch(/^\(광고\)달빛상회/);
      expect(String(sms.decision.message.text)).toContain('무료수신거부 080-123-4567');
    }
    const nobody = await call('analyst', 'POST', '/api/campaigns/winter/preview', { customer: '010-0000-0001' });
    expect(nobody.status).toBe(404);
    expect(err(nobody).message).toMatch(/고객을 찾을 수 없습니다/);
  });

  it('pauses, refuses a second pause in Korean, resumes, and a stop cancels what waits in the outbox', async () => {
    const pause = await call('marketer', 'POST', '/api/campaigns/winter/pause');
    expect(pause.status).toBe(200);
    expect(pause.body.statusLabel).toBe('일시정지');
    const queuedBefore = pause.body.cancelled as number;
    expect(queuedBefore).toBeGreaterThan(0);
    expect(await count("SELECT count(*) AS n FROM messages WHERE campaign_id = 'winter' AND status = 'queued'")).toBe(
      0,
    );
    expect(
      await count("SELECT count(*) AS n FROM messages WHERE campaign_id = 'winter' AND reason = 'CAMPAIGN_PAUSED'"),
    ).toBe(queuedBefore);
    const twice = await call('marketer', 'POST', '/api/campaigns/winter/pause');
    expect(twice.status).toBe(409);
    expect(err(twice).code).toBe('CAMPAIGN_BAD_TRANSITION');
    expect(err(twice).message).toContain("'일시정지' 상태의 캠페인은 '일시정지'할 수 없습니다");
    expect((await call('marketer', 'POST', '/api/campaigns/winter/resume')).body.status).toBe('active');
    const stop = await call('marketer', 'POST', '/api/campaigns/winter/stop');
    expect(stop.body.status).toBe('stopped');
    const edit = await call('marketer', 'PUT', '/api/campaigns/winter', womenBroadcast('winter'));
    expect(edit.status).toBe(409);
    expect(err(edit).code).toBe('CAMPAIGN_NOT_EDITABLE');
  });

  it('reports with Korean labels, arm names and a verdict sentence instead of a code', async () => {
    const r = await call('analyst', 'GET', '/api/campaigns/winter/report');
    expect(r.status).toBe(200);
    const p = r.body.presented as {
      labels: Record<string, string>;
      arms: { arm: string; label: string; targeted: number }[];
      verdictText: string;
      lifts: { label: string; relative: unknown }[];
    };
    expect(p.labels.targeted).toBe('대상');
    expect(p.labels.heldOut).toBe('대조군 제외');
    expect(p.arms.map((a) => a.label).sort()).toEqual(['대조군 (미발송)', '발송군'].sort());
    const holdout = p.arms.find((a) => a.arm === 'holdout');
    expect(holdout?.targeted).toBe(
      await count(
        "SELECT count(DISTINCT customer_id) AS n FROM campaign_exposures WHERE campaign_id = 'winter' AND arm = 'holdout'",
      ),
    );
    expect(p.verdictText).toMatch(/[가-힣]{4,}/);
    expect(p.verdictText).not.toContain('no_comparison');
    expect(p.lifts[0]?.label).toBe('발송군');
    const en = await call('analyst', 'GET', '/api/campaigns/winter/report?lang=en');
    expect((en.body.presented as { labels: Record<string, string> }).labels.targeted).toBe('targeted');
    expect((await call('analyst', 'GET', '/api/campaigns/nope/report')).status).toBe(404);
  });

  it('shows delivered / opened / clicked only where the channel reported them, each equal to the outbox', async () => {
    type Presented = {
      arms: { arm: string; delivered: number; opened: number }[];
      reported: Record<string, boolean>;
      labels: Record<string, string>;
    };
    const before = (await call('analyst', 'GET', '/api/campaigns/winter/report')).body.presented as Presented;
    expect(before.reported).toEqual({ delivered: false, opened: false, clicked: false });
    // Three SMS delivery receipts arrive (as the receipts route records them).
    await demo.engine.query(`UPDATE messages SET status = 'delivered', delivered_at = due_at WHERE idempotency_key IN (
      SELECT idempotency_key FROM messages WHERE campaign_id = 'winter' ORDER BY idempotency_key LIMIT 3)`);
    const after = (await call('analyst', 'GET', '/api/campaigns/winter/report')).body.presented as Presented;
    expect(after.reported).toEqual({ delivered: true, opened: false, clicked: false });
    expect(after.labels.delivered).toBe('도달');
    expect(after.arms.find((a) => a.arm === 'main')?.delivered).toBe(
      await count(
        "SELECT count(DISTINCT customer_id) AS n FROM messages WHERE campaign_id = 'winter' AND delivered_at IS NOT NULL",
      ),
    );
  });

  it('sets a coupon (new revision), lists the codes issued and exports them as CSV', async () => {
    const bad = await call('marketer', 'PUT', '/api/campaigns/winter-copy/coupon', {
      coupon: { kind: 'percent', value: 150, validDays: 7 },
    });
    expect(bad.status).toBe(400);
    expect(err(bad).issues[0]?.path).toEqual(['body', 'coupon', 'value']);
    const set = await call('marketer', 'PUT', '/api/campaigns/winter-copy/coupon', {
      coupon: { kind: 'amount', value: 3000, validDays: 7, prefix: 'WIN' },
    });
    expect(set.status).toBe(200);
    expect(set.body.revision).toBe(2);
    await call('marketer', 'PUT', '/api/campaigns/winter-copy', {
      ...womenBroadcast('winter-copy'),
      coupon: { kind: 'amount', value: 3000, validDays: 7, prefix: 'WIN' },
      templates: [{ channel: 'sms', text: '{{ name }}님, 쿠폰 {{ coupon.code }}' }],
    });
    expect((await call('marketer', 'POST', '/api/campaigns/winter-copy/launch')).status).toBe(200);
    const { policy } = await readComplianceSettings(demo.engine);
    await runScheduler(demo.engine, { now: demo.now, campaignIds: ['winter-copy'], policy, couponSecret: 's' });
    const issued = await count("SELECT count(*) AS n FROM coupons WHERE campaign_id = 'winter-copy'");
    expect(issued).toBeGreaterThan(0);
    const list = await call('analyst', 'GET', '/api/campaigns/winter-copy/coupons?limit=5');
    expect(list.body.total).toBe(issued);
    expect((list.body.coupons as { code: string }[]).every((c) => c.code.startsWith('WIN'))).toBe(true);
    const csv = await call('analyst', 'POST', '/api/campaigns/winter-copy/coupons/export');
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('쿠폰코드,할인유형,할인값,대상상품,발급일시,만료일시,사용여부');
    expect(lines.length - 1).toBe(issued);
  });

  it('shows, grants with proof and withdraws consent of a customer found by email', async () => {
    const [c] = await demo.engine.query<{ customer_id: string; email: string }>(
      'SELECT customer_id, email FROM customers WHERE email IS NOT NULL ORDER BY customer_id LIMIT 1',
    );
    const path = `/api/customers/${encodeURIComponent(String(c?.email))}/consents`;
    const before = await call('analyst', 'GET', path);
    expect(before.status).toBe(200);
    expect(before.body.customerId).toBe(c?.customer_id);
    const noProof = await call('marketer', 'POST', path, { granted: true, channels: ['sms'], purposes: ['ad'] });
    expect(noProof.status).toBe(400);
    expect(err(noProof).code).toBe('CONSENT_PROOF_REQUIRED');
    expect(err(noProof).issues[0]?.path).toEqual(['body', 'proof']);
    const badChannel = await call('marketer', 'POST', path, { granted: false, channels: ['fax'], purposes: ['ad'] });
    expect(badChannel.status).toBe(400);
    expect(err(badChannel).issues[0]?.path).toEqual(['body', 'channels', 0]);
    const at = new Date(demo.now.getTime() + 60_000).toISOString();
    const grant = await call('marketer', 'POST', path, {
      granted: true,
      channels: ['sms'],
      purposes: ['ad'],
      proof: '매장 가입서 서명 (광고성 정보 수신 동의)',
      at,
    });
    expect(grant.status).toBe(201);
    expect(grant.body.added).toBe(1);
    const after = await call('analyst', 'GET', path);
    const state = after.body.state as { key: string; granted: boolean }[];
    expect(state.find((s) => s.key === 'sms:ad')?.granted).toBe(true);
    const withdraw = await call('marketer', 'POST', path, {
      granted: false,
      channels: ['sms'],
      purposes: ['ad'],
      at: new Date(demo.now.getTime() + 120_000).toISOString(),
    });
    expect(withdraw.status).toBe(201);
    const last = (await call('analyst', 'GET', path)).body.state as { key: string; granted: boolean }[];
    expect(last.find((s) => s.key === 'sms:ad')?.granted).toBe(false);
  });

  it('archives a stopped campaign (hidden unless asked) and documents every route in /openapi.json', async () => {
    expect((await call('marketer', 'POST', '/api/campaigns/winter/archive')).body.status).toBe('archived');
    const list = (await call('analyst', 'GET', '/api/campaigns')).body.campaigns as { campaignId: string }[];
    expect(list.map((c) => c.campaignId)).not.toContain('winter');
    const all = (await call('analyst', 'GET', '/api/campaigns?includeArchived=true')).body.campaigns as {
      campaignId: string;
    }[];
    expect(all.map((c) => c.campaignId)).toContain('winter');
    const doc = (await (await fetch(`${demo.server.url}/openapi.json`)).json()) as { paths: Record<string, Json> };
    for (const p of [
      '/api/campaigns',
      '/api/campaigns/{id}',
      '/api/campaigns/{id}/launch',
      '/api/campaigns/{id}/pause',
      '/api/campaigns/{id}/resume',
      '/api/campaigns/{id}/stop',
      '/api/campaigns/{id}/archive',
      '/api/campaigns/{id}/duplicate',
      '/api/campaigns/{id}/versions',
      '/api/campaigns/{id}/preflight',
      '/api/campaigns/{id}/preview',
      '/api/campaigns/{id}/report',
      '/api/campaigns/{id}/coupon',
      '/api/campaigns/{id}/coupons',
      '/api/campaigns/{id}/coupons/export',
      '/api/settings/compliance',
      '/api/customers/{id}/consents',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
    const create = doc.paths['/api/campaigns']?.post as { requestBody?: unknown };
    expect(JSON.stringify(create.requestBody)).toContain('holdoutPercent');
  });
});
