import { vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real CLI entry (`main` with argv, as `dalbit <argv…>`) in this process and captures
 * what it writes to stdout and stderr. Pass the data directory in `argv` (`--data-dir`) or `env`
 * (`DALBIT_DATA_DIR`); nothing is read from process.env.
 */
export async function runCli(argv: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(['node', 'dalbit', ...argv], { ...env });
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
