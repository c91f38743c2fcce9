import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

let dir: string;
const out: string[] = [];
const err: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dalbit-consent-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `dalbit --data-dir <dir> …args`; what it prints accumulates in `out` / `err`. */
async function run(...args: string[]): Promise<number> {
  const r = await runCli(['--data-dir', dir, ...args]);
  out.push(r.stdout);
  err.push(r.stderr);
  return r.code;
}

describe('dalbit consent', () => {
  it('refuses a grant without proof', async () => {
    expect(await run('consent', 'grant', 'c1', '--channel', 'sms', '--purpose', 'ad')).toBe(1);
    expect(err.join('')).toContain('--proof is required');
  });

  it('appends grants and withdrawals and shows the current state', async () => {
    expect(
      await run(
        'consent',
        'grant',
        'c1',
        '--channel',
        'sms',
        '--purpose',
        'ad',
        '--proof',
        '매장 가입서 #123',
        '--at',
        '2026-01-02T03:00:00Z',
      ),
    ).toBe(0);
    expect(
      await run('consent', 'withdraw', 'c1', '--channel', 'all', '--purpose', 'ad', '--at', '2026-03-01T00:00:00Z'),
    ).toBe(0);
    out.length = 0;
    expect(await run('consent', 'show', 'c1', '--json')).toBe(0);
    const shown = JSON.parse(out.join('')) as { state: Record<string, { granted: boolean }>; events: unknown[] };
    expect(shown.events).toHaveLength(5);
    expect(shown.state['sms:ad']?.granted).toBe(false);
    expect(Object.keys(shown.state).sort()).toEqual(['email:ad', 'kakao:ad', 'push:ad', 'sms:ad']);
  });

  it('imports an 080 list, reporting bad lines with their line number', async () => {
    const file = join(dir, 'optout.csv');
    writeFileSync(file, '수신거부번호,일시\n010-1234-5678,2026-05-06 11:25:10\n02-12\n01099998888\n');
    err.length = 0;
    out.length = 0;
    expect(await run('consent', 'import-080', file, '--json')).toBe(0);
    const r = JSON.parse(out.join('')) as { unmatched: number; issues: { line: number; column: string }[] };
    expect(r.unmatched).toBe(2);
    expect(r.issues).toEqual([{ line: 3, column: 'phone', message: 'not a Korean phone number: 02-12' }]);
    out.length = 0;
    expect(await run('consent', 'import-080', file, '--json')).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ duplicates: 1 });
  });
});
