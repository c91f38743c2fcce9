import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { translate } from '@dalbit/core/i18n/catalog';
import { Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_GROUPS, requestedGroup } from '../../src/cli/commands/index.ts';
import { GROUP_USAGE } from '../../src/cli/commands/usage.ts';
import { createContext } from '../../src/cli/context.ts';
import { buildProgram } from '../../src/cli/main.ts';
import { runCli } from '../support/run-cli.ts';

const BIN = fileURLToPath(new URL('../../bin/dalbit.js', import.meta.url));

describe('lazily loaded command groups', () => {
  it("each group's summary is the description its module sets, in the same order", async () => {
    const program = await buildProgram(createContext({}));
    const loaded = program.commands.map((c) => [c.name(), c.description()]);
    expect(loaded).toEqual(COMMAND_GROUPS.map((g) => [g.name, translate('ko', g.summary)]));
  });

  it("each group's usage in --help is what commander derives from the loaded command", async () => {
    const program = await buildProgram(createContext({}));
    const help = new Help();
    const derived = program.commands.map((c) => help.subcommandTerm(c));
    expect(derived).toEqual(
      COMMAND_GROUPS.map((g) => (GROUP_USAGE[g.name] ? `${g.name} ${GROUP_USAGE[g.name]}` : g.name)),
    );
    const listed = await runCli(['--help']);
    for (const term of derived) expect(listed.stdout).toContain(`  ${term} `);
  });

  it('finds the command after global options, and NAME in `help NAME`', () => {
    const argv = (...w: string[]) => ['node', 'dalbit', ...w];
    expect(requestedGroup(argv('--data-dir', 'stats', 'import', 'x.csv'))?.name).toBe('import');
    expect(requestedGroup(argv('--data-dir=/d', 'stats'))?.name).toBe('stats');
    expect(requestedGroup(argv('help', 'campaign'))?.name).toBe('campaign');
    expect(requestedGroup(argv('--help'))).toBeUndefined();
    expect(requestedGroup(argv('nonsense'))).toBeUndefined();
  });

  it('--help lists every command without loading any; a subcommand help loads its group', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const g of COMMAND_GROUPS) expect(help.stdout).toContain(`  ${g.name} `);
    const campaign = await runCli(['campaign', '--help']);
    expect(campaign.stdout).toContain('simulate');
    // campaign-report hangs `report <id>` under campaign when campaign is loaded.
    expect(campaign.stdout).toContain('report');
    const unknown = await runCli(['nonsense']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("unknown command 'nonsense'");
  });

  it('the bin runs the compiled build in dist/ (built on first run when missing or stale)', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, '--help'], { env: { ...process.env } });
    expect(stdout).toContain('사용법: dalbit'); // help is Korean by default
    const { stdout: recipes } = await promisify(execFile)(process.execPath, [BIN, 'recipes', 'list', '--json'], {
      env: { ...process.env },
    });
    expect(JSON.parse(recipes).length).toBeGreaterThan(0);
    expect(existsSync(fileURLToPath(new URL('../../dist/main.js', import.meta.url)))).toBe(true);
  });
});
