import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeCafe24 } from '../../src/connectors/connect.ts';
import { connectorDepsFor } from '../../src/connectors/connector-deps.ts';
import { type LocalCafe24, startLocalCafe24 } from '../../src/connectors/local-shops/local-cafe24.ts';
import { type LocalNaver, startLocalNaver } from '../../src/connectors/local-shops/local-naver.ts';
import { cafe24Order, seedCafe24, seedNaver } from '../../src/connectors/local-shops/seed-shops.ts';
import { openWarehouse } from '../../src/engines/open-engine.ts';
import { waitFor } from '../runtime/manual-clock.ts';

// `dalbit connect` and `dalbit sync` as real processes against the local shops (which run in this
// process: the child is spawned, never run synchronously, so they can answer it).

const BIN = fileURLToPath(new URL('../../bin/dalbit.js', import.meta.url));
const NAVER_SECRET = '$2a$04$dqVRQvyZ./Bu0m4BDZh6eu';
let dir: string;
let cafe24: LocalCafe24;
let naver: LocalNaver;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dalbit-connect-cli-'));
  const now = Date.now();
  cafe24 = await startLocalCafe24({
    mallId: 'dalbitmall',
    clientId: 'cafe24-app',
    clientSecret: 'cafe24-secret-1',
    serviceKey: 'svc-key-1',
  });
  naver = await startLocalNaver({ clientId: 'naver-app', clientSecret: NAVER_SECRET, pageSize: 2 });
  seedCafe24(cafe24, now);
  seedNaver(naver, now);
});
afterAll(async () => {
  await cafe24?.close();
  await naver?.close();
  rmSync(dir, { recursive: true, force: true });
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DALBIT_')));
  return { ...(base as Record<string, string>), DALBIT_LANG: 'ko', ...extra };
}

function dalbit(args: readonly string[], extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, '--data-dir', dir, ...args], {
    env: env(extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const io = { out: '', err: '' };
  child.stdout.on('data', (b: Buffer) => (io.out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (io.err += b.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, io, exit };
}

async function run(args: readonly string[], extra: Record<string, string> = {}) {
  const p = dalbit(args, extra);
  const code = await p.exit;
  return { code, out: p.io.out, err: p.io.err };
}

/** The shop operator's 동의함 on the consent page; answers the redirect back to Dalbit. */
async function approve(authorizeUrl: string): Promise<URL> {
  const html = await (await fetch(authorizeUrl)).text();
  const fields = Object.fromEntries(
    [...html.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]?.replace(/&#38;/g, '&')]),
  );
  const res = await fetch(`${cafe24.url}/api/v2/oauth/authorize/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields as Record<string, string>).toString(),
    redirect: 'manual',
  });
  return new URL(res.headers.get('location') ?? '');
}

describe('dalbit connect / dalbit sync (real processes, Korean output)', () => {
  it('refuses bad input with Korean messages and usage exit codes, writing nothing', async () => {
    const none = await run(['sync']);
    expect(none.code).toBe(0);
    expect(none.out).toContain('연결된 쇼핑몰이 없습니다 (dalbit connect)');

    const since = await run(['sync', '--since', '어제']);
    expect(since.code).toBe(64);
    expect(since.err).toContain('--since: 날짜로 읽을 수 없습니다: 어제');

    const noSecret = await run(['connect', 'smartstore', '--client-id', 'naver-app', '--api-base', naver.url]);
    expect(noSecret.code).toBe(64);
    expect(noSecret.err).toContain('DALBIT_SMARTSTORE_CLIENT_SECRET 환경 변수에 시크릿을 넣어 주세요');

    const badMall = await run(['connect', 'cafe24', '--mall-id', '몰/../x', '--client-id', 'cafe24-app'], {
      DALBIT_CAFE24_CLIENT_SECRET: 'cafe24-secret-1',
    });
    expect(badMall.code).toBe(64);
    expect(badMall.err).toContain('--mall-id: 카페24 쇼핑몰 ID는');

    const wrong = await run(['connect', 'smartstore', '--client-id', 'naver-app', '--api-base', naver.url], {
      DALBIT_SMARTSTORE_CLIENT_SECRET: '$2a$04$AAAAAAAAAAAAAAAAAAAAAu',
    });
    expect(wrong.code).toBe(75);
    expect(wrong.err).toContain('쇼핑몰 인증에 실패했습니다');
    expect(wrong.err).not.toContain('    at ');
    expect(wrong.err).not.toContain('$2a$04$AAAA');

    const engine = await openWarehouse({ dataDir: dir });
    expect(await engine.query('SELECT connection_id FROM connections')).toEqual([]);
    await engine.close();
  });

  it('connects both shops, syncs, then only what changed; a shop gone fails with its exit code', async () => {
    const ss = await run(['connect', 'smartstore', '--client-id', 'naver-app', '--api-base', naver.url], {
      DALBIT_SMARTSTORE_CLIENT_SECRET: NAVER_SECRET,
    });
    expect(ss.code, ss.err).toBe(0);
    expect(ss.out).toContain('연결되었습니다: smartstore:naver-app');

    const c24 = await run(
      ['connect', 'cafe24', '--mall-id', 'dalbitmall', '--client-id', 'cafe24-app', '--api-base', cafe24.url],
      { DALBIT_CAFE24_CLIENT_SECRET: 'cafe24-secret-1', DALBIT_CAFE24_SERVICE_KEY: 'svc-key-1' },
    );
    expect(c24.code, c24.err).toBe(0);
    expect(c24.out).toContain('브라우저에서 다음 주소를 열어 앱 설치에 동의하세요');
    const authorizeUrl = c24.out.match(/http:\S+oauth\/authorize\S+/)?.[0] ?? '';
    expect(new URL(authorizeUrl).searchParams.get('redirect_uri')).toBe(
      'http://127.0.0.1:8787/api/connectors/cafe24/callback',
    );
    // The running `dalbit serve` receives this redirect; here the same function completes it.
    const back = await approve(authorizeUrl);
    const engine = await openWarehouse({ dataDir: dir });
    const deps = { engine, ...(await connectorDepsFor(dir, {})), now: new Date() };
    await completeCafe24(deps, {
      state: back.searchParams.get('state') ?? '',
      code: back.searchParams.get('code') ?? '',
    });
    const stored = JSON.stringify(await engine.query('SELECT * FROM connections'));
    expect(stored).not.toContain('cafe24-secret-1');
    expect(stored).not.toContain(NAVER_SECRET);
    await engine.close();

    const first = await run(['sync']);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('smartstore:naver-app: 상품주문 3 가져옴');
    expect(first.out).toContain('cafe24:dalbitmall: 상품 3 · 회원 4 · 주문 3 · 쿠폰 3 가져옴');
    expect(first.out + first.err).not.toMatch(/cafe24-secret-1|\$2a\$04\$dqVR|svc-key-1/);

    cafe24.orders.push(
      cafe24Order({
        id: '20261207-0000777',
        member: 'yuna_c',
        name: '최유나',
        phone: '010-2345-6784',
        at: Date.now() - 60_000,
        items: [{ code: 'P0000BAA', name: '수분 크림', qty: 1, price: 32000, status: 'N10' }],
      }),
    );
    const second = await run(['sync']);
    expect(second.code, second.err).toBe(0);
    expect(second.out).toContain('cafe24:dalbitmall: 상품 0 · 회원 0 · 주문 1 · 쿠폰 0 가져옴');
    expect(second.out).toContain('smartstore:naver-app: 새 데이터 없음 (상품주문 0)');

    const json = JSON.parse((await run(['sync', '--json'])).out) as { results: { rows: Record<string, number> }[] };
    expect(json.results.map((r) => r.rows)).toEqual([
      { product_orders: 0 },
      { products: 0, customers: 0, orders: 0, coupons: 0 },
    ]);

    await naver.close();
    const gone = await run(['sync']);
    expect(gone.code).toBe(75);
    expect(gone.err).toContain('smartstore:naver-app: 동기화 실패 — 쇼핑몰 API에 연결할 수 없습니다');
    expect(gone.err).toContain('동기화에 실패한 연결 1개: smartstore:naver-app');
    expect(gone.out).toContain('cafe24:dalbitmall: 새 데이터 없음');
    expect(gone.err).not.toContain('    at ');
  });

  it('dalbit serve syncs a due connection from its own loop, and stops on SIGTERM', async () => {
    naver = await startLocalNaver({ clientId: 'naver-app', clientSecret: NAVER_SECRET, pageSize: 2 });
    seedNaver(naver, Date.now());
    const engine = await openWarehouse({ dataDir: dir });
    // A fresh shop on a new address: point the connection at it and make it due now.
    await engine.query(
      `UPDATE connections SET api_base = '${naver.url}', next_run_at = TIMESTAMP '2000-01-01 00:00:00' WHERE provider = 'smartstore'`,
    );
    await engine.close();
    const serve = dalbit(['serve', '--port', '0', '--no-scheduler', '--no-dispatcher', '--no-daily-refresh']);
    await waitFor(() => (/\[connectors\] .*smartstore:naver-app: /.test(serve.io.err) ? true : undefined), 60_000);
    serve.child.kill('SIGTERM');
    expect(await serve.exit).toBe(0);
    expect(serve.io.err).toMatch(/\[connectors\] smartstore:naver-app: 새 데이터 없음 \(상품주문 0\)/);
    // The cafe24 connection was not due (its last sync set the next run 10 minutes on).
    expect(serve.io.err).not.toContain('cafe24:dalbitmall');
    const after = await openWarehouse({ dataDir: dir });
    const runs = await after.query<{ trigger: string; status: string }>(
      "SELECT trigger, status FROM connector_runs WHERE connection_id = 'smartstore:naver-app' AND trigger = 'schedule'",
    );
    await after.close();
    expect(runs).toEqual([{ trigger: 'schedule', status: 'ok' }]);
  });
});
