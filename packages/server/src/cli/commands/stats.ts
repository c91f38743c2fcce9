import type { Command } from 'commander';
import { readStats } from '../../identity/read-stats.ts';
import { statsSummarySettled } from '../../identity/stats-summary.ts';
import type { CliContext } from '../context.ts';
import { formatWon } from './customers.ts';

export function registerStats(program: Command, ctx: CliContext): void {
  program
    .command('stats')
    .description(ctx.t('cli.group.stats'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const warehouse = await ctx.warehouse(cmd);
      let s = await readStats(warehouse);
      // No request deadline here: after a write, wait for the recomputed figures instead of the previous ones.
      if (s.summaryRefreshing) {
        await statsSummarySettled(warehouse);
        s = await readStats(warehouse);
      }
      if (opts.json) return ctx.out(JSON.stringify(s, null, 2));
      const t = ctx.t;
      const n = (x: number) => x.toLocaleString('ko-KR');
      ctx.out(`${t('cli.stats.customers')}: ${n(s.customers)}`);
      ctx.out(`${t('cli.stats.multi')}: ${n(s.customersOnTwoOrMoreChannels)}`);
      ctx.out(`${t('cli.stats.orders')}: ${n(s.orders)}`);
      ctx.out(`${t('cli.stats.lines')}: ${n(s.orderLines)}`);
      ctx.out(`${t('cli.stats.events')}: ${n(s.events)}`);
      ctx.out(`${t('cli.stats.consents')}: ${n(s.consents)}`);
      ctx.out(`${t('cli.stats.merges')}: ${n(s.merges.active)} / ${n(s.merges.undone)}`);
      ctx.out(
        `${t('cli.stats.status')}: ${s.ordersByStatus.map((r) => `${r.status} ${n(r.orders)}`).join(', ') || '-'}`,
      );
      ctx.out(`${t('cli.stats.revenue')}:`);
      for (const r of s.revenueByChannel)
        ctx.out(
          `  ${t('cli.stats.row', { channel: r.channel, orders: n(r.orders), revenue: formatWon(r.revenue, t), customers: n(r.customers) })}`,
        );
    });
}
