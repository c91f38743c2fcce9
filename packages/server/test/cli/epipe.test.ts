import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/dalbit.js', import.meta.url));

// `dalbit recipes list | head -1`: the reader goes away before the CLI is done writing. The CLI must
// end quietly (exit 0, nothing on stderr), as Unix tools do, not crash with an EPIPE stack.
describe('output into a closed pipe', () => {
  it('ends quietly when the reader closes its end first', async () => {
    const child = spawn(process.execPath, [BIN, 'recipes', 'list'], {
      env: { ...process.env, DALBIT_LANG: 'ko' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader closes at once, before the CLI has started (loading takes far longer).
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(err).not.toContain('EPIPE');
    expect(err).toBe('');
    expect(code).toBe(0);
  }, 120_000);
});
