import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/cli/context.ts';
import { buildProgram } from '../../src/cli/main.ts';
import { runCli } from '../support/run-cli.ts';

const HANGUL = /[\uac00-\ud7a3]/;

/** Every command path the registry builds (`['segment', 'list']` …), walked from the loaded program. */
function commandPaths(cmd: Command, prefix: readonly string[] = []): string[][] {
  return cmd.commands
    .filter((c) => c.name() !== 'help')
    .flatMap((c) => {
      const path = [...prefix, c.name()];
      return [path, ...commandPaths(c, path)];
    });
}

/** The description and option texts a command shows, each as its own line to check. */
function texts(cmd: Command): string[] {
  return [cmd.description(), ...cmd.options.map((o) => `${o.flags}: ${o.description}`)];
}

describe('help of every subcommand', async () => {
  const program = await buildProgram(createContext({}));
  const paths = commandPaths(program);

  it('enumerates the whole registry', () => {
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.map((p) => p.join(' '))).toContain('campaign report');
  });

  it.each(paths.map((p) => [p.join(' '), p] as const))(
    '%s: Korean by default, English with --lang en',
    async (_, path) => {
      const ko = await runCli([...path, '--help']);
      expect(ko.code).toBe(0);
      expect(ko.stdout).toContain(`사용법: dalbit ${path.join(' ')}`);
      const en = await runCli(['--lang', 'en', ...path, '--help']);
      expect(en.code).toBe(0);
      expect(en.stdout).toContain(`Usage: dalbit ${path.join(' ')}`);
      expect(en.stdout.split('\n').filter((l) => HANGUL.test(l))).toEqual([]);
      // Korean mode: the command's own description and every option text carry Korean.
      const koProgram = await buildProgram(createContext({}, 'ko'));
      let cmd: Command = koProgram;
      for (const name of path) cmd = cmd.commands.find((c) => c.name() === name) as Command;
      expect(texts(cmd).filter((t) => !HANGUL.test(t))).toEqual([]);
    },
  );
});
