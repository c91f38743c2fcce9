import { formatRulesCsv, sortRules, toRuleRecords } from '@dalbit/core/analytics/basket/format-rules';
import { mineRules } from '@dalbit/core/analytics/basket/mine-rules';
import type { RuleSet } from '@dalbit/core/analytics/basket/rule';
import { buildTransactions } from '@dalbit/core/analytics/basket/transactions';
import type { Command } from 'commander';
import { z } from 'zod';
import { parseOptions } from '../../analytics/basket/cli-options.ts';
import { fileIssuesError, readTransactionsFile } from '../../analytics/basket/read-transactions-file.ts';
import { mineWarehouseRules, refreshRelatedProducts } from '../../analytics/basket/warehouse-rules.ts';
import type { Engine } from '../../engines/engine.ts';
import { cliAsOfDay } from '../as-of-flag.ts';
import { CliError } from '../cli-error.ts';
import type { CliContext } from '../context.ts';

const RulesOptions = z.object({
  transactions: z.string().min(1).optional(),
  support: z.coerce.number().gt(0).max(1),
  confidence: z.coerce.number().min(0).max(1),
  minlen: z.coerce.number().int().min(1).default(1),
  maxlen: z.coerce.number().int().min(1).default(10),
  lift: z.coerce.number().min(0).optional(),
  level: z.enum(['order', 'customer']).default('order'),
  itemLevel: z.enum(['product', 'category']).default('product'),
  asOf: z.string().optional(),
  windowDays: z.coerce.number().int().positive().optional(),
  top: z.coerce.number().int().positive().default(5),
  format: z.enum(['csv', 'json']).default('csv'),
  json: z.boolean().optional(),
  store: z.boolean().optional(),
});

export function registerBasket(program: Command, ctx: CliContext): void {
  const basket = program.command('basket').description(ctx.t('cli.group.basket'));
  const t = ctx.t;
  basket
    .command('rules')
    .description(t('cli.basket.rules'))
    .option('--transactions <file>', t('cli.basket.opt.transactions'))
    .requiredOption('--support <s>', t('cli.basket.opt.support'))
    .requiredOption('--confidence <c>', t('cli.basket.opt.confidence'))
    .option('--minlen <n>', t('cli.basket.opt.minlen'))
    .option('--maxlen <n>', t('cli.basket.opt.maxlen'))
    .option('--lift <l>', t('cli.basket.opt.lift'))
    .option('--level <level>', t('cli.basket.opt.level'))
    .option('--item-level <level>', t('cli.basket.opt.itemLevel'))
    .option('--as-of <date>', t('cli.option.asOfDay'))
    .option('--window-days <n>', t('cli.basket.opt.windowDays'))
    .option('--top <n>', t('cli.basket.opt.top'))
    .option('--format <format>', t('cli.basket.opt.format'))
    .option('--json', t('cli.option.formatJson'))
    .option('--store', t('loops.basket.opt.store'))
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      const o = parseOptions(RulesOptions, raw, t);
      const format = o.json ? 'json' : o.format;
      const ruleOpts = {
        support: o.support,
        confidence: o.confidence,
        minlen: o.minlen,
        maxlen: o.maxlen,
        ...(o.lift === undefined ? {} : { lift: o.lift }),
      };
      let set: RuleSet;
      if (o.transactions !== undefined) {
        if (o.store) throw new CliError('BAD_FLAG', t('loops.basket.storeNeedsWarehouse'));
        const file = await readTransactionsFile(o.transactions, o.level, t);
        if (file.issues.length > 0) throw fileIssuesError(file.issues, t);
        set = mineRules(buildTransactions(file.rows), ruleOpts);
      } else {
        const engine = await ctx.warehouse(cmd);
        const asOfDay = await cliAsOfDay(ctx, engine, o.asOf);
        const mining = {
          asOfDay,
          ...(o.windowDays === undefined ? {} : { windowDays: o.windowDays }),
          rules: ruleOpts,
          level: o.level,
          itemLevel: o.itemLevel,
        };
        set = o.store
          ? await storeRules(ctx, engine, { ...mining, limit: o.top })
          : await printOnly(ctx, engine, mining);
      }
      const rules = sortRules(set);
      if (format === 'json')
        ctx.out(
          JSON.stringify({ transactions: set.n, minCount: set.minCount, rules: toRuleRecords(set, rules) }, null, 2),
        );
      else for (const line of formatRulesCsv(set, rules)) ctx.out(line);
    });
}

type Mining = Parameters<typeof mineWarehouseRules>[1];

/** Warehouse mode without --store: the rules only; the stored related products stay as they are. */
async function printOnly(ctx: CliContext, engine: Engine, mining: Mining): Promise<RuleSet> {
  const { set } = await mineWarehouseRules(engine, mining);
  ctx.err(ctx.t('loops.basket.notStored'));
  return set;
}

/** `--store`: replaces related_products (audiences and messages use them) and records this run. */
async function storeRules(ctx: CliContext, engine: Engine, mining: Mining & { limit: number }): Promise<RuleSet> {
  const result = await refreshRelatedProducts(engine, { ...mining, computedBy: 'cli', now: new Date() });
  ctx.err(
    ctx.t('cli.basket.stored', {
      rows: result.rows,
      customers: result.customers,
      skipped: result.skippedLines,
      itemLevel: mining.itemLevel ?? 'product',
    }),
  );
  ctx.err(ctx.t('loops.basket.storedUntilRefresh'));
  return result.set;
}
