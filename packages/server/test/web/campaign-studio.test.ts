import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEffectivePolicy } from '../../src/campaigns/load-effective-policy.ts';
import { resolveAudience } from '../../src/campaigns/resolve-audience.ts';
import { runScheduler } from '../../src/campaigns/run-scheduler.ts';
import { plantExperiment } from '../../src/demo-experiment/plant-experiment.ts';
import { ensureDashboardBuilt } from '../../src/http/ensure-dashboard.ts';
import { clockFrom, dispatchUntilIdle, type LocalChannels, startLocalChannels } from '../e2e/support/local-channels.ts';
import { type DemoServer, startDemoServer } from '../http/demo-server.ts';
import { authHeaders } from '../support/auth.ts';
import { launchChromium } from './browser.ts';
import { loginThroughPage } from './login-page.ts';

// Stories 5, 7 and 8 in Chromium on a demo warehouse: a marketer builds a Kakao ad with a coupon,
// a holdout and two texts (A/B) entirely by clicking and typing, sees every rule refused inline in
// Korean, previews the real message for a real customer, is stopped at launch until the sender
// settings are filled on the settings page, reads a pre-flight whose numbers per block reason equal
// independent SQL counts and the scheduler's real run, launches, the dispatcher sends to the local
// Solapi gateway, planted orders are imported, and the report shows lift, interval and verdict;
// then the same audience gets an email and a webhook campaign, sent to the local SMTP server and
// a partner endpoint that verifies each signature.

const SHOTS = '/tmp/shots/studio';
const PF_ID = 'KA01PF-dalbit';
const CAMPAIGN = 'winter-kakao';
let demo: DemoServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let ch: LocalChannels;
let segmentId: string;

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const q = async (sql: string): Promise<Record<string, unknown>[]> => demo.engine.query(sql);
const n = async (sql: string): Promise<number> => Number((await q(sql))[0]?.n ?? 0);
const issueText = (at: string) => page.getByTestId(`issues-${at}`).textContent();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await ensureDashboardBuilt();
  demo = await startDemoServer({ customers: 1500, eventsPerCustomer: 2, seed: 1 });
  segmentId = await saveVipAudience();
  ch = await startLocalChannels(demo.engine, { now: () => new Date(demo.now.getTime() + 120_000) });
  browser = await launchChromium();
  page = await browser.context.newPage();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await ch?.close();
  await demo?.stop();
});

/** The marketer's saved audience "VIP 상위 고객" (the recipe's definition, saved through the API as the segments page does). */
async function saveVipAudience(): Promise<string> {
  const headers = { ...(await authHeaders(demo.engine, 'owner')), 'content-type': 'application/json' };
  const recipes = (await (await fetch(`${demo.server.url}/api/recipes`, { headers })).json()) as {
    recipes: { name: string; definition: unknown }[];
  };
  const vip = recipes.recipes.find((r) => r.name === 'vip-top-spenders');
  const res = await fetch(`${demo.server.url}/api/segments`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: 'VIP 상위 고객', recipe: 'vip-top-spenders', definition: vip?.definition }),
  });
  const body = (await res.json()) as { segment: { segmentId: string } };
  return body.segment.segmentId;
}

/** A member of the audience with a Kakao ad consent (latest granted) and a phone, for the preview. */
async function consentingMember(): Promise<string> {
  const members = await resolveAudience(demo.engine, { kind: 'segment', segmentId }, demo.now);
  const [row] = await q(`SELECT c.phone FROM customers c
    WHERE c.customer_id IN (${members.map((m) => `'${m}'`).join(', ')}) AND c.phone IS NOT NULL AND c.customer_id IN (
      SELECT customer_id FROM consents WHERE channel = 'kakao' AND purpose = 'ad'
      GROUP BY customer_id HAVING arg_max(granted, "at") = true)
    ORDER BY c.customer_id LIMIT 1`);
  if (!row) throw new Error('no consenting member');
  return String(row.phone);
}

describe('campaign studio in Chromium (stories 5, 7, 8)', () => {
  it('builds a campaign by typing: each rule refused inline in Korean, the preview shows the real message', async () => {
    await loginThroughPage(page, demo.server.url, demo.owner);
    await page.goto(`${demo.server.url}/#/campaigns`);
    await page.getByTestId('campaign-new').click();
    await page.getByTestId('campaign-name').fill('겨울 VIP 카카오 쿠폰');
    await page.getByTestId('campaign-id').fill(CAMPAIGN);
    await page.getByTestId('audience-select').selectOption(`segment:${segmentId}`);
    await page.getByTestId('audience-size').waitFor();
    await page.getByTestId('channel').selectOption('kakao_brand');
    await page.getByTestId('sender-kakao').fill(PF_ID);
    const text = page.getByTestId('message-text');
    await text.fill('{{ nmae }}님 겨울 세일');
    await expect.poll(() => issueText('templates.0.text')).toContain('알 수 없는 변수 {{ nmae }}');
    await text.fill('');
    await page.getByTestId('message-var-name').click();
    await text.press('End');
    await text.type('님, 겨울 세일 쿠폰 ');
    await page.getByTestId('message-var-coupon.code').click();
    await expect.poll(() => text.inputValue()).toBe('{{ name }}님, 겨울 세일 쿠폰 {{ coupon.code }}');
    await expect.poll(() => issueText('templates.0.text')).toContain('캠페인에 쿠폰이 없습니다');
    await shot('composer-refused');
    await page.getByTestId('coupon-attach').check();
    await page.getByTestId('coupon-prefix').fill('WIN');
    await expect.poll(() => page.getByTestId('issues-templates.0.text').count()).toBe(0);
    await text.fill('쿠폰 {{ coupon }}');
    await expect.poll(() => issueText('templates.0.text')).toContain('coupon.code');
    await text.fill('{{ coupon.expiresAt }}까지');
    await expect.poll(() => issueText('templates.0.text')).toContain('은(는) 없는 항목입니다');
    await text.fill('{{ name 님');
    await expect.poll(() => issueText('templates.0.text')).toContain('템플릿 문법 오류');
    await text.fill('가'.repeat(1001));
    await expect.poll(() => issueText('templates.0.text')).toContain('1,001자 (최대 1,000자)');
    await page.getByTestId('holdout').locator('input').fill('80');
    await expect.poll(() => page.getByTestId('holdout').textContent()).toContain('50');
    await page.getByTestId('holdout').locator('input').fill('20');
    await text.fill('{{ name }}님, 겨울 세일 쿠폰 {{ coupon.code }} ({{ coupon.value }}, {{ coupon.expires_at }}까지)');
    await page.getByTestId('ab-add').click();
    await page.getByTestId('arm-b-text').fill('{{ name }}님만을 위한 {{ coupon.value }} 쿠폰: {{ coupon.code }}');
    await expect.poll(() => page.getByTestId('check-state').textContent()).toContain('문제 없음');
    // No sender settings yet: the composer says what launch will need and where to set it.
    expect(await page.getByTestId('launch-blockers').textContent()).toContain('080 무료 수신거부 번호');
    await page.getByTestId('preview-customer').fill(await consentingMember());
    await page.getByTestId('preview-kakao_brand').waitFor();
    expect(await page.getByTestId('preview-kakao_brand').textContent()).toContain('발송되지 않습니다');
    await shot('composer-preview-no-sender');
    await page.getByTestId('save-campaign').click();
    await page.getByTestId('campaign-title').waitFor();
    expect(page.url()).toContain(`#/campaigns/${CAMPAIGN}`);
    const [saved] = await q(`SELECT status, revision FROM campaigns WHERE campaign_id = '${CAMPAIGN}'`);
    expect(saved).toMatchObject({ status: 'draft' });
  });

  it('launch is refused until the sender settings are filled on the settings page; then the preview shows (광고) and the opt-out line', async () => {
    await page.getByTestId('launch-gate').waitFor();
    expect(await page.getByTestId('launch-gate').textContent()).toContain('080 무료 수신거부 번호');
    expect(await page.getByTestId('action-launch').isDisabled()).toBe(true);
    await shot('campaign-launch-gated');
    await page.getByTestId('launch-gate-settings').click();
    await page.getByTestId('settings-name').fill('달빛상회');
    await page.getByTestId('settings-contact').fill('02-123-4567');
    await page.getByTestId('settings-optOutNumber').fill('080-123-4567');
    await page.getByTestId('settings-save').click();
    await expect
      .poll(() => page.getByTestId('settings-sender-state').textContent())
      .toContain('광고를 시작할 수 있습니다');
    await shot('settings');
    const [stored] = await q('SELECT revision, changed_by FROM compliance_settings ORDER BY revision DESC LIMIT 1');
    expect(Number(stored?.revision)).toBe(1);
    await page.goto(`${demo.server.url}/#/campaigns/${CAMPAIGN}/edit`);
    await page.getByTestId('preview-customer').fill(await consentingMember());
    await expect.poll(() => page.getByTestId('preview-text-kakao_brand').textContent()).toContain('(광고)');
    const previewed = (await page.getByTestId('preview-text-kakao_brand').textContent()) ?? '';
    expect(previewed).toContain('무료수신거부 080-123-4567');
    expect(previewed).toMatch(/쿠폰 WIN-[A-Z0-9-]+/);
    await shot('composer-preview');
  });

  it('pre-flight per block reason equals independent SQL and the real run; launch; the dispatcher sends; planted orders; the report reads lift, interval and verdict', async () => {
    await page.goto(`${demo.server.url}/#/campaigns/${CAMPAIGN}`);
    await page.getByTestId('preflight-run').click();
    await page.getByTestId('preflight-result').waitFor();
    const shown = await readPreflight();
    await shot('preflight');
    expect(shown.touches).toBeGreaterThan(0);
    expect(await page.getByTestId('action-launch').isDisabled()).toBe(false);
    await page.getByTestId('action-launch').click();
    await expect
      .poll(() => page.getByTestId('campaign-status').textContent(), { timeout: 30_000 })
      .toContain('진행 중');
    // The scheduler's real pass, as `dalbit serve --scheduler` runs it, a minute after the launch.
    const { policy } = await loadEffectivePolicy(demo.engine);
    await runScheduler(demo.engine, {
      now: new Date(demo.now.getTime() + 60_000),
      campaignIds: [CAMPAIGN],
      policy,
      couponSecret: demo.linkSecret,
    });
    const real = Object.fromEntries(
      (
        await q(
          `SELECT reason, count(*) AS n FROM messages WHERE campaign_id = '${CAMPAIGN}' AND status = 'blocked' GROUP BY reason`,
        )
      ).map((r) => [String(r.reason), Number(r.n)]),
    );
    const independent = await independentCounts(policy.marketplaceSources);
    const { OK: ok = 0, ...blockedIndependent } = independent;
    expect(shown.blocked).toEqual(real);
    expect(shown.blocked).toEqual(blockedIndependent);
    expect(shown.holdout).toBe(
      await n(`SELECT count(*) AS n FROM campaign_exposures WHERE campaign_id = '${CAMPAIGN}' AND arm = 'holdout'`),
    );
    expect(shown.queued + shown.deferred).toBe(ok);
    // The dispatcher sends what was queued to the local Solapi gateway.
    // A clock that runs (the rate limiter waits on it), starting two minutes after the launch.
    const sent = await dispatchUntilIdle(demo.engine, ch, clockFrom(new Date(demo.now.getTime() + 120_000)));
    expect(sent.accepted).toBe(shown.queued);
    const wire = ch.solapi.requests.flatMap((r) => r.body.messages).filter((m) => m.kakaoOptions?.pfId === PF_ID);
    expect(wire).toHaveLength(shown.queued);
    for (const m of wire) {
      expect(m.text).toContain('(광고)');
      expect(m.text).toContain('무료수신거부 080-123-4567');
      expect(m.text).toMatch(/WIN-[A-Z0-9-]+/);
    }
    // Orders arrive later as a shop export (planted: B converts better), imported by the importer.
    await plantExperiment(demo.engine, {
      campaignId: CAMPAIGN,
      via: 'importer',
      workDir: join(SHOTS, 'plant'),
      now: new Date(demo.now.getTime() + 8 * 86_400_000),
      baselineRate: 0.1,
      effects: { B: 1 },
      windowDays: 7,
      seed: 4,
    });
    await page.reload();
    await page.getByTestId('campaign-verdict').waitFor();
    const verdict = (await page.getByTestId('campaign-verdict').textContent()) ?? '';
    expect(verdict).toMatch(/[가-힣]{3,}.*[가-힣]{3,}/);
    expect(verdict).not.toMatch(/[A-Za-z]{4,}/);
    const lifts = (await page.getByTestId('campaign-lifts').textContent()) ?? '';
    expect(lifts).toContain('B');
    expect(lifts).toMatch(/\[[-+]\d+\.\d%, [-+]\d+\.\d%\]/);
    await shot('report');
    const download = page.waitForEvent('download');
    await page.getByTestId('report-xlsx').click();
    const file = await (await download).path();
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });

  it('the same audience by email and by webhook, built and launched by clicking: the dispatcher sends to the local SMTP server and the partner endpoint', async () => {
    await composeInfo('vip-mail', '겨울 VIP 이메일 안내', async () => {
      await page.getByTestId('channel').selectOption('email');
      await page.getByTestId('sender-email-name').fill('달빛상회');
      await page.getByTestId('sender-email-address').fill('news@dalbit.test');
      await page.getByTestId('message-subject').fill('{{ name }}님, 겨울 세일 안내');
      await page.getByTestId('message-text').fill('{{ name }}님, 이번 주 겨울 세일을 알려 드립니다.');
    });
    await composeInfo('vip-hook', 'VIP 알림 웹훅', async () => {
      await page.getByTestId('channel').selectOption('webhook');
      await page.getByTestId('message-code').fill('customer.vip');
      await page.getByTestId('message-pair-add').click();
      await page.getByTestId('message-key-0').fill('customer_name');
      await page.getByTestId('message-value-0').fill('{{ name }}');
    });
    // "Send now" is the server's clock (the demo's date), so the scheduler's pass a minute later plans them.
    for (const id of ['vip-mail', 'vip-hook']) {
      const [row] = await q(
        `SELECT definition FROM campaigns WHERE campaign_id = '${id}' ORDER BY revision DESC LIMIT 1`,
      );
      expect(JSON.parse(String(row?.definition)).trigger).toEqual({ kind: 'broadcast', at: demo.now.toISOString() });
    }
    const { policy } = await loadEffectivePolicy(demo.engine);
    await runScheduler(demo.engine, {
      now: new Date(demo.now.getTime() + 60_000),
      campaignIds: ['vip-mail', 'vip-hook'],
      policy,
      couponSecret: demo.linkSecret,
    });
    const mails0 = ch.smtp.mails.length;
    const hooks0 = ch.webhook.hooks.length;
    await dispatchUntilIdle(demo.engine, ch, clockFrom(new Date(demo.now.getTime() + 120_000)));
    const sentTo = async (id: string) =>
      (
        await q(
          `SELECT recipient, idempotency_key FROM messages WHERE campaign_id = '${id}' AND status IN ('accepted', 'delivered') ORDER BY recipient`,
        )
      ).map((r) => ({ to: String(r.recipient), key: String(r.idempotency_key) }));
    const mailed = await sentTo('vip-mail');
    expect(mailed.length).toBeGreaterThan(0);
    const mails = ch.smtp.mails.slice(mails0);
    expect(mails.map((m) => m.envelope.to[0]).sort()).toEqual(mailed.map((m) => m.to));
    for (const m of mails) {
      expect(m.envelope.from).toBe('news@dalbit.test');
      expect(m.parsed.subject).toMatch(/^[가-힣*]+님, 겨울 세일 안내$/);
    }
    const hooked = await sentTo('vip-hook');
    expect(hooked.length).toBeGreaterThan(0);
    const hooks = ch.webhook.hooks.slice(hooks0);
    expect(hooks.map((h) => h.key).sort()).toEqual(hooked.map((h) => h.key).sort());
    for (const h of hooks) {
      expect(h.signed).toBe(true);
      expect(h.body).toMatchObject({ type: 'customer.vip', purpose: 'info' });
      expect(String((h.body.data as { customer_name?: unknown }).customer_name)).toMatch(/[가-힣]/);
    }
    await page.goto(`${demo.server.url}/#/campaigns/vip-mail`);
    await page.getByTestId('campaign-title').waitFor();
    await shot('report-email');
  });
});

/** An informational campaign to the VIP audience built on the composer by clicking and typing, saved and launched from its page. */
async function composeInfo(id: string, name: string, channel: () => Promise<void>): Promise<void> {
  await page.goto(`${demo.server.url}/#/campaigns/new`);
  await page.getByTestId('campaign-name').fill(name);
  await page.getByTestId('campaign-id').fill(id);
  await page.getByTestId('campaign-purpose').selectOption('info');
  await page.getByTestId('audience-select').selectOption(`segment:${segmentId}`);
  await page.getByTestId('audience-size').waitFor();
  await channel();
  // A preview answered by the server: the composer now knows the server's clock ("send now" is the demo's date).
  const [c] = await q('SELECT customer_id FROM customers ORDER BY customer_id LIMIT 1');
  await page.getByTestId('preview-customer').fill(String(c?.customer_id));
  await page.getByTestId('preview-arm').waitFor();
  await expect.poll(() => page.getByTestId('check-state').textContent()).toContain('문제 없음');
  await page.getByTestId('save-campaign').click();
  await page.getByTestId('campaign-title').waitFor();
  await page.getByTestId('action-launch').click();
  await expect.poll(() => page.getByTestId('campaign-status').textContent(), { timeout: 30_000 }).toContain('진행 중');
}

async function readPreflight(): Promise<{
  touches: number;
  queued: number;
  deferred: number;
  holdout: number;
  blocked: Record<string, number>;
}> {
  const total = async (k: string) => Number(await page.getByTestId(`preflight-${k}`).getAttribute('data-count'));
  const blocked: Record<string, number> = {};
  for (const row of await page.locator('[data-testid^="preflight-blocked-"]').all()) {
    const id = (await row.getAttribute('data-testid')) ?? '';
    blocked[id.replace('preflight-blocked-', '')] = Number(await row.getAttribute('data-count'));
  }
  return {
    touches: await total('touches'),
    queued: await total('queued'),
    deferred: await total('deferred'),
    holdout: await total('holdout'),
    blocked,
  };
}

/**
 * The guard's outcome per customer of the sent arms, written again in SQL from the raw tables:
 * no phone → UNREACHABLE; on the 080 list or the latest Kakao ad consent withdrawn → OPTED_OUT
 * (a refusal wins at equal times); a brand-own grant → OK; a marketplace-only contact →
 * MARKETPLACE_ONLY; else NO_CONSENT.
 */
async function independentCounts(marketplaces: readonly string[]): Promise<Record<string, number>> {
  const list = marketplaces.map((m) => `'${m}'`).join(', ');
  const asOf = demo.now.toISOString();
  const rows = await q(`
    WITH p AS (SELECT DISTINCT customer_id FROM campaign_exposures WHERE campaign_id = '${CAMPAIGN}' AND arm <> 'holdout'),
    latest AS (SELECT customer_id, max("at") AS at FROM consents WHERE channel = 'kakao' AND purpose = 'ad' AND "at" <= TIMESTAMP '${asOf}' GROUP BY customer_id),
    c AS (SELECT k.customer_id, bool_and(k.granted) AS granted, min(k.source) AS source FROM consents k JOIN latest l
            ON l.customer_id = k.customer_id AND l.at = k."at" WHERE k.channel = 'kakao' AND k.purpose = 'ad' GROUP BY k.customer_id),
    mk AS (SELECT customer_id, bool_and(channel IN (${list})) AS only FROM customer_channels GROUP BY customer_id)
    SELECT CASE
      WHEN cu.phone IS NULL OR cu.phone = '' THEN 'UNREACHABLE'
      WHEN cu.phone IN (SELECT phone FROM opt_outs WHERE phone IS NOT NULL) THEN 'OPTED_OUT'
      WHEN c.granted = false THEN 'OPTED_OUT'
      WHEN c.granted AND NOT (coalesce(mk.only, false) AND c.source IN (${list})) THEN 'OK'
      WHEN coalesce(mk.only, false) THEN 'MARKETPLACE_ONLY'
      ELSE 'NO_CONSENT' END AS reason, count(*) AS n
    FROM p JOIN customers cu ON cu.customer_id = p.customer_id
    LEFT JOIN c ON c.customer_id = p.customer_id LEFT JOIN mk ON mk.customer_id = p.customer_id
    GROUP BY 1`);
  return Object.fromEntries(rows.map((r) => [String(r.reason), Number(r.n)]));
}
