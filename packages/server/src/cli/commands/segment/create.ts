import { explainSegment } from '@dalbit/core/segments/explain';
import { buildRecipe, findRecipe } from '@dalbit/core/segments/recipes/index';
import type { SegmentDefinition } from '@dalbit/core/segments/schema';
import type { Command } from 'commander';
import { createSegment } from '../../../segments/segment-store.ts';
import { type CliContext, CliError } from '../../context.ts';
import { issuesError, readDefinition } from './shared.ts';

interface CreateFlags {
  file?: string;
  recipe?: string;
  param: string[];
  name?: string;
  description?: string;
  pin?: boolean;
  json?: boolean;
}

const collect = (v: string, acc: string[]): string[] => [...acc, v];

function parseParams(ctx: CliContext, pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new CliError('BAD_FLAG', ctx.t('cli.error.keyValue', { flag: '--param', value: p }));
    out[p.slice(0, eq)] = p.slice(eq + 1);
  }
  return out;
}

/** The definition and default name from `--recipe` (with its params) or `--file`. */
function definitionOf(ctx: CliContext, o: CreateFlags): { definition: SegmentDefinition; name: string | undefined } {
  if ((o.file === undefined) === (o.recipe === undefined))
    throw new CliError('BAD_FLAG', ctx.t('cli.error.oneOf', { a: '--file', b: '--recipe' }));
  if (o.recipe === undefined) return { definition: readDefinition(ctx, o.file ?? ''), name: o.name ?? o.file };
  const built = buildRecipe(o.recipe, parseParams(ctx, o.param));
  if (!built.ok) throw issuesError(ctx, built.issues);
  return { definition: built.definition, name: o.name ?? findRecipe(o.recipe)?.title[ctx.lang] };
}

export function registerSegmentCreate(seg: Command, ctx: CliContext): void {
  seg
    .command('create')
    .description(ctx.t('cli.segment.create'))
    .option('--file <file>', ctx.t('cli.segment.opt.file'))
    .option('--recipe <name>', ctx.t('cli.segment.opt.recipe'))
    .option('--param <k=v>', ctx.t('cli.segment.opt.param'), collect, [])
    .option('--name <name>', ctx.t('cli.segment.opt.name'))
    .option('--description <text>', ctx.t('cli.segment.opt.description'))
    .option('--pin', ctx.t('cli.segment.opt.pin'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (o: CreateFlags, cmd: Command) => {
      const { definition, name } = definitionOf(ctx, o);
      const engine = await ctx.warehouse(cmd);
      const h = await createSegment(engine, {
        name: name ?? 'segment',
        definition,
        now: new Date(),
        ...(o.description === undefined ? {} : { description: o.description }),
        ...(o.recipe === undefined ? {} : { recipe: o.recipe }),
        ...(o.pin ? { pinned: true } : {}),
      });
      const explained = explainSegment(definition, ctx.lang);
      ctx.out(
        o.json
          ? JSON.stringify(h)
          : ctx.t('cli.segment.created', { id: h.segmentId, name: h.name, version: h.currentVersion, explained }),
      );
    });
}
