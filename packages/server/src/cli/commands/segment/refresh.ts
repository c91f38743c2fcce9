import type { Command } from 'commander';
import { refreshFeatures } from '../../../segments/refresh-features.ts';
import { refreshSegments } from '../../../segments/refresh-segments.ts';
import { getSegmentOrThrow } from '../../../segments/segment-store.ts';
import type { CliContext } from '../../context.ts';
import { parseAsOf } from './shared.ts';

interface RefreshFlags {
  asOf?: string;
  skipFeatures?: boolean;
  json?: boolean;
}

export function registerSegmentRefresh(seg: Command, ctx: CliContext): void {
  seg
    .command('refresh [id]')
    .description(ctx.t('cli.segment.refresh'))
    .option('--as-of <iso>', ctx.t('cli.option.asOf'))
    .option('--skip-features', ctx.t('cli.segment.opt.skipFeatures'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (id: string | undefined, o: RefreshFlags, cmd: Command) => {
      const engine = await ctx.warehouse(cmd);
      const asOf = await parseAsOf(ctx, engine, o.asOf);
      const features = o.skipFeatures ? undefined : await refreshFeatures(engine, { asOf });
      if (id !== undefined) await getSegmentOrThrow(engine, id);
      const r = await refreshSegments(engine, { asOf, ...(id === undefined ? {} : { segmentIds: [id] }) });
      if (o.json) return ctx.out(JSON.stringify({ features, ...r }));
      if (features) ctx.out(ctx.t('cli.segment.features', { count: features.customers, ms: features.tookMs }));
      for (const s of r.refreshed)
        ctx.out(`${s.segmentId} v${s.version}: ${s.size} (+${s.entered} -${s.exited}) ${s.tookMs} ms`);
      for (const s of r.skipped) ctx.err(ctx.t('cli.segment.skipped', { id: s.segmentId, reason: s.reason }));
      ctx.out(ctx.t('cli.segment.refreshed', { count: r.refreshed.length, ms: r.tookMs }));
    });
}
