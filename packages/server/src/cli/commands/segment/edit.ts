import type { Command } from 'commander';
import { updateSegmentDefinition } from '../../../segments/segment-store.ts';
import type { CliContext } from '../../context.ts';
import { readDefinition } from './shared.ts';

export function registerSegmentEdit(seg: Command, ctx: CliContext): void {
  seg
    .command('edit <id>')
    .description(ctx.t('cli.segment.edit'))
    .requiredOption('--file <file>', ctx.t('cli.segment.opt.file'))
    .option('--note <text>', ctx.t('cli.segment.opt.note'))
    .action(async (id: string, o: { file: string; note?: string }, cmd: Command) => {
      const definition = readDefinition(ctx, o.file);
      const engine = await ctx.warehouse(cmd);
      const h = await updateSegmentDefinition(engine, {
        segmentId: id,
        definition,
        now: new Date(),
        ...(o.note === undefined ? {} : { note: o.note }),
      });
      ctx.out(ctx.t('cli.segment.edited', { id: h.segmentId, version: h.currentVersion }));
    });
}
