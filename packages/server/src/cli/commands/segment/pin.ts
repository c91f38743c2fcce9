import type { Command } from 'commander';
import { updateSegmentHeader } from '../../../segments/segment-store.ts';
import type { CliContext } from '../../context.ts';

export function registerSegmentPin(seg: Command, ctx: CliContext): void {
  seg
    .command('pin <id>')
    .description(ctx.t('cli.segment.pin'))
    .option('--off', ctx.t('cli.segment.opt.off'))
    .action(async (id: string, o: { off?: boolean }, cmd: Command) => {
      const engine = await ctx.warehouse(cmd);
      const h = await updateSegmentHeader(engine, { segmentId: id, pinned: !o.off, now: new Date() });
      ctx.out(ctx.t(h.pinned ? 'cli.segment.pinned' : 'cli.segment.unpinned', { id: h.segmentId }));
    });
}
