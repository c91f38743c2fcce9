import { isDalbitError, messageIn } from '@dalbit/core/errors/dalbit-error';
import { EXIT_CODE_BY_KIND } from '@dalbit/core/errors/error-codes';
import { isMessageKey, translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import { Command, CommanderError, Help } from 'commander';
import { COMMAND_GROUPS, requestedGroup } from './commands/index.ts';
import { GROUP_USAGE } from './commands/usage.ts';
import type { CliContext } from './context.ts';
import { helpLang, localizedHelp } from './localized-help.ts';

/**
 * The program for `argv`: the requested command group is loaded and registered in full; every
 * other group is only its name and summary (enough for `--help` and "unknown command"), so a
 * command never pays for loading the others. Without `argv`, every group is loaded.
 */
export async function buildProgram(
  ctx: CliContext | undefined,
  argv?: readonly string[],
  env: Record<string, string | undefined> = process.env,
): Promise<Command> {
  const lang = ctx?.lang ?? helpLang(argv ?? [], env);
  const program = new Command('dalbit')
    .configureHelp({
      ...localizedHelp(lang),
      // A command listed without its module has no options or arguments yet: show its real usage.
      subcommandTerm: (cmd) => {
        const usage = cmd.commands.length === 0 && cmd.options.length === 0 ? GROUP_USAGE[cmd.name()] : undefined;
        return usage ? `${cmd.name()} ${usage}` : new Help().subcommandTerm(cmd);
      },
    })
    .description(translate(lang, 'cli.program'))
    .option('--data-dir <dir>', translate(lang, 'cli.option.dataDir'))
    .option('--lang <lang>', translate(lang, 'cli.option.lang'))
    .exitOverride()
    .showHelpAfterError();
  const wanted = argv ? requestedGroup(argv) : undefined;
  for (const group of COMMAND_GROUPS) {
    if (argv === undefined || group === wanted) {
      if (!ctx) throw new Error(`the ${group.name} command needs a context`);
      for (const register of await group.load()) register(program, ctx);
    } else program.command(group.name).description(translate(lang, group.summary));
  }
  return program;
}

/**
 * The one place errors become exit codes: a DalbitError's kind decides (EXIT_CODE_BY_KIND, listed in
 * the README), with the catalog heading of its code (`domain.<CODE>`) in the user's language unless
 * the message already says it.
 */
function describe(e: unknown, lang: Lang): { line: string; code: number } {
  if (e instanceof CommanderError) return { line: '', code: e.exitCode };
  if (isDalbitError(e)) {
    // Catalog text is whole in the reader's language; a message written in one language gets the
    // code's heading in the reader's language before it.
    const text = messageIn(e, lang);
    const key = `domain.${e.code}`;
    const heading = e.text === undefined && isMessageKey(key) ? translate(lang, key) : '';
    const head = heading && !text.includes(heading) ? `${heading} / ` : '';
    const issues = e.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    const message = `${head}${text}${issues ? `\n${issues}` : ''}`;
    return { line: translate(lang, 'cli.error.line', { message }), code: EXIT_CODE_BY_KIND[e.kind] };
  }
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  return { line: translate(lang, 'cli.error.unexpected', { detail }), code: 70 };
}

/**
 * CLI entry; returns the exit code. The context (configuration, warehouse) is loaded only when a
 * command runs, so `dalbit --help` loads nothing but the command names.
 */
export async function main(
  argv: readonly string[],
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const lang = helpLang(argv, env);
  const ctx = requestedGroup(argv) ? (await import('./context.ts')).createContext(env, lang) : undefined;
  try {
    await (await buildProgram(ctx, argv, env)).parseAsync([...argv]);
    return 0;
  } catch (e) {
    const { line, code } = describe(e, lang);
    if (line) (ctx?.err ?? ((l: string) => process.stderr.write(`${l}\n`)))(line);
    return code;
  } finally {
    await ctx?.closeAll();
  }
}
