import { formatRulesCsv, sortRules, toRuleRecords } from '@dalbit/core/analytics/basket/format-rules';
import { mineRules } from '@dalbit/core/analytics/basket/mine-rules';
import type { RuleSet } from '@dalbit/core/analytics/basket/rule';
import { buildTransactions } from '@dalbit/core/analytics/basket/transactions';
import type { Command } from 'commander';
import { z } from 'zod';
import { parseOptions } from '../../analytics/basket/cli-options.ts';
import { formatFileIssue, readTransactionsFile } from '../../analytics/basket/read-transactions-file.ts';
import { refreshRelatedProducts } from '../../analytics/basket/warehouse-rules.ts';
import { cliAsOfDay } from '../as-of-flag.ts';
import { type CliContext, CliError } from '../context.ts';

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
});

export function registerBasket(program: Command, ctx: CliContext): void {
  const basket = program.command('basket').description(ctx.t('cli.group.basket'));
  basket
    .command('rules')
    .description(
      'association rules as R arules apriori computes them; without --transactions: the warehouse (also refreshes related_products)',
    )
    .option('--transactions <file>', 'CSV with transaction_id,item[,customer_id] rows (file mode)')
    .requiredOption('--support <s>', 'minimum support, 0 < s ≤ 1 (frequent iff count ≥ ceil(s × N))')
    .requiredOption('--confidence <c>', 'minimum confidence, 0 ≤ c ≤ 1')
    .option('--minlen <n>', 'minimum items in lhs + rhs (arules minlen; 1 allows {} => {x})')
    .option('--maxlen <n>', 'maximum items in lhs + rhs (arules maxlen, default 10)')
    .option('--lift <l>', 'minimum lift')
    .option('--level <level>', 'baskets per order or per customer: order|customer')
    .option('--item-level <level>', 'warehouse: product|category')
    .option(
      '--as-of <date>',
      'warehouse: KST date YYYY-MM-DD; orders before it count (default: today, or the day after the data ends when that is earlier)',
    )
    .option('--window-days <n>', 'warehouse: only the last N days before --as-of')
    .option('--top <n>', 'warehouse: related products kept per customer (default 5)')
    .option('--format <format>', 'csv|json (default csv)')
    .option('--json', 'same as --format json')
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      const o = parseOptions(RulesOptions, raw);
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
        const file = await readTransactionsFile(o.transactions, o.level);
        if (file.issues.length > 0) {
          const shown = file.issues.slice(0, 20).map(formatFileIssue);
          throw new CliError(
            'INVALID_INPUT',
            `잘못된 입력 / invalid input (${file.issues.length}):\n${shown.join('\n')}`,
          );
        }
        set = mineRules(buildTransactions(file.rows), ruleOpts);
      } else {
        const engine = await ctx.warehouse(cmd);
        const asOfDay = await cliAsOfDay(ctx, engine, o.asOf);
        const result = await refreshRelatedProducts(engine, {
          asOfDay,
          ...(o.windowDays === undefined ? {} : { windowDays: o.windowDays }),
          rules: ruleOpts,
          level: o.level,
          itemLevel: o.itemLevel,
          limit: o.top,
        });
        set = result.set;
        ctx.err(
          `related_products: ${result.rows} rows for ${result.customers} customers (${result.skippedLines} lines without ${o.itemLevel})`,
        );
      }
      const rules = sortRules(set);
      if (format === 'json')
        ctx.out(
          JSON.stringify({ transactions: set.n, minCount: set.minCount, rules: toRuleRecords(set, rules) }, null, 2),
        );
      else for (const line of formatRulesCsv(set, rules)) ctx.out(line);
    });
}
