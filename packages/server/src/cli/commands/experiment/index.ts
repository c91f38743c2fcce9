import type { Command } from 'commander';
import type { CliContext } from '../../context.ts';
import { registerExperimentAnalyze } from './analyze.ts';
import { registerExperimentSize } from './size.ts';

/** `dalbit experiment analyze|size`: one file per subcommand. */
export function registerExperiment(program: Command, ctx: CliContext): void {
  const group = program.command('experiment').description(ctx.t('cli.group.experiment'));
  registerExperimentAnalyze(group, ctx);
  registerExperimentSize(group, ctx);
}
