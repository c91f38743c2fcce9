// The `dalbit dispatcher` command alone, as a child process for the crash test: the same
// registration and context as `bin/dalbit.js`, without loading every other command group.
import { Command } from 'commander';
import { registerDispatcher } from '../../src/cli/commands/dispatcher.ts';
import { CliError, createContext } from '../../src/cli/context.ts';

const ctx = createContext(process.env);
const program = new Command('dalbit').option('--data-dir <dir>').exitOverride();
registerDispatcher(program, ctx);
try {
  await program.parseAsync(process.argv);
} catch (e) {
  ctx.err(e instanceof CliError ? `error: ${e.message}` : String(e instanceof Error ? e.stack : e));
  process.exitCode = 1;
} finally {
  await ctx.closeAll();
}
