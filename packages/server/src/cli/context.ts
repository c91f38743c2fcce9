import type { Command } from 'commander';
import { type Config, loadConfig } from '../config.ts';
import type { Engine } from '../engines/engine.ts';
import { openWarehouse } from '../engines/open-engine.ts';

/** What every command gets: config, output streams, and the warehouse opened on demand. */
export interface CliContext {
  readonly env: Record<string, string | undefined>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  config(cmd: Command): Config;
  /** Opens (and migrates) the warehouse of `--data-dir`; closed by `main` when the command ends. */
  warehouse(cmd: Command): Promise<Engine>;
}

/** A user-facing failure: printed without a stack, with a stable exit code. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function createContext(env: Record<string, string | undefined>): CliContext & { closeAll(): Promise<void> } {
  const open: Engine[] = [];
  const config = (cmd: Command): Config => loadConfig(env, { dataDir: cmd.optsWithGlobals<{ dataDir?: string }>().dataDir });
  return {
    env,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    config,
    async warehouse(cmd) {
      const c = config(cmd);
      const engine = await openWarehouse({ dataDir: c.dataDir, engine: c.engine });
      open.push(engine);
      return engine;
    },
    async closeAll() {
      for (const e of open.splice(0)) await e.close();
    },
  };
}
