import { isDalbitError } from '@dalbit/core/errors/dalbit-error';
import { EXIT_CODE_BY_KIND } from '@dalbit/core/errors/error-codes';
import { Command, CommanderError } from 'commander';
import { COMMAND_GROUPS } from './commands/index.ts';
import { CliError, createContext } from './context.ts';

export function buildProgram(ctx: ReturnType<typeof createContext>): Command {
  const program = new Command('dalbit')
    .description('Dalbit — open-source CRM for multi-channel Korean brands')
    .option('--data-dir <dir>', 'data directory (default ./.dalbit or $DALBIT_DATA_DIR)')
    .exitOverride()
    .showHelpAfterError();
  for (const register of COMMAND_GROUPS) register(program, ctx);
  return program;
}

/** CLI entry; returns the exit code. */
export async function main(
  argv: readonly string[],
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const ctx = createContext(env);
  try {
    await buildProgram(ctx).parseAsync([...argv]);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (isDalbitError(e)) {
      ctx.err(
        `error: ${e.message}${e.issues.length ? `\n${e.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}` : ''}`,
      );
      return EXIT_CODE_BY_KIND[e.kind];
    }
    if (e instanceof CliError) {
      ctx.err(`error: ${e.message}`);
      return e.exitCode;
    }
    ctx.err(`unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 70;
  } finally {
    await ctx.closeAll();
  }
}
