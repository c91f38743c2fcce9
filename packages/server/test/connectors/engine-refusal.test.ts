import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginCafe24, connectSmartstore } from '../../src/connectors/connect.ts';
import { createSecretBox } from '../../src/connectors/secret-box.ts';
import { DEFAULT_SHOP_HTTP } from '../../src/connectors/shop-fetch.ts';
import { syncAll } from '../../src/connectors/sync-run.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { createRuntime } from '../../src/runtime/start-runtime.ts';
import { createManualClock } from '../runtime/manual-clock.ts';
import { POLICY } from '../runtime/runtime-fixture.ts';

// Connectors write through the importer's DuckDB path: on chDB they refuse in Korean, before
// calling any shop or writing anything, and serve does not start their loop.

const BIN = fileURLToPath(new URL('../../bin/dalbit.js', import.meta.url));
let engine: Engine;
const deps = () => ({ engine, box: createSecretBox('refusal-test-secret'), http: DEFAULT_SHOP_HTTP, now: new Date() });
const refusal = { code: 'CONNECTOR_ENGINE_UNSUPPORTED', kind: 'unavailable' };

beforeAll(async () => {
  engine = await openMemoryWarehouse('chdb');
});
afterAll(async () => {
  await engine?.close();
});

describe('shop connectors on chDB', () => {
  it('refuse to connect or sync with a Korean message, writing nothing', async () => {
    const begin = beginCafe24(deps(), {
      mallId: 'dalbitmall',
      clientId: 'cid',
      clientSecret: 'secret',
      apiBase: 'http://127.0.0.1:9',
      redirectUri: 'http://127.0.0.1:8787/api/connectors/cafe24/callback',
    });
    await expect(begin).rejects.toMatchObject(refusal);
    await expect(begin).rejects.toThrow('쇼핑몰 연결은 아직 DuckDB 엔진에서만 동작합니다 (현재 엔진: clickhouse)');
    await expect(
      connectSmartstore(deps(), {
        clientId: 'n',
        clientSecret: '$2a$04$dqVRQvyZ./Bu0m4BDZh6eu',
        apiBase: 'http://127.0.0.1:9',
      }),
    ).rejects.toMatchObject(refusal);
    await expect(syncAll(deps(), { trigger: 'cli' })).rejects.toMatchObject(refusal);
    expect(await engine.query('SELECT connection_id FROM connections')).toEqual([]);
  });

  it("serve's runtime says so and runs no connector loop", async () => {
    const lines: string[] = [];
    const rt = createRuntime({
      engine,
      clock: createManualClock(new Date('2026-12-07T03:00:00Z')),
      log: (l) => lines.push(l),
      lang: 'ko',
      policy: POLICY,
      connectors: { checkMs: 60_000, deps: { box: createSecretBox('refusal-test-secret'), http: DEFAULT_SHOP_HTTP } },
    });
    rt.start();
    expect(await rt.stop()).toEqual({});
    expect(lines).toEqual(['[connectors] 쇼핑몰 연결은 아직 DuckDB 엔진에서만 동작합니다: 자동 동기화 꺼짐']);
  });

  it('dalbit sync on a chDB warehouse exits 75 with the Korean message, no stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalbit-chdb-sync-'));
    try {
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DALBIT_')));
      const child = spawn(process.execPath, [BIN, '--data-dir', dir, 'sync'], {
        env: { ...(env as Record<string, string>), DALBIT_LANG: 'ko', DALBIT_ENGINE: 'chdb' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (b: Buffer) => (err += b.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code, err).toBe(75);
      expect(err).toContain('쇼핑몰 연결은 아직 DuckDB 엔진에서만 동작합니다');
      expect(err).not.toContain('    at ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
