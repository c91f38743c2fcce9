import { readFile } from 'node:fs/promises';
import { analyzeExperiment } from '@dalbit/core/experiments/analyze-experiment';
import { parseArmWeights, parseExperimentCsv } from '@dalbit/core/experiments/parse-experiment-csv';
import { describeFileIssue, renderAnalysis } from '@dalbit/core/experiments/render-analysis';
import type { Command } from 'commander';
import { type CliContext, CliError } from '../../context.ts';
import { toJsonValue } from './json.ts';

const MAX_ISSUES_SHOWN = 20;

interface AnalyzeOptions {
  input: string;
  control: string;
  weights?: string;
  level: string;
  json?: boolean;
}

async function readRows(ctx: CliContext, input: string) {
  let text: string;
  try {
    text = await readFile(input, 'utf8');
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new CliError('FILE_NOT_FOUND', ctx.t('cli.experiment.noInput', { file: input, reason }));
  }
  const parsed = parseExperimentCsv(text);
  if (parsed.ok) return parsed.rows;
  for (const issue of parsed.issues.slice(0, MAX_ISSUES_SHOWN))
    ctx.err(`${input}: ${describeFileIssue(issue, ctx.lang)}`);
  if (parsed.issues.length > MAX_ISSUES_SHOWN)
    ctx.err(ctx.t('cli.experiment.more', { count: parsed.issues.length - MAX_ISSUES_SHOWN }));
  throw new CliError('INVALID_INPUT', ctx.t('cli.experiment.issues', { file: input, count: parsed.issues.length }));
}

export function registerExperimentAnalyze(group: Command, ctx: CliContext): void {
  group
    .command('analyze')
    .description(ctx.t('cli.experiment.analyze'))
    .requiredOption('--input <file>', ctx.t('cli.experiment.opt.input'))
    .requiredOption('--control <arm>', ctx.t('cli.experiment.opt.control'))
    .option('--weights <list>', ctx.t('cli.experiment.opt.weights'))
    .option('--level <p>', ctx.t('cli.experiment.opt.level'), '0.95')
    .option('--json', ctx.t('cli.option.json'))
    .action(async (opts: AnalyzeOptions) => {
      const weights = opts.weights === undefined ? undefined : parseArmWeights(opts.weights);
      if (weights && !weights.ok)
        throw new CliError('BAD_FLAG', ctx.t('cli.experiment.badWeights', { part: weights.part }));
      const level = Number(opts.level);
      if (!(level > 0 && level < 1))
        throw new CliError('BAD_FLAG', ctx.t('cli.experiment.badLevel', { value: opts.level }));
      const rows = await readRows(ctx, opts.input);
      const arms = [...new Set(rows.map((r) => r.arm))];
      if (!arms.includes(opts.control))
        throw new CliError(
          'BAD_FLAG',
          ctx.t('cli.experiment.noControl', { control: opts.control, arms: arms.join(', ') }),
        );
      const unplanned = weights?.ok ? arms.filter((a) => !weights.weights.some((w) => w.name === a)) : [];
      if (unplanned.length > 0)
        throw new CliError('BAD_FLAG', ctx.t('cli.experiment.notInWeights', { arms: unplanned.join(', ') }));
      const analysis = analyzeExperiment({
        rows,
        control: opts.control,
        level,
        ...(weights?.ok && { weights: weights.weights }),
      });
      ctx.out(
        opts.json
          ? JSON.stringify({ input: opts.input, rows: rows.length, ...analysis }, toJsonValue, 2)
          : renderAnalysis(analysis, ctx.lang),
      );
    });
}
