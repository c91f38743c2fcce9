import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'dalbit-cli-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dalbit with a bad environment variable', () => {
  it.each([
    ['DALBIT_LANG', 'fr', 'ko | en'],
    ['DALBIT_ENGINE', 'postgres', 'duckdb | chdb | clickhouse'],
  ])('%s=%s is a user error naming the allowed values, not a crash', async (name, value, allowed) => {
    const r = await runCli(['--data-dir', dir, 'stats'], { [name]: value });
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('환경 변수 값이 잘못되었습니다');
    expect(r.stderr).toContain(`${name}="${value}" (${allowed})`);
    expect(r.stderr).not.toMatch(/unexpected error|예기치 않은 오류/);
    expect(r.stderr).not.toContain('ZodError');
  });
});

describe('dalbit with a data directory it cannot use', () => {
  it('a file in the way is exit 74 with 데이터 디렉터리를 만들거나 열 수 없습니다, not a stack', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    for (const [dataDir, code] of [
      [file, 'EEXIST'],
      [join(file, 'sub'), 'ENOTDIR'],
    ] as const) {
      // init creates a missing directory, so both paths reach the file system's own refusal.
      const r = await runCli(['--data-dir', dataDir, 'init', '--json']);
      expect(r.code).toBe(74);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`오류: 데이터 디렉터리를 만들거나 열 수 없습니다: ${dataDir} (${code})\n`);
      const en = await runCli(['--lang', 'en', '--data-dir', dataDir, 'init', '--json']);
      expect(en.stderr).toBe(`error: cannot use the data directory ${dataDir}: ${code}\n`);
    }
  });
});
