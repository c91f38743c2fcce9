import { readFile } from 'node:fs/promises';
import { analyzeExperiment } from '@dalbit/core/experiments/analyze-experiment';
import { parseArmWeights, parseExperimentCsv } from '@dalbit/core/experiments/parse-experiment-csv';
import { describeFileIssue, renderAnalysis } from '@dalbit/core/experiments/render-analysis';
import type { Command } from 'commander';
import { type CliContext, CliError } from '../context.ts';

const EX_USAGE = 64;
const EX_DATAERR = 65;
const EX_NOINPUT = 66;
const MAX_ISSUES_SHOWN = 20;

interface AnalyzeOptions {
  input: string;
  control: string;
  weights?: string;
  level: string;
  json?: boolean;
}

const MESSAGES = {
  ko: {
    noInput: (f: string, why: string) => `입력 파일을 읽을 수 없습니다: ${f} (${why})`,
    badWeights: (p: string) => `--weights 형식 오류: "${p}" (예: control=0.1,A=0.45,B=0.45)`,
    badLevel: (v: string) => `--level 은 0과 1 사이여야 합니다: ${v}`,
    issues: (n: number, f: string) => `${f}: 잘못된 행 ${n}건 — 아무것도 분석하지 않았습니다`,
    more: (n: number) => `… 외 ${n}건`,
    noControl: (c: string, arms: string) => `대조군 "${c}" 이(가) 파일에 없습니다 (그룹: ${arms})`,
    notInWeights: (arms: string) => `--weights 에 없는 그룹이 파일에 있습니다: ${arms}`,
  },
  en: {
    noInput: (f: string, why: string) => `cannot read input file: ${f} (${why})`,
    badWeights: (p: string) => `bad --weights part: "${p}" (example: control=0.1,A=0.45,B=0.45)`,
    badLevel: (v: string) => `--level must be between 0 and 1: ${v}`,
    issues: (n: number, f: string) => `${f}: ${n} bad row(s); nothing was analysed`,
    more: (n: number) => `… and ${n} more`,
    noControl: (c: string, arms: string) => `control arm "${c}" is not in the file (arms: ${arms})`,
    notInWeights: (arms: string) => `arms in the file but not in --weights: ${arms}`,
  },
} as const;

/** Stable JSON shape: statistics that are not defined (no conversions, no variance) become null. */
function toJsonValue(_key: string, value: unknown): unknown {
  return value === undefined ? null : value;
}

export function registerExperiment(program: Command, ctx: CliContext): void {
  const group = program.command('experiment').description('experiment statistics (A/B/n tests, holdouts)');
  group
    .command('analyze')
    .description('analyse a per-customer result file: arm,converted,revenue[,pre_revenue][,segment]')
    .requiredOption('--input <file>', 'CSV with a header row, one row per customer')
    .requiredOption('--control <arm>', 'name of the control / holdout arm')
    .option('--weights <list>', 'planned split for the SRM check, e.g. control=0.1,A=0.45,B=0.45')
    .option('--level <p>', 'confidence level of the intervals', '0.95')
    .option('--json', 'machine-readable output')
    .action(async (opts: AnalyzeOptions, cmd: Command) => {
      const { lang } = ctx.config(cmd);
      const m = MESSAGES[lang];
      const weights = opts.weights === undefined ? undefined : parseArmWeights(opts.weights);
      if (weights && !weights.ok) throw new CliError(m.badWeights(weights.part), EX_USAGE);
      const level = Number(opts.level);
      if (!(level > 0 && level < 1)) throw new CliError(m.badLevel(opts.level), EX_USAGE);
      let text: string;
      try {
        text = await readFile(opts.input, 'utf8');
      } catch (e) {
        throw new CliError(m.noInput(opts.input, e instanceof Error ? e.message : String(e)), EX_NOINPUT);
      }
      const parsed = parseExperimentCsv(text);
      if (!parsed.ok) {
        for (const issue of parsed.issues.slice(0, MAX_ISSUES_SHOWN))
          ctx.err(`${opts.input}: ${describeFileIssue(issue, lang)}`);
        if (parsed.issues.length > MAX_ISSUES_SHOWN) ctx.err(m.more(parsed.issues.length - MAX_ISSUES_SHOWN));
        throw new CliError(m.issues(parsed.issues.length, opts.input), EX_DATAERR);
      }
      const arms = [...new Set(parsed.rows.map((r) => r.arm))];
      if (!arms.includes(opts.control)) throw new CliError(m.noControl(opts.control, arms.join(', ')), EX_USAGE);
      const unplanned = weights?.ok ? arms.filter((a) => !weights.weights.some((w) => w.name === a)) : [];
      if (unplanned.length > 0) throw new CliError(m.notInWeights(unplanned.join(', ')), EX_USAGE);
      const analysis = analyzeExperiment({
        rows: parsed.rows,
        control: opts.control,
        level,
        ...(weights?.ok && { weights: weights.weights }),
      });
      ctx.out(
        opts.json
          ? JSON.stringify({ input: opts.input, rows: parsed.rows.length, ...analysis }, toJsonValue, 2)
          : renderAnalysis(analysis, lang),
      );
    });
}
