import { explainSegment } from '@dalbit/core/segments/explain';
import type { Command } from 'commander';
import type { CliContext } from '../../context.ts';
import { readDefinition } from './shared.ts';

export function registerSegmentExplain(seg: Command, ctx: CliContext): void {
  seg
    .command('explain <file>')
    .description(ctx.t('cli.segment.explain'))
    .action((file: string) => {
      ctx.out(explainSegment(readDefinition(ctx, file), ctx.lang));
    });
}
