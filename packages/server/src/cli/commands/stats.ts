import type { Command } from 'commander';
import { readStats } from '../../identity/read-stats.ts';
import type { CliContext } from '../context.ts';
import { formatWon } from './customers.ts';

const LABELS = {
  ko: {
    customers: '고객',
    multi: '2개 이상 채널 고객',
    orders: '주문',
    lines: '주문 품목',
    events: '행동 이벤트',
    consents: '수신동의 기록',
    merges: '병합 (유효 / 취소)',
    status: '주문 상태별',
    revenue: '채널별 매출 (결제 완료 주문)',
    row: '{channel}: {orders}건, {revenue}, 고객 {customers}명',
  },
  en: {
    customers: 'customers',
    multi: 'customers on 2+ channels',
    orders: 'orders',
    lines: 'order lines',
    events: 'events',
    consents: 'consent records',
    merges: 'merges (active / undone)',
    status: 'orders by status',
    revenue: 'revenue by channel (paid orders)',
    row: '{channel}: {orders} orders, {revenue}, {customers} customers',
  },
} as const;

export function registerStats(program: Command, ctx: CliContext): void {
  program
    .command('stats')
    .description(ctx.t('cli.group.stats'))
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const lang = ctx.config(cmd).lang;
      const s = await readStats(await ctx.warehouse(cmd));
      if (opts.json) return ctx.out(JSON.stringify(s, null, 2));
      const l = LABELS[lang];
      const n = (x: number) => x.toLocaleString('ko-KR');
      ctx.out(`${l.customers}: ${n(s.customers)}`);
      ctx.out(`${l.multi}: ${n(s.customersOnTwoOrMoreChannels)}`);
      ctx.out(`${l.orders}: ${n(s.orders)}`);
      ctx.out(`${l.lines}: ${n(s.orderLines)}`);
      ctx.out(`${l.events}: ${n(s.events)}`);
      ctx.out(`${l.consents}: ${n(s.consents)}`);
      ctx.out(`${l.merges}: ${n(s.merges.active)} / ${n(s.merges.undone)}`);
      ctx.out(`${l.status}: ${s.ordersByStatus.map((r) => `${r.status} ${n(r.orders)}`).join(', ') || '-'}`);
      ctx.out(`${l.revenue}:`);
      for (const r of s.revenueByChannel)
        ctx.out(
          `  ${l.row.replace('{channel}', r.channel).replace('{orders}', n(r.orders)).replace('{revenue}', formatWon(r.revenue, lang)).replace('{customers}', n(r.customers))}`,
        );
    });
}
