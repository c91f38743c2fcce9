import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'dalbit-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dalbit tracker keys', () => {
  it('creates the site keys once (0600), prints the write key, snippet and secret key, and rotates on request', async () => {
    const first = await runCli(['tracker', 'keys', '--data-dir', dir, '--url', 'https://crm.example.com/']);
    expect(first.code).toBe(0);
    const file = join(dir, 'site-keys.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const keys = JSON.parse(readFileSync(file, 'utf8')) as { writeKey: string; secretKey: string };
    expect(keys.writeKey).toMatch(/^dwk_[A-Za-z0-9_-]{24}$/);
    expect(keys.secretKey).toMatch(/^dsk_[A-Za-z0-9_-]{43}$/);
    expect(first.stdout).toContain(`쓰기 키 (공개, 스니펫에 넣음): ${keys.writeKey}`);
    expect(first.stdout).toContain(keys.secretKey);
    expect(first.stdout).toContain(
      `<script async src="https://crm.example.com/tracker.js" data-key="${keys.writeKey}">`,
    );

    const again = await runCli(['tracker', 'keys', '--data-dir', dir, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ writeKey: keys.writeKey, secretKey: keys.secretKey });

    const rotated = await runCli(['tracker', 'keys', '--data-dir', dir, '--rotate', '--json']);
    const next = JSON.parse(rotated.stdout) as { writeKey: string; secretKey: string };
    expect(next.writeKey).not.toBe(keys.writeKey);
    expect(next.secretKey).not.toBe(keys.secretKey);
    expect(JSON.parse(readFileSync(file, 'utf8')).writeKey).toBe(next.writeKey);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
