import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../src/engines/open-engine.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { waitFor } from './manual-clock.ts';
import { broadcast, saveBroadcast, seedCustomers } from './runtime-fixture.ts';

// The real `dalbit serve` process on the system clock: no CLI call schedules or dispatches, and
// SIGTERM stops the loops after their passes in flight, then the server, with exit code 0.

const BIN = fileURLToPath(new URL('../../bin/dalbit.js', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DALBIT_')));
  return { ...(env as Record<string, string>), DALBIT_LANG: 'en', ...extra };
}

function spawnServe(dir: string, args: readonly string[], env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, [BIN, '--data-dir', dir, 'serve', '--port', '0', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const io = { out: '', err: '' };
  child.stdout?.on('data', (b: Buffer) => (io.out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (io.err += b.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return { child, io, exit };
}

async function tempDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dalbit-serve-rt-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('dalbit serve (embedded runtime)', () => {
  it('sends a saved campaign to the SMTP server without any CLI call and stops cleanly on SIGTERM', async () => {
    const dir = await tempDir();
    const engine = await openWarehouse({ dataDir: dir });
    await seedCustomers(engine, 2);
    const now = new Date();
    await saveBroadcast(engine, broadcast('notice', 'email', new Date(now.getTime() - 5 * 60_000)), now);
    await engine.close();
    const smtp = await startSmtpSink();
    cleanups.push(() => smtp.close());

    const s = spawnServe(
      dir,
      ['--scheduler-interval', '1s', '--dispatch-interval', '200ms'],
      cleanEnv({
        DALBIT_SMTP_HOST: '127.0.0.1',
        DALBIT_SMTP_PORT: String(smtp.port),
      }),
    );
    await waitFor(() => (smtp.mails.length >= 2 ? true : undefined), 30_000);
    expect(smtp.mails.flatMap((m) => m.envelope.to).sort()).toEqual(['c001@example.kr', 'c002@example.kr']);
    // wait for the dispatcher's line (written after the outcome is recorded)
    await waitFor(() => (/\[dispatcher\] sent 2: accepted 2/.test(s.io.err) ? true : undefined), 30_000);
    s.child.kill('SIGTERM');
    expect(await s.exit).toBe(0);
    expect(s.io.err).toMatch(/\[scheduler\] 1 campaigns · touches 2: queued 2 · deferred 0 · blocked 0 · holdout 0/);
    expect(s.io.err).toMatch(/\[dispatcher\] email=smtp/);
    expect(s.io.err.trimEnd().split('\n').at(-1)).toBe('server stopped');
    expect(smtp.mails).toHaveLength(2);

    // The file is free again and holds what the runtime did.
    const after = await openWarehouse({ dataDir: dir });
    cleanups.push(() => after.close());
    const rows = await after.query<{ status: string; n: number | bigint }>(
      "SELECT status, count(*) AS n FROM messages WHERE campaign_id = 'notice' GROUP BY status",
    );
    expect(rows.map((r) => [r.status, Number(r.n)])).toEqual([['accepted', 2]]);
  }, 60_000);

  it('says once that no channel is configured, and rejects a bad --refresh-at', async () => {
    const dir = await tempDir();
    const s = spawnServe(dir, ['--dispatch-interval', '100ms', '--no-daily-refresh'], cleanEnv({}));
    await waitFor(() => (/dashboard: http/.test(s.io.out) ? true : undefined), 30_000);
    await waitFor(() => (/\[scheduler\] 0 campaigns/.test(s.io.err) ? true : undefined), 30_000);
    s.child.kill('SIGTERM');
    expect(await s.exit).toBe(0);
    expect(s.io.err.match(/no channel configured/g)).toHaveLength(1);

    const bad = spawnServe(dir, ['--refresh-at', '25:00'], cleanEnv({}));
    expect(await bad.exit).toBe(64); // usage (EX_USAGE), as in the README's exit table
    expect(bad.io.err).toContain('--refresh-at: use HH:MM');
  }, 60_000);
});
