import { planExperiment } from '@dalbit/core/experiments/plan-experiment';
import type { Command } from 'commander';
import { z } from 'zod';
import { type CliContext, CliError } from '../../context.ts';
import { toJsonValue } from './json.ts';

const Probability = z.coerce.number().gt(0).lt(1);
const Positive = z.coerce.number().positive();

/** The options of `experiment size`; the cross-flag rules speak the user's language. */
const sizeOptions = (t: CliContext['t']) =>
  z
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
    .refine((o) => (o.rate === undefined) !== (o.mean === undefined), { message: t('cli.experiment.rateOrMean') })
    .refine((o) => o.mean === undefined || o.sd !== undefined, { message: t('cli.experiment.meanNeedsSd') })
    .refine((o) => (o.lift === undefined) !== (o.n === undefined), { message: t('cli.experiment.liftOrN') });

function parseSize(ctx: CliContext, raw: Record<string, unknown>) {
  const parsed = sizeOptions(ctx.t).safeParse(raw);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues
    .map((i) => (i.path.length ? `--${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  throw new CliError('BAD_FLAG', `${ctx.t('cli.error.invalidOptions')} ${detail}`);
}

export function registerExperimentSize(group: Command, ctx: CliContext): void {
  group
    .command('size')
    .description(ctx.t('cli.experiment.size'))
    .option('--rate <p>', ctx.t('cli.experiment.opt.rate'))
    .option('--mean <krw>', ctx.t('cli.experiment.opt.mean'))
    .option('--sd <krw>', ctx.t('cli.experiment.opt.sd'))
    .option('--lift <relative>', ctx.t('cli.experiment.opt.lift'))
    .option('--n <perArm>', ctx.t('cli.experiment.opt.n'))
    .option('--power <p>', ctx.t('cli.experiment.opt.power'), '0.8')
    .option('--alpha <p>', ctx.t('cli.experiment.opt.alpha'), '0.05')
    .option('--json', ctx.t('cli.option.json'))
    .action((raw: Record<string, unknown>) => {
      const o = parseSize(ctx, raw);
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
      const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
      const fmt = (x: number): string =>
        plan.metric === 'proportion' ? pct(x) : Math.round(x).toLocaleString('en-US');
      const n = plan.nPerArm.toLocaleString('en-US');
      const lift = pct(plan.relativeLift);
      const abs = plan.metric === 'proportion' ? `${(plan.absoluteLift * 100).toFixed(2)}%p` : fmt(plan.absoluteLift);
      ctx.out(
        o.lift !== undefined
          ? ctx.t('cli.experiment.needed', { n, lift, base: fmt(plan.baseline) })
          : ctx.t('cli.experiment.mde', { n, lift, abs }),
      );
      ctx.out(ctx.t('cli.experiment.setting', { power: pct(plan.power), alpha: pct(plan.alpha) }));
    });
}
