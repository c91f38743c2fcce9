import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../importers/fixtures.ts';
import { runCli } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'dalbit-data-dir-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CUSTOMERS = [
  ['이름', '휴대폰', '이메일', 'SMS 광고수신동의', '가입일'],
  ['김하나', '010-1234-5678', 'hana@example.com', 'Y', '2024-01-02'],
];

describe('a --data-dir that does not exist (a mistyped path)', () => {
  it.each([['stats'], ['segment', 'list'], ['users', 'list'], ['report', 'base'], ['campaign', 'list']])(
    '%s %s is refused in Korean with exit 66 and creates nothing',
    async (...command) => {
      const missing = join(dir, 'typo-data');
      const r = await runCli(['--data-dir', missing, ...command]);
      expect(r.code).toBe(66);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `오류: 데이터 디렉터리가 없습니다: ${missing}. 경로가 맞는지 확인하세요 (새로 만들려면 dalbit init, dalbit demo 또는 dalbit import)\n`,
      );
      expect(existsSync(missing)).toBe(false);
    },
  );

  it('says so in English with --lang en', async () => {
    const missing = join(dir, 'typo-en');
    const r = await runCli(['--lang', 'en', '--data-dir', missing, 'stats', '--json']);
    expect(r.code).toBe(66);
    expect(r.stderr).toContain(`error: the data directory does not exist: ${missing}`);
    expect(existsSync(missing)).toBe(false);
  });

  it('init creates it and says so; a read command then works on it', async () => {
    const fresh = join(dir, 'fresh-init');
    const r = await runCli(['--data-dir', fresh, 'init', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`새 데이터 디렉터리를 만들었습니다: ${fresh}`);
    expect(existsSync(join(fresh, 'dalbit.duckdb'))).toBe(true);
    const stats = await runCli(['--data-dir', fresh, 'stats', '--json']);
    expect(stats.code).toBe(0);
    expect(stats.stderr).not.toContain('새 데이터 디렉터리');
  });

  it('import creates it for a real import, never for a dry run or a missing file', async () => {
    const file = writeCsv(dir, 'customers.csv', CUSTOMERS);
    const dry = join(dir, 'fresh-dry');
    const d = await runCli(['--data-dir', dry, 'import', file, '--dry-run']);
    expect(d.code).toBe(66);
    expect(existsSync(dry)).toBe(false);
    const noFile = await runCli(['--data-dir', dry, 'import', join(dir, 'nope.csv')]);
    expect(noFile.code).toBe(66);
    expect(existsSync(dry)).toBe(false);
    const fresh = join(dir, 'fresh-import');
    const r = await runCli(['--data-dir', fresh, 'import', file, '--no-refresh']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`새 데이터 디렉터리를 만들었습니다: ${fresh}`);
    expect(existsSync(join(fresh, 'dalbit.duckdb'))).toBe(true);
  });

  it('the --data-dir help says which commands create a missing directory', async () => {
    const r = await runCli(['--help']);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('없는 폴더는 init, demo, import 만 새로 만들고 다른 명령은 거부');
  });
});
