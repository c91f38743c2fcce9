import { spawn } from 'node:child_process';
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
    const stats = (await (await fetch(`${url}/api/stats`)).json()) as { customers: number };
    expect(stats.customers).toBe(0);
    const bad = await fetch(`${url}/api/customers/c_0`);
    expect(bad.status).toBe(404);
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(err).toContain('server stopped');
  });

  it('rejects a bad port with exit code 2', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dalbit-serve-'));
    const child = spawn(process.execPath, [BIN, '--data-dir', dir, 'serve', '--port', 'http'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('--port');
  });
});
