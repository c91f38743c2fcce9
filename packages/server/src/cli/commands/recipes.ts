import { RECIPES } from '@dalbit/core/segments/recipes/index';
import { PURPOSE_LABELS, recipeSummary } from '@dalbit/core/segments/recipes/recipe';
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

/** Describes a recipe's parameters and defaults from its zod schema. */
function describeParams(shape: Record<string, unknown>, required: string): string {
  return Object.entries(shape)
    .map(([k, v]) => {
      const parsed = (v as { safeParse(x: unknown): { success: boolean; data?: unknown } }).safeParse(undefined);
      return parsed.success
        ? `${k}=${Array.isArray(parsed.data) ? parsed.data.join(',') : String(parsed.data ?? '')}`
        : `${k}=${required}`;
    })
    .join(' ');
}

export function registerRecipes(program: Command, ctx: CliContext): void {
  const recipes = program.command('recipes').description(ctx.t('cli.group.recipes'));
  recipes
    .command('list')
    .description(ctx.t('cli.recipes.list'))
    .option('--json', ctx.t('cli.option.json'))
    .action((o: { json?: boolean }) => {
      const lang = ctx.lang;
      const rows = RECIPES.map((r) => ({
        ...recipeSummary(r),
        params: describeParams(r.params.shape, ctx.t('cli.recipes.required')),
      }));
      if (o.json) return ctx.out(JSON.stringify(rows, null, 2));
      for (const r of rows) {
        ctx.out(`${r.name}  —  ${r.title[lang]}  [${PURPOSE_LABELS[r.purpose][lang]} / ${r.type[lang]}]`);
        ctx.out(`    ${r.description[lang]}`);
        ctx.out(
          `    ${ctx.t('cli.recipes.action')}: ${r.action[lang]} · ${ctx.t('cli.recipes.golden')}: ${r.goldenTime[lang]}`,
        );
        ctx.out(`    params: ${r.params || '-'}`);
      }
    });
}
