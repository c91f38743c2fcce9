import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Condition } from '@dalbit/core/segments/schema';
import { kstDayStart, toKstDay } from '@dalbit/core/time/kst';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDashboardBuilt } from '../../src/http/ensure-dashboard.ts';
import { refreshSegments } from '../../src/segments/refresh-segments.ts';
import { type DemoServer, startDemoServer } from '../http/demo-server.ts';
import { authHeaders, seedUser } from '../support/auth.ts';
import { launchChromium } from './browser.ts';
import { loginThroughPage } from './login-page.ts';

const SHOTS = process.env.DALBIT_SHOTS ?? '/tmp/shots/imports';

let demo: DemoServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let owner: { authorization: string };
let id = '';
let members = 0;

const smsAd: Condition = { kind: 'reachable', channel: 'sms', purpose: 'ad' };

beforeAll(async () => {
  await ensureDashboardBuilt();
  demo = await startDemoServer({ customers: 200, eventsPerCustomer: 2, seed: 5 });
  owner = await authHeaders(demo.engine, 'owner');
  const res = await fetch(`${demo.server.url}/api/segments`, {
    method: 'POST',
    headers: { ...owner, 'content-type': 'application/json' },
    body: JSON.stringify({ name: '문자 광고 수신 고객', definition: { version: 1, root: smsAd } }),
  });
  id = ((await res.json()) as { segment: { segmentId: string } }).segment.segmentId;
  await refreshSegments(demo.engine, { asOf: kstDayStart(toKstDay(demo.now)), segmentIds: [id] });
  members = Number(
    (
      await demo.engine.query<{ n: number }>(
        `SELECT count(DISTINCT customer_id) AS n FROM segment_memberships WHERE segment_id = '${id}' AND exited_at IS NULL`,
      )
    )[0]?.n,
  );
  browser = await launchChromium();
  page = await browser.context.newPage();
  await loginThroughPage(page, demo.server.url, demo.owner);
}, 400_000);
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

async function snap(name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function download(testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path()) as string) };
}

/** The sheets of a workbook by tab name, each as rows of cell texts. */
function sheets(bytes: Buffer): Map<string, string[][]> {
  const files = unzipSync(new Uint8Array(bytes));
  const text = (p: string) => new TextDecoder().decode(files[p]);
  const names = [...text('xl/workbook.xml').matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1] ?? '');
  const out = new Map<string, string[][]>();
  names.forEach((n, i) => {
    const xml = text(`xl/worksheets/sheet${i + 1}.xml`);
    const rows = [...xml.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((r) =>
      [...(r[1] ?? '').matchAll(/<(?:t|v)[^>]*>([^<]*)<\/(?:t|v)>/g)].map((c) => c[1] ?? ''),
    );
    out.set(n, rows);
  });
  return out;
}

const accessLog = (action: string) =>
  demo.engine.query<{ reason: string | null; subject: string }>(
    `SELECT reason, subject FROM access_log WHERE action = '${action}' ORDER BY seq`,
  );

describe('audience downloads in Chromium', () => {
  it('the audience report downloads as XLSX: a Korean summary sheet and the members masked', async () => {
    expect(members).toBeGreaterThan(10);
    await page.goto(`${demo.server.url}/#/segments`);
    await page.getByTestId(`saved-${id}`).getByTestId('saved-open').click();
    await page.getByTestId('audience-downloads').waitFor();
    await snap('20-audience-downloads');
    const file = await download('download-report');
    expect(file.name).toBe('문자 광고 수신 고객-고객 리포트.xlsx');
    const book = sheets(file.bytes);
    expect([...book.keys()]).toEqual(['요약', '고객']);
    const summary = (book.get('요약') ?? []).map((r) => r.join(' ')).join('\n');
    expect(summary).toContain('고객 리포트');
    for (const label of ['매출', '객단가', '채널', '월별']) expect(summary).toContain(label);
    const rows = book.get('고객') ?? [];
    expect(rows[0]).toContain('휴대폰');
    expect(rows.length - 1).toBe(members);
    const body = rows.slice(1).flat().join('\n');
    expect(body).toMatch(/010-\*\*\*\*-\d{4}/);
    expect(body).not.toMatch(/010-\d{4}-\d{4}/);
    expect((await accessLog('segment_report_export')).at(-1)?.subject).toContain(`rows:${members}`);
  });

  it('unmasked with a reason for the owner, and the Kakao friend-group file of phone numbers', async () => {
    await page.getByTestId('download-unmask').check();
    expect(await page.getByTestId('download-report').isDisabled()).toBe(true);
    expect(await page.getByTestId('download-kakao').isDisabled()).toBe(true);
    await page.getByTestId('download-reason').fill('매장 VIP 초대 발송');
    const file = await download('download-report');
    const rows = sheets(file.bytes).get('고객') ?? [];
    expect(rows.slice(1).flat().join('\n')).toMatch(/010-\d{4}-\d{4}/);
    expect((await accessLog('segment_report_export_unmasked')).at(-1)?.reason).toBe('매장 VIP 초대 발송');

    const kakao = await download('download-kakao');
    expect(kakao.name).toBe('문자 광고 수신 고객-카카오 친구 그룹 파일.csv');
    const phones = kakao.bytes.toString('utf8').trim().split('\r\n');
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(p).toMatch(/^01\d{8,9}$/);
    expect(new Set(phones).size).toBe(phones.length);
    // Only members a Kakao ad may reach (phone, Kakao ad consent, not marketplace-only): a friend group is for ads.
    const kakaoReachable = Number(
      (
        await demo.engine.query<{ n: number }>(
          `SELECT count(DISTINCT c.phone) AS n FROM customers c JOIN customer_features f ON f.customer_id = c.customer_id
           WHERE c.phone IS NOT NULL AND c.phone <> '' AND f.consent_kakao_ad AND NOT f.marketplace_only
             AND c.customer_id IN (SELECT customer_id FROM segment_memberships WHERE segment_id = '${id}' AND exited_at IS NULL)`,
        )
      )[0]?.n,
    );
    expect(phones.length).toBe(kakaoReachable);
    expect(phones.length).toBeLessThan(members);
    const log = (await accessLog('segment_export_unmasked')).at(-1);
    expect(log?.subject).toContain('format:kakao-friends');
    expect(log?.reason).toBe('매장 VIP 초대 발송');
    await snap('21-audience-downloads-unmasked');
  });

  it('a marketer gets the masked report only: no unmask, no Kakao file, and the API refuses in Korean', async () => {
    const marketer = await seedUser(demo.engine, { role: 'marketer' });
    await loginThroughPage(page, demo.server.url, marketer);
    await page.goto(`${demo.server.url}/#/segments`);
    await page.getByTestId(`saved-${id}`).getByTestId('saved-open').click();
    await page.getByTestId('download-report').waitFor();
    expect(await page.getByTestId('download-unmask').count()).toBe(0);
    expect(await page.getByTestId('download-kakao').count()).toBe(0);
    await snap('22-audience-downloads-marketer');
    const as = await authHeaders(demo.engine, 'marketer');
    const post = (path: string, body: unknown) =>
      fetch(`${demo.server.url}${path}`, {
        method: 'POST',
        headers: { ...as, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const unmask = await post(`/api/segments/${id}/report/export`, { unmask: true, reason: '확인' });
    expect(unmask.status).toBe(403);
    expect(((await unmask.json()) as { error: { message: string } }).error.message).toContain('권한이 없습니다');
    expect((await post(`/api/segments/${id}/kakao-friends`, { reason: '확인' })).status).toBe(403);
  });
});
