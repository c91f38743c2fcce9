import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./dispatcher-cli-child.ts', import.meta.url));

export interface Child {
  readonly proc: ChildProcess;
  readonly stdout: string[];
  readonly stderr: string[];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

/** `dalbit dispatcher …` in its own process (DuckDB: the only writer of the file while it runs). */
export function spawnDispatcher(args: readonly string[], env: Record<string, string>): Child {
  // node itself (tsx as a loader), so SIGKILL hits the process that holds the database
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, 'dispatcher', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  proc.stdout?.setEncoding('utf8').on('data', (d: string) => stdout.push(...d.split('\n').filter(Boolean)));
  proc.stderr?.setEncoding('utf8').on('data', (d: string) => stderr.push(...d.split('\n').filter(Boolean)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    proc,
    stdout,
    stderr,
    exited,
    async waitForLine(pattern, timeoutMs = 30_000) {
      const start = Date.now();
      for (;;) {
        const hit = stdout.find((l) => pattern.test(l));
        if (hit) return hit;
        if (proc.exitCode !== null)
          throw new Error(`child exited (${proc.exitCode}) before ${pattern}: ${stderr.join('\n')}`);
        if (Date.now() - start > timeoutMs)
          throw new Error(`timed out waiting for ${pattern}; stderr: ${stderr.join('\n')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}
