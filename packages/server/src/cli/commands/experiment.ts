import { readFile } from 'node:fs/promises';
import { analyzeExperiment } from '@dalbit/core/experiments/analyze-experiment';
import { parseArmWeights, parseExperimentCsv } from '@dalbit/core/experiments/parse-experiment-csv';
import { planExperiment } from '@dalbit/core/experiments/plan-experiment';
import { describeFileIssue, renderAnalysis } from '@dalbit/core/experiments/render-analysis';
import type { Command } from 'commander';
import { z } from 'zod';
import { type CliContext, CliError } from '../context.ts';

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

const Probability = z.coerce.number().gt(0).lt(1);
const Positive = z.coerce.number().positive();
const SizeOptions = z
  .object({
    rate: Probability.optional(),
    mean: Positive.optional(),
    sd: Positive.optional(),
    lift: Positive.optional(),
    n: z.coerce.number().int().min(2).optional(),
    power: Probability,
    alpha: Probability,
    json: z.boolean().optional(),
  })
  .refine((o) => (o.rate === undefined) !== (o.mean === undefined), {
    message: '--rate 와 --mean 중 하나만 지정하세요 / give exactly one of --rate or --mean',
  })
  .refine((o) => o.mean === undefined || o.sd !== undefined, {
    message: '--mean 에는 --sd 가 필요합니다 / --mean needs --sd',
  })
  .refine((o) => (o.lift === undefined) !== (o.n === undefined), {
    message: '--lift 와 --n 중 하나만 지정하세요 / give exactly one of --lift or --n',
  });

const SIZE_TEXT = {
  ko: {
    needed: (n: string, lift: string, base: string) =>
      `그룹당 ${n}명 필요 — 기준 ${base}에서 상대 ${lift} 변화를 찾으려면`,
    mde: (n: string, lift: string, abs: string) =>
      `그룹당 ${n}명으로 찾을 수 있는 최소 효과: 상대 ${lift} (절대 ${abs})`,
    setting: (power: string, alpha: string) => `검정력 ${power}, 유의수준 ${alpha} (양측)`,
  },
  en: {
    needed: (n: string, lift: string, base: string) =>
      `${n} customers per arm to detect a ${lift} relative change from ${base}`,
    mde: (n: string, lift: string, abs: string) =>
      `minimum detectable effect with ${n} per arm: ${lift} relative (${abs} absolute)`,
    setting: (power: string, alpha: string) => `power ${power}, alpha ${alpha} (two-sided)`,
  },
} as const;

/** Stable JSON shape: statistics that are not defined (no conversions, no variance) become null. */
function toJsonValue(_key: string, value: unknown): unknown {
  return value === undefined ? null : value;
}

export function registerExperiment(program: Command, ctx: CliContext): void {
  const group = program.command('experiment').description(ctx.t('cli.group.experiment'));
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
      if (weights && !weights.ok) throw new CliError('BAD_FLAG', m.badWeights(weights.part));
      const level = Number(opts.level);
      if (!(level > 0 && level < 1)) throw new CliError('BAD_FLAG', m.badLevel(opts.level));
      let text: string;
      try {
        text = await readFile(opts.input, 'utf8');
      } catch (e) {
        throw new CliError('FILE_NOT_FOUND', m.noInput(opts.input, e instanceof Error ? e.message : String(e)));
      }
      const parsed = parseExperimentCsv(text);
      if (!parsed.ok) {
        for (const issue of parsed.issues.slice(0, MAX_ISSUES_SHOWN))
          ctx.err(`${opts.input}: ${describeFileIssue(issue, lang)}`);
        if (parsed.issues.length > MAX_ISSUES_SHOWN) ctx.err(m.more(parsed.issues.length - MAX_ISSUES_SHOWN));
        throw new CliError('INVALID_INPUT', m.issues(parsed.issues.length, opts.input));
      }
      const arms = [...new Set(parsed.rows.map((r) => r.arm))];
      if (!arms.includes(opts.control)) throw new CliError('BAD_FLAG', m.noControl(opts.control, arms.join(', ')));
      const unplanned = weights?.ok ? arms.filter((a) => !weights.weights.some((w) => w.name === a)) : [];
      if (unplanned.length > 0) throw new CliError('BAD_FLAG', m.notInWeights(unplanned.join(', ')));
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

  group
    .command('size')
    .description('sample size per arm for a planned lift, or the minimum detectable lift for n per arm')
    .option('--rate <p>', 'baseline conversion rate, e.g. 0.05')
    .option('--mean <krw>', 'baseline mean per recipient (with --sd), e.g. revenue per recipient')
    .option('--sd <krw>', 'standard deviation per recipient (for --mean)')
    .option('--lift <relative>', 'relative lift to detect, e.g. 0.1 for +10 %')
    .option('--n <perArm>', 'customers per arm (gives the minimum detectable lift)')
    .option('--power <p>', 'power', '0.8')
    .option('--alpha <p>', 'significance level (two-sided)', '0.05')
    .option('--json', 'machine-readable output')
    .action((raw: Record<string, unknown>, cmd: Command) => {
      const { lang } = ctx.config(cmd);
      const parsed = SizeOptions.safeParse(raw);
      if (!parsed.success) {
        const detail = parsed.error.issues
          .map((i) => (i.path.length ? `--${i.path.join('.')}: ${i.message}` : i.message))
          .join('; ');
        throw new CliError('BAD_FLAG', lang === 'ko' ? `잘못된 옵션 / invalid options: ${detail}` : detail);
      }
      const o = parsed.data;
      const size = o.lift !== undefined ? { relativeLift: o.lift } : { nPerArm: o.n ?? 0 };
      const metric =
        o.rate !== undefined
          ? ({ metric: 'proportion', baseline: o.rate } as const)
          : ({ metric: 'mean', baseline: o.mean ?? 0, sd: o.sd ?? 0 } as const);
      const plan = planExperiment({ ...metric, ...size, power: o.power, alpha: o.alpha });
      if (o.json) {
        ctx.out(JSON.stringify(plan, toJsonValue, 2));
        return;
      }
      const t = SIZE_TEXT[lang];
      const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
      const fmt = (x: number): string =>
        plan.metric === 'proportion' ? pct(x) : Math.round(x).toLocaleString('en-US');
      const n = plan.nPerArm.toLocaleString('en-US');
      ctx.out(
        o.lift !== undefined
          ? t.needed(n, pct(plan.relativeLift), fmt(plan.baseline))
          : t.mde(
              n,
              pct(plan.relativeLift),
              plan.metric === 'proportion' ? `${(plan.absoluteLift * 100).toFixed(2)}%p` : fmt(plan.absoluteLift),
            ),
      );
      ctx.out(t.setting(pct(plan.power), pct(plan.alpha)));
    });
}
