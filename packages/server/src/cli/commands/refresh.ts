import type { Command } from 'commander';
import { refreshWarehouse } from '../../jobs/refresh-warehouse.ts';
import { cliAsOfDay } from '../as-of-flag.ts';
import { type CliContext, CliError } from '../context.ts';

export function registerRefresh(program: Command, ctx: CliContext): void {
  program
    .command('refresh')
    .description(ctx.t('cli.group.refresh'))
    .option('--as-of <date>', ctx.t('cli.option.asOfDay'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (opts: { asOf?: string; json?: boolean }, cmd: Command) => {
      const engine = await ctx.warehouse(cmd);
      const asOfDay = await cliAsOfDay(ctx, engine, opts.asOf);
      const steps = await refreshWarehouse(engine, { asOfDay, clock: () => performance.now() });
      if (opts.json) ctx.out(JSON.stringify({ steps }));
      else
        for (const s of steps)
          ctx.out(
            `${s.ok ? '✓' : '✗'} ${ctx.t(`cli.refresh.step.${s.step}`)} (${s.step}): ${s.detail} — ${ctx.t('cli.refresh.seconds', { seconds: (s.tookMs / 1000).toFixed(1) })}`,
          );
      const failed = steps.filter((s) => !s.ok);
      if (failed.length)
        throw new CliError(
          'STEPS_FAILED',
          ctx.t('cli.refresh.failed', { count: failed.length, steps: failed.map((s) => s.step).join(', ') }),
        );
    });
}
