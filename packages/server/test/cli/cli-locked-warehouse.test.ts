import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'dalbit-cli-locked-'));
let holder: ChildProcess;

/** A second process opens the warehouse file and keeps it open, as `dalbit serve` does. */
beforeAll(async () => {
  expect((await runCli(['--data-dir', dir, 'init'])).code).toBe(0);
  const script = `import { DuckDBInstance } from '@duckdb/node-api';
const db = await DuckDBInstance.create(${JSON.stringify(join(dir, 'dalbit.duckdb'))});
await db.connect();
process.stdout.write('ready\\n');
setInterval(() => {}, 1000);`;
  holder = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    holder.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    holder.on('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
});
afterAll(() => {
  holder.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('a warehouse locked by another process', () => {
  it('is exit 75 with a Korean explanation naming the other process, not a driver stack', async () => {
    const r = await runCli(['--data-dir', dir, 'stats', '--json']);
    expect(r.code).toBe(75);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`다른 프로세스 (PID ${holder.pid})가 이 데이터 디렉터리(${dir})를 쓰고 있습니다`);
    const en = await runCli(['--data-dir', dir, 'stats', '--json'], { DALBIT_LANG: 'en' });
    expect(en.code).toBe(75);
    expect(en.stderr).toContain('locked by another process');
    expect(r.stderr).not.toMatch(/unexpected error|예기치 않은 오류/);
  });
});
