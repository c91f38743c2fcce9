import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'dalbit-cli-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dalbit with a bad environment variable', () => {
  it.each([
    ['DALBIT_LANG', 'fr', 'ko | en'],
    ['DALBIT_ENGINE', 'postgres', 'duckdb | chdb'],
  ])('%s=%s is a user error naming the allowed values, not a crash', async (name, value, allowed) => {
    const r = await runCli(['--data-dir', dir, 'stats'], { [name]: value });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('환경 변수 값이 잘못되었습니다');
    expect(r.stderr).toContain(`${name}="${value}" (${allowed})`);
    expect(r.stderr).not.toContain('unexpected error');
    expect(r.stderr).not.toContain('ZodError');
  });
});
