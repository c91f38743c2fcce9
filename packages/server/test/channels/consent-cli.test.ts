import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

let dir: string;
const out: string[] = [];
const err: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dalbit-consent-'));
  const file = join(dir, 'kakao-signup.csv');
  writeFileSync(
    file,
    '이름,휴대폰,이메일,생일,음력여부,성별,가입경로,가입일,SMS 광고수신동의,이메일 광고수신동의,카카오 광고수신동의,야간 광고수신동의,동의일시,카카오ID\n' +
      '서시우,010-7333-9379,siwoo@example.com,2008-06-16,N,남,이벤트 응모,2025-07-16 21:37:26,N,N,N,N,2025-07-16 21:37:26,2384625611\n',
  );
  expect(await run('import', file)).toBe(0);
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
    expect(await run('consent', 'grant', '010-7333-9379', '--channel', 'sms', '--purpose', 'ad')).toBe(64);
    expect(err.join('')).toContain('동의를 기록하려면 --proof 가 필요합니다');
    expect(await run('--lang', 'en', 'consent', 'grant', '010-7333-9379', '--channel', 'sms', '--purpose', 'ad')).toBe(
      64,
    );
    expect(err.join('')).toContain('--proof is required');
    expect(await run('consent', 'withdraw', '010-7333-9379', '--channel', 'fax', '--purpose', 'ad')).toBe(64);
    expect(err.join('')).toContain('--channel 은 sms | kakao | email | push | all 중 하나입니다');
  });

  it('appends grants and withdrawals and shows the current state', async () => {
    expect(
      await run(
        'consent',
        'grant',
        '010-7333-9379',
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
      await run(
        'consent',
        'withdraw',
        'siwoo@example.com',
        '--channel',
        'all',
        '--purpose',
        'ad',
        '--at',
        '2026-03-01T00:00:00Z',
      ),
    ).toBe(0);
    out.length = 0;
    expect(await run('consent', 'show', '01073339379', '--json')).toBe(0);
    const shown = JSON.parse(out.join('')) as {
      customer: string;
      state: Record<string, { granted: boolean }>;
      events: { customerId: string; source: string }[];
    };
    // Phone and email resolve to the one customer id that send-time checks read.
    expect(shown.customer).toMatch(/^c_[0-9a-z]{16,}$/);
    expect(shown.events.filter((e) => e.source === 'cli')).toHaveLength(5);
    expect(new Set(shown.events.map((e) => e.customerId))).toEqual(new Set([shown.customer]));
    expect(shown.state['sms:ad']?.granted).toBe(false);
    expect(Object.keys(shown.state).sort()).toEqual([
      'email:ad',
      'kakao:ad',
      'kakao:night_ad',
      'push:ad',
      'sms:ad',
      'sms:night_ad',
    ]);
    expect(shown.state['push:ad']?.granted).toBe(false);
  });

  it('refuses an unknown customer and records nothing', async () => {
    out.length = 0;
    expect(await run('stats', '--json')).toBe(0);
    const before = (JSON.parse(out.join('')) as { consents: number }).consents;
    err.length = 0;
    expect(await run('consent', 'withdraw', 'nobody', '--channel', 'sms', '--purpose', 'ad')).toBe(66);
    expect(await run('consent', 'withdraw', '010-0000-0000', '--channel', 'all', '--purpose', 'all')).toBe(66);
    expect(await run('consent', 'show', 'nobody')).toBe(66);
    expect(err.join('')).toContain('고객을 찾을 수 없습니다');
    out.length = 0;
    expect(await run('stats', '--json')).toBe(0);
    expect((JSON.parse(out.join('')) as { consents: number }).consents).toBe(before);
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
