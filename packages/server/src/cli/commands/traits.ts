import { summarizeTraits, type TraitsSummary } from '@dalbit/core/analytics/traits/summarize-traits';
import type { MessageKey } from '@dalbit/core/i18n/catalog';
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
    .description(ctx.t('cli.traits.compute'))
    .option('--as-of <date>', ctx.t('cli.option.asOfDay'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      const o = parseOptions(ComputeOptions, raw, ctx.t);
      const engine = await ctx.warehouse(cmd);
      const asOf = kstDayStart(await cliAsOfDay(ctx, engine, o.asOf));
      const rows = await computeWarehouseTraits(engine, asOf);
      await storeTraits(engine, rows, asOf);
      const summary = summarizeTraits(rows, asOf);
      if (o.json) ctx.out(JSON.stringify({ asOf: asOf.toISOString(), ...summary }, null, 2));
      else printSummary(ctx, summary);
    });
}

function printSummary(ctx: CliContext, s: TraitsSummary): void {
  const t = ctx.t;
  const pct = (n: number): string => (s.customers === 0 ? '0.0%' : `${((n / s.customers) * 100).toFixed(1)}%`);
  const line = (key: MessageKey, n: number): void => ctx.out(`${t(key)}\t${n}\t${pct(n)}`);
  ctx.out(t('cli.traits.stored', { customers: s.customers, buyers: s.buyers }));
  line('cli.traits.discount', s.discountSensitive);
  line('cli.traits.cherry', s.cherryPickers);
  line('cli.traits.migrated', s.migratedToOwnShop);
  line('cli.traits.golden', s.goldenTimeNext7Days);
  if (s.medianOfMedianIntervals !== null) ctx.out(t('cli.traits.interval', { days: s.medianOfMedianIntervals }));
  ctx.out(`\n${t('cli.traits.paths')}`);
  for (const p of s.channelPaths) ctx.out(`${p.from} → ${p.to}\t${p.customers}`);
  ctx.out(`\n${t('cli.traits.categories')}`);
  for (const c of s.preferredCategories) ctx.out(`${c.category}\t${c.customers}`);
  const peak = s.preferredHours.indexOf(Math.max(...s.preferredHours));
  ctx.out(`\n${t('cli.traits.peak', { hour: peak })}`);
}
