import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDashboardBuilt } from '../../src/http/ensure-dashboard.ts';
import { waitFor } from '../runtime/manual-clock.ts';
import { launchChromium } from './browser.ts';
import { loginThroughPage } from './login-page.ts';

process.env.DALBIT_SHOTS ??= '/tmp/shots/connectors';
const { shoot } = await import('./shots.ts');

// `dalbit demo --connectors` as a newcomer runs it: a real process that imports the demo brand,
// starts the local Cafe24 and SmartStore servers, connects and syncs them, and serves the dashboard.

const BIN = fileURLToPath(new URL('../../bin/dalbit.js', import.meta.url));
let dir: string;
let child: ChildProcess;
const io = { out: '', err: '' };
let exit: Promise<number | null>;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

beforeAll(async () => {
  await ensureDashboardBuilt();
  dir = mkdtempSync(join(tmpdir(), 'dalbit-demo-connectors-'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DALBIT_')));
  child = spawn(
    process.execPath,
    [BIN, '--data-dir', dir, 'demo', '--customers', '300', '--events-per-customer', '2', '--connectors', '--port', '0'],
    { env: { ...(env as Record<string, string>), DALBIT_LANG: 'ko' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (b: Buffer) => (io.out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (io.err += b.toString()));
  exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  browser = await launchChromium();
  page = await browser.context.newPage();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) child.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('dalbit demo --connectors', () => {
  it('connects and syncs the local shops; the dashboard shows both connections working', async () => {
    const url = await waitFor(() => /대시보드: (http:\/\/\S+)\//.exec(io.out)?.[1], 280_000);
    expect(io.out).toMatch(/데모 쇼핑몰 연결 \(로컬 프로토콜 서버\): 카페24 http:\/\/127\.0\.0\.1:\d+ · 스마트스토어/);
    expect(io.out).toContain('cafe24:dalbitdemo: 상품 3 · 회원 4 · 주문 3 · 쿠폰 3 가져옴');
    expect(io.out).toContain('smartstore:demo-naver-app: 상품주문 3 가져옴');
    expect(io.out).toContain('5분마다 새 주문이 들어오고 5분마다 자동 동기화됩니다');
    const [, email, password] = /로그인: (\S+) \/ (\S+)/.exec(io.out) ?? [];
    await loginThroughPage(page, url, { email: email ?? '', password: password ?? '' });
    await page.getByTestId('nav-connections').click();
    const cafe24 = page.getByTestId('connection-cafe24:dalbitdemo');
    const naver = page.getByTestId('connection-smartstore:demo-naver-app');
    await cafe24.waitFor();
    await naver.waitFor();
    expect(await cafe24.getByTestId('connection-status').textContent()).toBe('연결됨');
    expect(await naver.getByTestId('connection-status').textContent()).toBe('연결됨');
    expect(await cafe24.getByTestId('rows').textContent()).toBe('상품 3 · 회원 4 · 주문 3 · 쿠폰 3');
    expect(await naver.getByTestId('rows').textContent()).toBe('상품주문 3');
    expect(await cafe24.getByTestId('interval').textContent()).toBe('5분마다');
    expect(await cafe24.getByTestId('last-sync').textContent()).not.toBe('아직 없음');
    await shoot(page, '08-demo-connections');

    // The newcomer presses 지금 동기화: the shop has nothing new yet, and the page says so.
    await cafe24.getByRole('button', { name: '지금 동기화' }).click();
    await page.getByTestId('toast').filter({ hasText: '새 데이터 없음' }).first().waitFor({ timeout: 60_000 });
    await shoot(page, '09-demo-sync-now');

    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(io.err.trimEnd().split('\n').at(-1)).toBe('서버를 종료했습니다');
  }, 400_000);
});
