import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalNaver, startLocalNaver } from '../../src/connectors/local-shops/local-naver.ts';
import { naverProductOrder, seedNaver } from '../../src/connectors/local-shops/seed-shops.ts';
import { openWarehouse } from '../../src/engines/open-engine.ts';

// `dalbit connect` and `dalbit sync` as real processes on a chDB warehouse (DALBIT_ENGINE=chdb),
// against the local SmartStore Commerce API (bcrypt-signed token, paged changes).

const BIN = fileURLToPath(new URL('../../bin/dalbit.js', import.meta.url));
const NAVER_SECRET = '$2a$04$dqVRQvyZ./Bu0m4BDZh6eu';
let dir: string;
let naver: LocalNaver;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dalbit-chdb-sync-'));
  naver = await startLocalNaver({ clientId: 'naver-app', clientSecret: NAVER_SECRET, pageSize: 2 });
  seedNaver(naver, Date.now());
});
afterAll(async () => {
  await naver?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function dalbit(args: readonly string[], extra: Record<string, string> = {}) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DALBIT_')));
  const child = spawn(process.execPath, [BIN, '--data-dir', dir, ...args], {
    env: { ...(base as Record<string, string>), DALBIT_LANG: 'ko', DALBIT_ENGINE: 'chdb', ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const io = { out: '', err: '' };
  child.stdout.on('data', (b: Buffer) => (io.out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (io.err += b.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, ...io };
}

describe('shop connectors on a chDB warehouse', () => {
  it('connect and sync write the shop’s orders; a second sync fetches only what changed', {
    timeout: 600_000,
  }, async () => {
    const none = await dalbit(['sync']);
    expect(none.code, none.err).toBe(0);
    expect(none.out).toContain('연결된 쇼핑몰이 없습니다 (dalbit connect)');

    const ss = await dalbit(['connect', 'smartstore', '--client-id', 'naver-app', '--api-base', naver.url], {
      DALBIT_SMARTSTORE_CLIENT_SECRET: NAVER_SECRET,
    });
    expect(ss.code, ss.err).toBe(0);
    expect(ss.out).toContain('연결되었습니다: smartstore:naver-app');

    const first = await dalbit(['sync']);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('smartstore:naver-app: 상품주문 3 가져옴');

    naver.productOrders.push(
      naverProductOrder({
        orderId: '2026120710000003',
        productOrderId: '2026120710000301',
        // Changed now: after the first sync's cursor (a CLI run on chDB takes tens of seconds).
        at: Date.now(),
        name: '윤슬',
        tel: '010-3456-7003',
        recipientTel: '010-3456-7003',
        productId: '8800000002',
        product: '비타민 세럼',
        price: 28000,
      }),
    );
    const second = await dalbit(['sync']);
    expect(second.code, second.err).toBe(0);
    expect(second.out).toContain('smartstore:naver-app: 상품주문 1 가져옴');
    const third = await dalbit(['sync']);
    expect(third.out).toContain('smartstore:naver-app: 새 데이터 없음 (상품주문 0)');

    const engine = await openWarehouse({ dataDir: dir, engine: 'chdb' });
    try {
      const lines = await engine.query<{ n: number }>(
        "SELECT count() AS n FROM order_items WHERE channel = 'smartstore'",
      );
      expect(lines).toEqual([{ n: 4 }]);
      const runs = await engine.query<{ status: string }>(
        "SELECT status FROM connector_runs WHERE connection_id = 'smartstore:naver-app' ORDER BY started_at",
      );
      expect(runs.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
      const stored = JSON.stringify(await engine.query('SELECT * FROM connections'));
      expect(stored).not.toContain(NAVER_SECRET);
    } finally {
      await engine.close();
    }
  });
});
