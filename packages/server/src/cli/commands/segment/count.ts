import type { Command } from 'commander';
import { countSegment } from '../../../segments/count-segment.ts';
import type { CliContext } from '../../context.ts';
import { issuesError, parseAsOf, readDefinition } from './shared.ts';

export function registerSegmentCount(seg: Command, ctx: CliContext): void {
  seg
    .command('count <file>')
    .description(ctx.t('cli.segment.count'))
    .option('--as-of <iso>', ctx.t('cli.option.asOf'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (file: string, o: { asOf?: string; json?: boolean }, cmd: Command) => {
      const def = readDefinition(ctx, file);
      const engine = await ctx.warehouse(cmd);
      const r = await countSegment(engine, def, { asOf: await parseAsOf(ctx, engine, o.asOf) });
      if (!r.ok) throw issuesError(ctx, r.issues);
      ctx.out(
        o.json
          ? JSON.stringify({ count: r.count, tookMs: Math.round(r.tookMs * 10) / 10 })
          : ctx.t('cli.segment.count.result', { count: r.count.toLocaleString('en-US'), ms: r.tookMs.toFixed(1) }),
      );
    });
}
