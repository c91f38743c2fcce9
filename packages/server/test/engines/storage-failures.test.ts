import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_CODE_BY_KIND, HTTP_STATUS_BY_KIND } from '@dalbit/core/errors/error-codes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../src/engines/open-engine.ts';
import { runCli } from '../support/run-cli.ts';

// Issue 12 hygiene: a full disk during an import said "cannot rollback - no transaction is active"
// (or DuckDB's "Failed to commit … No space left on device" as an "unexpected error", exit 70).
// Reproduced for real: the data directory is a 6 MB tmpfs in a private mount namespace
// (`unshare -rm`, no root needed where user namespaces are allowed) and the import is larger.

let dir: string;
let canMount = false;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dalbit-full-'));
  const probe = join(dir, 'probe');
  mkdirSync(probe);
  canMount = spawnSync('unshare', ['-rm', 'sh', '-c', `mount -t tmpfs -o size=1m tmpfs "${probe}"`]).status === 0;
  if (!canMount) console.warn('disk-full test skipped: unshare -rm + mount tmpfs is not permitted here');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** ~12 MB of anonymous tracker events in the JSONL export format. */
function writeEvents(path: string, n: number): void {
  const lines: string[] = [];
  for (let i = 0; i < n; i++)
    lines.push(
      JSON.stringify({
        event_id: `evt_full_${i}`,
        type: 'page_view',
        occurred_at: '2025-01-07T00:06:24+09:00',
        anonymous_id: `a219ad15-5e60-43ec-a247-${String(i).padStart(12, '0')}`,
        channel: 'cafe24',
        properties: { path: `/category/skincare/${i}`, note: 'x'.repeat(120) },
        utm_source: 'instagram',
      }),
    );
  writeFileSync(path, `${lines.join('\n')}\n`);
}

describe('a full disk', () => {
  it('fails an import with a Korean DISK_FULL message and what to do (exit 74), writing nothing', async (ctx) => {
    if (!canMount) ctx.skip();
    const big = join(dir, 'events.jsonl');
    writeEvents(big, 50_000);
    const mnt = join(dir, 'mnt');
    mkdirSync(mnt);
    const dataDir = join(mnt, 'data');
    const child = join(import.meta.dirname, 'disk-full-child.ts');
    const r = spawnSync(
      'unshare',
      [
        '-rm',
        'sh',
        '-c',
        'mount -t tmpfs -o size=6m tmpfs "$0" && exec node --import tsx "$1" "$2" "$3"',
        mnt,
        child,
        dataDir,
        big,
      ],
      { encoding: 'utf8', env: { ...process.env, DALBIT_LANG: 'ko' }, timeout: 240_000 },
    );
    const importErr = r.stderr.slice(r.stderr.indexOf('--- import ---'));
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
    expect(out.init).toBe(0);
    expect(out.imported).toBe(74); // EX_IOERR: kind io
    expect(importErr).toContain('디스크가 가득 차서');
    expect(importErr).toContain(`df -h ${dataDir}`);
    expect(importErr).toContain('아무것도 기록되지 않았습니다');
    expect(importErr).not.toContain('cannot rollback');
    expect(importErr).not.toMatch(/unexpected error|예기치 않은 오류/);
    // Nothing partially written: the warehouse opens again and holds none of the file's events.
    expect(out.events).toBe(0);
  });
});

/** Overwrites `length` bytes of `file` at `offset` (a damaged disk block, a bad copy). */
function damage(file: string, offset: number, bytes: Uint8Array): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

describe('a damaged warehouse file', () => {
  // DuckDB's raw "IO Error: Corrupt database file: computed checksum … does not match" reached the
  // user as "unexpected error" (exit 70) with no advice.
  for (const [name, offset, bytes] of [
    ['a damaged block', 8192 + 100, new Uint8Array(5000).fill(0xff)],
    ['a file that is not a database', 0, new Uint8Array(4096).fill(0x41)],
  ] as const)
    it(`says in Korean that ${name} must be restored from a backup, with the path (exit 74)`, async () => {
      const dataDir = join(dir, name.replaceAll(' ', '-'));
      await (await openWarehouse({ dataDir })).close();
      const file = join(dataDir, 'dalbit.duckdb');
      damage(file, offset, bytes);
      await expect(openWarehouse({ dataDir })).rejects.toMatchObject({ code: 'WAREHOUSE_CORRUPT', kind: 'io' });
      expect([EXIT_CODE_BY_KIND.io, HTTP_STATUS_BY_KIND.io]).toEqual([74, 500]);
      const r = await runCli(['--data-dir', dataDir, 'stats', '--json']);
      expect(r.code).toBe(74);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`웨어하우스 파일 ${file}이(가) 손상되어 열 수 없습니다`);
      expect(r.stderr).toContain('백업 사본으로 바꾼 뒤');
      expect(r.stderr).not.toMatch(/unexpected error|예기치 않은 오류/);
      const en = await runCli(['--data-dir', dataDir, 'stats'], { DALBIT_LANG: 'en' });
      expect(en.stderr).toContain('the warehouse file is damaged');
    });
});
