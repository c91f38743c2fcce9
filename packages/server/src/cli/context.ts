import { existsSync } from 'node:fs';
import { type MessageKey, type MessageParams, translator } from '@dalbit/core/i18n/catalog';
import { type Lang, parseLang } from '@dalbit/core/i18n/lang';
import type { Command } from 'commander';
import { ZodError } from 'zod';
import { type Config, loadConfig } from '../config.ts';
import type { Engine } from '../engines/engine.ts';
import { CliError } from './cli-error.ts';

/** What every command gets: config, output streams, and the warehouse opened on demand. */
export interface CliContext {
  readonly env: Record<string, string | undefined>;
  /** The language of help and messages: `--lang`, else DALBIT_LANG; Korean by default. */
  readonly lang: Lang;
  /** A catalog text in `lang`. */
  readonly t: (key: MessageKey, params?: MessageParams) => string;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  config(cmd: Command): Config;
  /**
   * Opens (and migrates) the warehouse of `--data-dir`; closed by `main` when the command ends.
   * A data directory that does not exist is refused (a mistyped path must not read as an empty
   * warehouse) unless `create` is set: only `init`, `demo` and `import` create one.
   */
  warehouse(cmd: Command, opts?: { create?: boolean }): Promise<Engine>;
}

// Re-exported: commands import it from here; it lives apart so `main` can load it without zod.
export { CliError } from './cli-error.ts';

/** DuckDB allows one process per warehouse file: say so plainly instead of a driver stack. */
export function lockedError(e: unknown, dataDir: string, t: CliContext['t']): CliError | undefined {
  const text = e instanceof Error ? e.message : String(e);
  if (!/Could not set lock on file|Conflicting lock/.test(text)) return undefined;
  const pid = /PID (\d+)/.exec(text)?.[1];
  const who = pid ? ` (PID ${pid})` : '';
  return new CliError('WAREHOUSE_LOCKED', t('cli.error.warehouseLocked', { who, dataDir }));
}

/** The data directory cannot be created or used (a file is in the way, no permission …). */
function dataDirError(e: unknown, dataDir: string, t: CliContext['t']): CliError | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (!(e instanceof Error) || !code || !['EEXIST', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOENT'].includes(code))
    return undefined;
  return new CliError('DATA_DIR_UNUSABLE', t('cli.error.dataDir', { dataDir, code }));
}

const ENV_CHOICES: Record<string, MessageKey> = {
  DALBIT_LANG: 'cli.env.lang',
  DALBIT_ENGINE: 'cli.env.engine',
  DALBIT_DATA_DIR: 'cli.env.dataDir',
};

export function createContext(
  env: Record<string, string | undefined>,
  lang: Lang = parseLang(env.DALBIT_LANG),
): CliContext & { closeAll(): Promise<void> } {
  const open: Engine[] = [];
  const t = translator(lang);
  const config = (cmd: Command): Config => {
    try {
      // The language is the run's (`--lang`, else DALBIT_LANG), so every command reads the same one.
      return { ...loadConfig(env, { dataDir: cmd.optsWithGlobals<{ dataDir?: string }>().dataDir }), lang };
    } catch (e) {
      if (!(e instanceof ZodError)) throw e;
      const bad = e.issues.map((i) => {
        const choices = ENV_CHOICES[String(i.path[0])];
        return `${i.path.join('.')}=${JSON.stringify(env[String(i.path[0])] ?? '')} (${choices ? t(choices) : i.message})`;
      });
      throw new CliError('BAD_ENV', t('cli.error.badEnv', { list: bad.join(', ') }));
    }
  };
  return {
    env,
    lang,
    t,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    config,
    async warehouse(cmd, opts) {
      const c = config(cmd);
      const created = !existsSync(c.dataDir);
      if (created && opts?.create !== true)
        throw new CliError('DATA_DIR_MISSING', t('dataDir.missing', { dataDir: c.dataDir }));
      // Loaded here, not at start-up: `--help` and file-mode commands never load an engine.
      const { openWarehouse } = await import('../engines/open-engine.ts');
      const engine = await openWarehouse({ dataDir: c.dataDir, engine: c.engine, clickhouse: c.clickhouse }).catch(
        (e: unknown) => {
          throw lockedError(e, c.dataDir, t) ?? dataDirError(e, c.dataDir, t) ?? e;
        },
      );
      open.push(engine);
      if (created) process.stderr.write(`${t('dataDir.created', { dataDir: c.dataDir })}\n`);
      return engine;
    },
    async closeAll() {
      for (const e of open.splice(0)) await e.close();
    },
  };
}
