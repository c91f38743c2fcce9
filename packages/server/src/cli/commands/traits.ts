import { summarizeTraits, type TraitsSummary } from '@dalbit/core/analytics/traits/summarize-traits';
import { kstDayStart } from '@dalbit/core/time/kst';
import type { Command } from 'commander';
import { z } from 'zod';
import { parseOptions } from '../../analytics/basket/cli-options.ts';
import { computeWarehouseTraits, storeTraits } from '../../analytics/traits/warehouse-traits.ts';
import { cliAsOfDay } from '../as-of-flag.ts';
import type { CliContext } from '../context.ts';

const ComputeOptions = z.object({ asOf: z.string().optional(), json: z.boolean().optional() });

export function registerTraits(program: Command, ctx: CliContext): void {
  const traits = program.command('traits').description(ctx.t('cli.group.traits'));
  traits
    .command('compute')
    .description('computes the traits of every customer and replaces customer_traits')
    .option(
      '--as-of <date>',
      'orders and events before 00:00 KST of this date count (default: today, or the day after the data ends when that is earlier)',
    )
    .option('--json', 'machine-readable summary')
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      const o = parseOptions(ComputeOptions, raw);
      const engine = await ctx.warehouse(cmd);
      const asOf = kstDayStart(await cliAsOfDay(ctx, engine, o.asOf));
      const rows = await computeWarehouseTraits(engine, asOf);
      await storeTraits(engine, rows, asOf);
      const summary = summarizeTraits(rows, asOf);
      if (o.json) ctx.out(JSON.stringify({ asOf: asOf.toISOString(), ...summary }, null, 2));
      else printSummary(ctx, summary, ctx.config(cmd).lang);
    });
}

function printSummary(ctx: CliContext, s: TraitsSummary, lang: 'ko' | 'en'): void {
  const ko = lang === 'ko';
  const pct = (n: number): string => (s.customers === 0 ? '0.0%' : `${((n / s.customers) * 100).toFixed(1)}%`);
  const line = (k: string, e: string, n: number): void => ctx.out(`${ko ? k : e}\t${n}\t${pct(n)}`);
  ctx.out(
    ko
      ? `고객 성향 저장: 고객 ${s.customers}명 (구매 고객 ${s.buyers}명)`
      : `customer traits stored: ${s.customers} customers (${s.buyers} buyers)`,
  );
  line('할인 민감 (할인 주문 ≥ 50%)', 'discount-sensitive (≥ 50% discounted orders)', s.discountSensitive);
  line('체리피커 (점수 ≥ 0.5)', 'cherry-pickers (score ≥ 0.5)', s.cherryPickers);
  line('마켓 → 자사몰 전환', 'marketplace → own shop', s.migratedToOwnShop);
  line('7일 안에 골든타임', 'golden time within 7 days', s.goldenTimeNext7Days);
  if (s.medianOfMedianIntervals !== null)
    ctx.out(
      ko
        ? `재구매 주기 중앙값\t${s.medianOfMedianIntervals}일`
        : `median repurchase interval\t${s.medianOfMedianIntervals} days`,
    );
  ctx.out(ko ? '\n첫 채널 → 현재 채널' : '\nfirst channel → current channel');
  for (const p of s.channelPaths) ctx.out(`${p.from} → ${p.to}\t${p.customers}`);
  ctx.out(ko ? '\n선호 카테고리' : '\npreferred categories');
  for (const c of s.preferredCategories) ctx.out(`${c.category}\t${c.customers}`);
  const peak = s.preferredHours.indexOf(Math.max(...s.preferredHours));
  ctx.out(ko ? `\n가장 많은 활동 시간대\t${peak}시 (KST)` : `\nmost common active hour\t${peak}:00 KST`);
}
