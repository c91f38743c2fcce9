import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/dalbit.js', import.meta.url));
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('dalbit serve', () => {
  it('serves the API on the given loopback port and stops cleanly on SIGTERM', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dalbit-serve-'));
    // `dalbit init` creates the first owner and prints its login once.
    const init = spawnSync(process.execPath, [BIN, '--data-dir', dir, 'init'], {
      encoding: 'utf8',
      env: { ...process.env, DALBIT_LANG: 'ko' },
    });
    expect(init.status).toBe(0);
    const login = /로그인: (\S+) \/ (\S+)/.exec(init.stdout);
    if (!login?.[1] || !login[2]) throw new Error(`no login printed: ${init.stdout}`);
    const again = spawnSync(process.execPath, [BIN, '--data-dir', dir, 'init'], {
      encoding: 'utf8',
      env: { ...process.env, DALBIT_LANG: 'ko' },
    });
    expect(again.stdout).not.toContain(login[2]);
    const child = spawn(process.execPath, [BIN, '--data-dir', dir, 'serve', '--port', '0', '--host', '127.0.0.1'], {
      env: { ...process.env, DALBIT_LANG: 'en' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /dashboard: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}${err}`)));
    });
    expect((await fetch(`${url}/api/stats`)).status).toBe(401);
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ email: login[1], password: login[2] }),
    });
    expect(res.status).toBe(200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const stats = (await (await fetch(`${url}/api/stats`, { headers: { cookie } })).json()) as { customers: number };
    expect(stats.customers).toBe(0);
    const bad = await fetch(`${url}/api/customers/c_0`, { headers: { cookie } });
    expect(bad.status).toBe(404);
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(err).toContain('server stopped');
  });

  it('rejects a bad port as a usage error (exit 64)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dalbit-serve-'));
    const child = spawn(process.execPath, [BIN, '--data-dir', dir, 'serve', '--port', 'http'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(64);
    expect(err).toContain('--port');
  });
});
