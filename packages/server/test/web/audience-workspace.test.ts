import { explainSegment } from '@dalbit/core/segments/explain';
import type { Condition } from '@dalbit/core/segments/schema';
import { DAY_MS, kstDayStart, kstDayToIso, toKstDay } from '@dalbit/core/time/kst';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeWarehouseRfm, storeRfmScores } from '../../src/analytics/rfm/warehouse-rfm.ts';
import { refreshSegments } from '../../src/segments/refresh-segments.ts';
import type { DemoServer } from '../http/demo-server.ts';
import { authHeaders } from '../support/auth.ts';
import { type DashboardSession, openDashboard } from './dashboard-session.ts';
import { shoot } from './shots.ts';

const SHOTS = process.env.DALBIT_SHOTS ?? '/tmp/shots/audience';

let session: DashboardSession | undefined;
let demo: DemoServer;
let page: Page;
let owner: { authorization: string };

beforeAll(async () => {
  session = await openDashboard({ customers: 300, eventsPerCustomer: 3, seed: 3 });
  ({ demo, page, owner } = session);
}, 400_000);
afterAll(() => session?.close());

async function call<T>(
  path: string,
  init: { body?: unknown; raw?: Buffer; headers?: Record<string, string>; method?: string } = {},
) {
  const res = await fetch(`${demo.server.url}${path}`, {
    method: init.method ?? (init.body === undefined && init.raw === undefined ? 'GET' : 'POST'),
    headers: {
      ...owner,
      'content-type': init.raw ? 'application/octet-stream' : 'application/json',
      ...init.headers,
    },
    ...(init.raw ? { body: init.raw } : init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, json: (await res.json()) as T };
}
async function api<T>(path: string, body?: unknown): Promise<T> {
  const r = await call<T>(path, body === undefined ? {} : { body });
  expect(r.status).toBeLessThan(300);
  return r.json;
}
const count = async (q: string): Promise<number> => Number((await demo.engine.query<{ n: number }>(q))[0]?.n ?? 0);
const ko = (n: number): string => n.toLocaleString('ko-KR');

const boughtLately: Condition = {
  kind: 'orders',
  measure: 'count',
  op: 'gte',
  value: 1,
  filter: { window: { kind: 'last_days', days: 14 } },
};
const smsAd: Condition = { kind: 'reachable', channel: 'sms', purpose: 'ad' };

describe('audience page', () => {
  let id = '';
  const today = () => toKstDay(demo.now);

  it('shows the size per day from the daily refreshes and who entered and left, equal to the warehouse', async () => {
    await api('/api/segments', { name: '다른 세그먼트', definition: { version: 1, root: smsAd } });
    const created = await api<{ segment: { segmentId: string } }>('/api/segments', {
      name: '최근 2주 구매 고객',
      definition: { version: 1, root: boughtLately },
    });
    id = created.segment.segmentId;
    // Four daily refreshes, as the daily loop leaves them (oldest first).
    const days = [3, 2, 1, 0].map((back) => today() - back);
    for (const d of days) await refreshSegments(demo.engine, { asOf: kstDayStart(d), segmentIds: [id] });
    await page.goto(`${demo.server.url}/#/segments`);
    await page.getByTestId(`saved-${id}`).getByTestId('saved-open').click();
    await page.getByTestId('audience-size-chart').waitFor();
    expect(await page.getByTestId('audience-name').textContent()).toContain('최근 2주 구매 고객');
    const sizes: number[] = [];
    for (const d of days) {
      // The size of that day counted afresh from the definition (not from the membership tables).
      const live = await api<{ count: number }>('/api/segments/count', {
        definition: { version: 1, root: boughtLately },
        asOf: kstDayStart(d).toISOString(),
      });
      sizes.push(live.count);
      const row = page.getByTestId(`audience-day-${kstDayToIso(d)}`);
      const cells = await row.locator('td').allInnerTexts();
      const at = kstDayStart(d);
      const entered = await count(
        `SELECT count(*) AS n FROM segment_memberships WHERE segment_id = '${id}' AND exited_at IS NULL AND entered_at = TIMESTAMP '${at.toISOString().replace('T', ' ').replace('Z', '')}'`,
      );
      const exited = await count(
        `SELECT count(*) AS n FROM segment_memberships WHERE segment_id = '${id}' AND exited_at = TIMESTAMP '${at.toISOString().replace('T', ' ').replace('Z', '')}'`,
      );
      expect(cells.slice(0, 4)).toEqual([kstDayToIso(d), ko(live.count), `+${ko(entered)}`, `−${ko(exited)}`]);
      const prev = sizes.at(-2);
      if (prev !== undefined) expect(entered - exited).toBe(live.count - prev);
    }
    // The size moves over the four days (people age out of the 14-day window), or the chart proves nothing.
    expect(new Set(sizes).size).toBeGreaterThan(1);
    const dots = await page.getByTestId('audience-size-chart').locator('circle title').allTextContents();
    expect(dots).toEqual(days.map((d, i) => `${kstDayToIso(d).slice(5)}: ${ko(sizes[i] ?? -1)}명`));
    // Who left on the last day: masked names linking to the customer pages.
    const last = kstDayToIso(today());
    await page.getByTestId(`audience-day-${last}`).getByTestId('audience-day-who').click();
    await page.getByTestId('audience-movers').waitFor();
    const leftRows = await demo.engine.query<{ customer_id: string }>(
      `SELECT DISTINCT customer_id FROM segment_memberships WHERE segment_id = '${id}' AND exited_at = TIMESTAMP '${kstDayStart(today()).toISOString().replace('T', ' ').replace('Z', '')}' ORDER BY customer_id LIMIT 50`,
    );
    const links = await page
      .getByTestId('movers-exited')
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links).toEqual(leftRows.map((r) => `#/customers/${r.customer_id}`));
    expect(await page.getByTestId('movers-exited').textContent()).not.toMatch(/c_[0-9a-z]{6,}/);
    await shoot(page, 'audience-page', SHOTS);
  });

  it("shows each audience's size and its change since yesterday's last refresh, equal to the refresh records", async () => {
    // A later refresh yesterday (the last of that day counts) and one now (today's size).
    await refreshSegments(demo.engine, {
      asOf: new Date(kstDayStart(today() - 1).getTime() + 15 * 3600_000),
      segmentIds: [id],
    });
    await refreshSegments(demo.engine, { asOf: new Date(demo.now), segmentIds: [id] });
    const ts = (d: Date) => `TIMESTAMP '${d.toISOString().replace('T', ' ').replace('Z', '')}'`;
    const lastSize = (day: number) =>
      count(
        `SELECT size AS n FROM segment_refreshes WHERE segment_id = '${id}' AND as_of >= ${ts(kstDayStart(day))} AND as_of < ${ts(kstDayStart(day + 1))} ORDER BY as_of DESC LIMIT 1`,
      );
    const todaySize = await lastSize(today());
    const change = todaySize - (await lastSize(today() - 1));
    await page.goto(`${demo.server.url}/#/segments`);
    const row = page.getByTestId(`saved-${id}`);
    await row
      .getByTestId('saved-size')
      .getByText(`${ko(todaySize)}명`)
      .waitFor();
    const expected = change === 0 ? '변동 없음' : `${change > 0 ? '▲' : '▼'}${ko(Math.abs(change))} 어제보다`;
    expect(await row.getByTestId('saved-change').textContent()).toBe(expected);
    // The other audience was never refreshed: no record yesterday.
    const other = page.getByTestId('saved-segments').locator('li', { hasText: '다른 세그먼트' });
    await other.getByTestId('saved-change').getByText('어제 기록 없음').waitFor();
    await shoot(page, 'saved-change', SHOTS);
  });

  it('archives an audience from the list: gone from the list, shown under 보관함', async () => {
    const made = await api<{ segment: { segmentId: string } }>('/api/segments', {
      name: '보관할 오디언스',
      definition: { version: 1, root: smsAd },
    });
    const archivedId = made.segment.segmentId;
    await page.goto(`${demo.server.url}/#/segments`);
    await page.reload();
    const row = page.getByTestId(`saved-${archivedId}`);
    page.once('dialog', (d) => void d.accept());
    await row.getByTestId('saved-delete').click();
    await row.waitFor({ state: 'detached' });
    const status = await demo.engine.query<{ status: string }>(
      `SELECT status FROM segments WHERE segment_id = '${archivedId}' ORDER BY revision DESC LIMIT 1`,
    );
    expect(status[0]?.status).toBe('archived');
    await page.getByTestId('saved-filter-archived').click();
    await page.getByTestId(`saved-${archivedId}`).waitFor();
    expect(await page.getByTestId('saved-segments').locator('li').count()).toBe(1);
    expect(await page.getByTestId(`saved-${archivedId}`).getByTestId('saved-delete').count()).toBe(0);
    await shoot(page, 'saved-archived', SHOTS);
    await page.getByTestId('saved-filter-active').click();
    // Back on the audience page, where the next test continues.
    await page.getByTestId(`saved-${id}`).getByTestId('saved-open').click();
    await page.getByTestId('audience-name').waitFor();
  });

  it('shows each version in words with what changed, renames and pins (pinned first in the list)', async () => {
    await api(`/api/segments/${id}/versions`, {
      definition: { version: 1, root: { kind: 'and', items: [boughtLately, smsAd] } },
    });
    await page.reload();
    const v2 = page.getByTestId('audience-version-2');
    await v2.waitFor();
    expect(await v2.getByTestId('diff-added').textContent()).toBe(
      `추가 ${explainSegment({ version: 1, root: smsAd }, 'ko')}`,
    );
    expect(await v2.locator('.explain').textContent()).toBe(
      explainSegment({ version: 1, root: { kind: 'and', items: [boughtLately, smsAd] } }, 'ko'),
    );
    expect(await page.getByTestId('audience-version-1').locator('.explain').textContent()).toBe(
      explainSegment({ version: 1, root: boughtLately }, 'ko'),
    );
    await page.getByTestId('audience-rename-input').fill('2주 내 구매 · 문자 수신');
    await page.getByTestId('audience-rename').click();
    await page.getByTestId('audience-name').getByText('2주 내 구매 · 문자 수신').waitFor();
    await page.getByTestId('audience-pin').click();
    await page.getByTestId('audience-pinned').waitFor();
    await shoot(page, 'audience-versions-pinned', SHOTS);
    const list = await api<{ segments: { segmentId: string; name: string; pinned: boolean }[] }>('/api/segments');
    expect(list.segments[0]).toMatchObject({ segmentId: id, name: '2주 내 구매 · 문자 수신', pinned: true });
    await page.getByTestId('workspace-back').click();
    const first = page.getByTestId('saved-segments').locator('li').first();
    await first.getByText('2주 내 구매 · 문자 수신').waitFor();
    expect(await first.getByTestId('saved-pinned').textContent()).toBe('고정됨');
  });
});

describe('freshness and refresh', () => {
  it('says when the traits were computed, and an import makes the traits page count the new customers', async () => {
    const customers = await count('SELECT count(*) AS n FROM customers');
    await page.goto(`${demo.server.url}/#/traits`);
    await page
      .getByTestId('traits-asof')
      .getByText(`고객 ${ko(customers)}명`)
      .waitFor();
    expect(await page.getByTestId('freshness-line').textContent()).toMatch(
      /^기준: \d{4}-\d{2}-\d{2} \d{2}:\d{2}, 방금 계산$/,
    );
    // Two orders of two new buyers arrive by an import through the API (as the import page does).
    const csv = [
      '주문번호,주문일시,구매자명,구매자연락처,판매자 상품코드,상품명,수량,결제금액',
      '77-1001,2026-11-10 10:00,최바람,010-5151-6262,P00006PL,시카 수면팩,1,"28,000"',
      '77-1002,2026-11-11 11:00,정노을,010-5151-7373,P00006NJ,톤업 선크림,2,"48,000"',
    ].join('\r\n');
    const up = await call<{ inspection: { upload: { id: string } } }>('/api/imports/uploads?name=29cm-orders.csv', {
      raw: Buffer.from(`${csv}\r\n`),
    });
    expect(up.status).toBe(201);
    const id = up.json.inspection.upload.id;
    const mapped = await call(`/api/imports/uploads/${id}/mapping`, {
      method: 'PUT',
      body: { source: 'orders', channel: '29cm' },
    });
    expect(mapped.status).toBe(200);
    const run = await api<{ job: { id: string } }>(`/api/imports/uploads/${id}/run`, {});
    for (let i = 0; i < 200; i++) {
      const { job } = await api<{ job: { phase: string } }>(`/api/imports/jobs/${run.job.id}`);
      if (job.phase === 'done') break;
      expect(job).not.toMatchObject({ phase: 'failed' });
      await new Promise((r) => setTimeout(r, 250));
    }
    const after = await count('SELECT count(*) AS n FROM customers');
    expect(after).toBe(customers + 2);
    await page.reload();
    await page
      .getByTestId('traits-asof')
      .getByText(`고객 ${ko(after)}명`)
      .waitFor();
    await shoot(page, 'traits-after-import', SHOTS);
  });

  it('refreshes everything from the page with progress, for roles that may; an analyst sees no button and is refused', async () => {
    const active = (await api<{ segments: unknown[] }>('/api/segments')).segments.length;
    expect(active).toBeGreaterThan(0);
    const before = await count('SELECT count(*) AS n FROM segment_refreshes');
    await page.goto(`${demo.server.url}/#/analytics`);
    await page.getByTestId('rfm-grid').waitFor();
    await page.getByTestId('basket-rules').locator('tbody tr').first().waitFor();
    await page.getByTestId('refresh-button').click();
    await page.getByTestId('refresh-progress').waitFor();
    await shoot(page, 'refresh-progress', SHOTS);
    await page.getByTestId('toast').getByText('다시 계산했습니다').waitFor({ timeout: 120_000 });
    expect(await count('SELECT count(*) AS n FROM segment_refreshes')).toBe(before + active);
    const state = await api<{ running: boolean; done: number; total: number; steps: { ok: boolean }[] }>(
      '/api/refresh',
    );
    expect(state).toMatchObject({ running: false, done: 6, total: 6 });
    expect(state.steps.every((s) => s.ok)).toBe(true);
    await page.getByTestId('refresh-button').waitFor();
    // Every card computed again from the refreshed warehouse.
    await page.getByTestId('basket-rules').locator('tbody tr').first().waitFor();
    await page.getByTestId('clv-top').locator('tbody tr').first().waitFor();
    await shoot(page, 'refresh-done', SHOTS);
    const analyst = await authHeaders(demo.engine, 'analyst');
    expect((await call('/api/refresh', { body: {}, headers: analyst })).status).toBe(403);
  });
});

describe('RFM page', () => {
  it('opens the audience of a grid cell by clicking it, with the size the stored scores give', async () => {
    await page.goto(`${demo.server.url}/#/analytics`);
    await page.getByTestId('rfm-grid').waitFor();
    const cellCount = async (r: number, f: number) =>
      count(`SELECT count(*) AS n FROM rfm_scores WHERE r_score = ${r} AND f_score = ${f}`);
    const expected = await cellCount(5, 1);
    expect(expected).toBeGreaterThan(0);
    expect(await page.getByTestId('rfm-cell-5-1').locator('strong').textContent()).toBe(ko(expected));
    await page.getByTestId('rfm-cell-5-1').click();
    await page.locator(`[data-testid="audience-count"][data-count="${expected}"]`).waitFor();
    expect(page.url()).toMatch(/#\/segments\/rfm-r5-f1$/);
    const explained = (await page.getByTestId('audience-explain').textContent()) ?? '';
    expect(explained).not.toMatch(/rfm\.|r_score|f_score/);
    await shoot(page, 'rfm-cell-audience', SHOTS);
    // A second click opens the same audience instead of saving another.
    await page.goto(`${demo.server.url}/#/analytics`);
    await page.getByTestId('rfm-cell-5-1').click();
    await page.getByTestId('audience-count').waitFor();
    const list = await api<{ segments: { segmentId: string }[] }>('/api/segments');
    expect(list.segments.filter((s) => s.segmentId === 'rfm-r5-f1')).toHaveLength(1);
  });

  it('shows month-to-month moves between RFM segments equal to the stored scores of both days', async () => {
    const day = toKstDay(demo.now);
    // Last month's scores stored beside this month's, then this month's restored (as the daily refresh leaves them).
    await storeRfmScores(demo.engine, await computeWarehouseRfm(demo.engine, { asOfDay: day - 30 }), day - 30);
    await demo.engine.exec('CREATE OR REPLACE TABLE rfm_prev AS SELECT * FROM rfm_scores');
    await storeRfmScores(demo.engine, await computeWarehouseRfm(demo.engine, { asOfDay: day }), day);
    const rows = await demo.engine.query<{ from_seg: string | null; to_seg: string; n: number }>(
      `SELECT p.segment AS from_seg, c.segment AS to_seg, count(*) AS n
         FROM rfm_scores c LEFT JOIN rfm_prev p ON p.customer_id = c.customer_id GROUP BY 1, 2`,
    );
    expect(rows.length).toBeGreaterThan(5);
    await page.goto(`${demo.server.url}/#/analytics`);
    await page.getByTestId('rfm-transitions').waitFor();
    const shownTotal = (await page.getByTestId('rfm-transitions').locator('td').allInnerTexts())
      .filter((x) => x !== '')
      .reduce((a, x) => a + Number(x.replace(/,/g, '')), 0);
    expect(shownTotal).toBe(await count('SELECT count(*) AS n FROM rfm_scores'));
    for (const r of rows) {
      const cell = page.getByTestId(`transition-${r.from_seg ?? 'new'}-${r.to_seg}`);
      expect(await cell.textContent()).toBe(ko(Number(r.n)));
    }
    await page.getByTestId('rfm-transitions').scrollIntoViewIfNeeded();
    await shoot(page, 'rfm-transitions', SHOTS);
  });
});

describe('charts and pickers', () => {
  it('draws channel migration as a Sankey whose bands are the stored first → current channel counts', async () => {
    const rows = await demo.engine.query<{ a: string; b: string; n: number }>(
      `SELECT first_channel AS a, current_channel AS b, count(*) AS n FROM customer_traits
         WHERE first_channel IS NOT NULL AND current_channel IS NOT NULL GROUP BY 1, 2`,
    );
    expect(rows.some((r) => r.a !== r.b)).toBe(true);
    await page.goto(`${demo.server.url}/#/traits`);
    const bands = page.getByTestId('traits-migration').getByTestId('sankey-band');
    await bands.first().waitFor({ state: 'attached' });
    const shown = await bands.evaluateAll((els) =>
      els.map((e) => `${e.getAttribute('data-from')}>${e.getAttribute('data-to')}=${e.getAttribute('data-value')}`),
    );
    expect(shown.sort()).toEqual(rows.map((r) => `${r.a}>${r.b}=${Number(r.n)}`).sort());
    const titles = (await bands.locator('title').allTextContents()).join('\n');
    expect(titles).toMatch(/→ .+: [\d,]+명/);
    expect(titles).not.toMatch(/\b(cafe24|smartstore|coupang|musinsa|offline)\b/);
    await page.getByTestId('traits-migration').scrollIntoViewIfNeeded();
    await shoot(page, 'traits-sankey', SHOTS);
  });

  it('draws related products as a network whose lines carry the confidence the orders give', async () => {
    const { rules } = await api<{
      rules: { lhs: { id: string }[]; rhs: { id: string }; confidence: number }[];
    }>('/api/basket/rules?limit=60');
    await page.goto(`${demo.server.url}/#/analytics`);
    const edges = page.getByTestId('basket-network').getByTestId('network-edge');
    await edges.first().waitFor({ state: 'attached' });
    const shownRows = await page.getByTestId('basket-rules').locator('tbody tr').count();
    const drawn = await edges.evaluateAll((els) =>
      els.map((e) => ({ from: e.getAttribute('data-from') ?? '', to: e.getAttribute('data-to') ?? '' })),
    );
    expect(drawn.length).toBeGreaterThanOrEqual(shownRows);
    const asOf = kstDayStart(toKstDay(demo.now)).toISOString().replace('T', ' ').replace('Z', '');
    let checked = 0;
    for (const e of drawn) {
      const rule = rules.find((r) => r.lhs.length === 1 && r.lhs[0]?.id === e.from && r.rhs.id === e.to);
      if (!rule) continue;
      // Confidence counted afresh: paid orders holding both products over paid orders holding the first.
      const [c] = await demo.engine.query<{ both: number; lhs: number }>(
        `WITH t AS (SELECT DISTINCT order_id, product_id FROM order_items WHERE status = 'paid' AND ordered_at < TIMESTAMP '${asOf}')
         SELECT (SELECT count(*) FROM t a JOIN t b ON a.order_id = b.order_id WHERE a.product_id = '${e.from}' AND b.product_id = '${e.to}') AS both,
                (SELECT count(*) FROM t WHERE product_id = '${e.from}') AS lhs`,
      );
      const confidence = Number(c?.both) / Number(c?.lhs);
      expect(confidence).toBeCloseTo(rule.confidence, 9);
      const title = await page
        .locator(`[data-testid="network-edge"][data-from="${e.from}"][data-to="${e.to}"] title`)
        .textContent();
      expect(title).toContain(`신뢰도 ${(confidence * 100).toFixed(1)}%`);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    expect(await page.getByTestId('basket-network').locator('text').allTextContents()).not.toContain('');
    await page.getByTestId('basket-network').scrollIntoViewIfNeeded();
    await shoot(page, 'basket-network', SHOTS);
  });

  it('picks an event property key and value from the warehouse in the builder; the count is the SQL count', async () => {
    const [top] = await demo.engine.query<{ q: string }>(
      `SELECT json_extract_string(properties, '$.query') AS q FROM events WHERE type = 'search' AND customer_id IS NOT NULL
         GROUP BY 1 ORDER BY count(DISTINCT customer_id) DESC, 1 LIMIT 1`,
    );
    if (!top) throw new Error('the demo has no searches');
    await page.goto(`${demo.server.url}/#/segments`);
    await page.getByTestId('builder-reset').click();
    await page.getByTestId('group-0-add-kind').selectOption('events');
    await page.getByTestId('group-0-add').click();
    await page.getByTestId('cond-0-0-type').selectOption('search');
    await page.getByTestId('cond-0-0-days').fill('365');
    await page.getByTestId('cond-0-0-add-prop').click();
    const key = page.getByTestId('cond-0-0-prop-0-key');
    await key.locator('option[value="query"]').waitFor({ state: 'attached' });
    await key.selectOption('query');
    await page.getByTestId('cond-0-0-prop-0-cmp-value').selectOption(top.q);
    const since = new Date(demo.now.getTime() - 365 * DAY_MS).toISOString().replace('T', ' ').replace('Z', '');
    const now = demo.now.toISOString().replace('T', ' ').replace('Z', '');
    const n = await count(
      `SELECT count(DISTINCT customer_id) AS n FROM events WHERE type = 'search' AND customer_id IS NOT NULL
         AND json_extract_string(properties, '$.query') = '${top.q.replaceAll("'", "''")}'
         AND occurred_at >= TIMESTAMP '${since}' AND occurred_at < TIMESTAMP '${now}'`,
    );
    expect(n).toBeGreaterThan(0);
    await page.locator(`[data-testid="live-count"][data-count="${n}"]`).waitFor();
    const shown = JSON.parse((await page.getByTestId('definition-json').textContent()) ?? 'null');
    const leaf = shown.root.kind === 'and' ? shown.root.items[0] : shown.root;
    expect(leaf).toEqual({
      kind: 'events',
      type: 'search',
      window: { kind: 'last_days', days: 365 },
      count: { min: 1 },
      properties: [{ key: 'query', op: 'eq', value: top.q }],
    });
    expect(await page.getByTestId('live-explain').textContent()).toContain(top.q);
    await shoot(page, 'builder-property-picker', SHOTS);
  });
});
