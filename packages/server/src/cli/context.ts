import type { Command } from 'commander';
import { ZodError } from 'zod';
import { type Config, loadConfig } from '../config.ts';
import type { Engine } from '../engines/engine.ts';
import { CliError } from './cli-error.ts';

/** What every command gets: config, output streams, and the warehouse opened on demand. */
export interface CliContext {
  readonly env: Record<string, string | undefined>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  config(cmd: Command): Config;
  /** Opens (and migrates) the warehouse of `--data-dir`; closed by `main` when the command ends. */
  warehouse(cmd: Command): Promise<Engine>;
}

// Re-exported: commands import it from here; it lives apart so `main` can load it without zod.
export { CliError } from './cli-error.ts';

/** EX_TEMPFAIL: retry once the other process is gone. */
const EXIT_LOCKED = 75;

/** DuckDB allows one process per warehouse file: say so plainly instead of a driver stack. */
function lockedError(e: unknown, dataDir: string): CliError | undefined {
  const text = e instanceof Error ? e.message : String(e);
  if (!/Could not set lock on file|Conflicting lock/.test(text)) return undefined;
  const pid = /PID (\d+)/.exec(text)?.[1];
  const who = pid ? ` (PID ${pid})` : '';
  return new CliError(
    `다른 프로세스${who}가 이 데이터 디렉터리를 쓰고 있습니다 (예: dalbit serve). 그 프로세스를 멈춘 뒤 다시 실행하세요 / the warehouse in ${dataDir} is locked by another process${who}, e.g. dalbit serve; stop it and retry`,
    EXIT_LOCKED,
  );
}

/** The data directory cannot be created or used (a file is in the way, no permission …). */
function dataDirError(e: unknown, dataDir: string): CliError | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (!(e instanceof Error) || !code || !['EEXIST', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOENT'].includes(code))
    return undefined;
  return new CliError(
    `데이터 디렉터리를 만들거나 열 수 없습니다 / cannot use the data directory ${dataDir}: ${code}`,
    2,
  );
}

const ENV_CHOICES: Record<string, string> = {
  DALBIT_LANG: 'ko | en',
  DALBIT_ENGINE: 'duckdb | chdb',
  DALBIT_DATA_DIR: '비어 있지 않은 경로 / a non-empty path',
};

export function createContext(env: Record<string, string | undefined>): CliContext & { closeAll(): Promise<void> } {
  const open: Engine[] = [];
  const config = (cmd: Command): Config => {
    try {
      return loadConfig(env, { dataDir: cmd.optsWithGlobals<{ dataDir?: string }>().dataDir });
    } catch (e) {
      if (!(e instanceof ZodError)) throw e;
      const bad = e.issues.map(
        (i) =>
          `${i.path.join('.')}=${JSON.stringify(env[String(i.path[0])] ?? '')} (${ENV_CHOICES[String(i.path[0])] ?? i.message})`,
      );
      throw new CliError(`환경 변수 값이 잘못되었습니다 / invalid environment variable: ${bad.join(', ')}`, 2);
    }
  };
  return {
    env,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    config,
    async warehouse(cmd) {
      const c = config(cmd);
      // Loaded here, not at start-up: `--help` and file-mode commands never load an engine.
      const { openWarehouse } = await import('../engines/open-engine.ts');
      const engine = await openWarehouse({ dataDir: c.dataDir, engine: c.engine }).catch((e: unknown) => {
        throw lockedError(e, c.dataDir) ?? dataDirError(e, c.dataDir) ?? e;
      });
      open.push(engine);
      return engine;
    },
    async closeAll() {
      for (const e of open.splice(0)) await e.close();
    },
  };
}
