import type { Command } from 'commander';
import { refreshWarehouse } from '../../jobs/refresh-warehouse.ts';
import { cliAsOfDay } from '../as-of-flag.ts';
import { type CliContext, CliError } from '../context.ts';

const LABELS = {
  rfm: 'RFM 점수',
  related_products: '연관 상품',
  clv: '구매 확률 · 생애가치',
  traits: '고객 특성',
  features: '고객 피처 테이블',
  segments: '세그먼트 멤버십',
} as const;

export function registerRefresh(program: Command, ctx: CliContext): void {
  program
    .command('refresh')
    .description(ctx.t('cli.group.refresh'))
    .option(
      '--as-of <date>',
      'as-of day YYYY-MM-DD (KST) (default: today, or the day after the data ends when that is earlier)',
    )
    .option('--json', 'machine-readable output')
    .action(async (opts: { asOf?: string; json?: boolean }, cmd: Command) => {
      const engine = await ctx.warehouse(cmd);
      const asOfDay = await cliAsOfDay(ctx, engine, opts.asOf);
      const steps = await refreshWarehouse(engine, { asOfDay, clock: () => performance.now() });
      if (opts.json) ctx.out(JSON.stringify({ steps }));
      else
        for (const s of steps)
          ctx.out(`${s.ok ? '✓' : '✗'} ${LABELS[s.step]} (${s.step}): ${s.detail} — ${(s.tookMs / 1000).toFixed(1)}초`);
      const failed = steps.filter((s) => !s.ok);
      if (failed.length)
        throw new CliError('STEPS_FAILED', `${failed.length} step(s) failed: ${failed.map((s) => s.step).join(', ')}`);
    });
}
