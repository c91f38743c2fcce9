import { vi } from 'vitest';
import { main } from '../../../src/cli/main.ts';

/** Runs the real CLI (main with argv) against a data directory, capturing stdout and stderr. */
export async function runCli(
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
    out += String(c);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
    err += String(c);
    return true;
  });
  try {
    return { code: await main(['node', 'dalbit', '--data-dir', dataDir, ...args], env), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
