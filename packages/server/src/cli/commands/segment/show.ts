import { explainSegment } from '@dalbit/core/segments/explain';
import type { Command } from 'commander';
import { listSizeTrend } from '../../../segments/memberships.ts';
import { getSegmentOrThrow, getVersionOrThrow, listVersions } from '../../../segments/segment-store.ts';
import type { CliContext } from '../../context.ts';

export function registerSegmentShow(seg: Command, ctx: CliContext): void {
  seg
    .command('show <id>')
    .description(ctx.t('cli.segment.show'))
    .option('--version <n>', ctx.t('cli.segment.opt.version'), (v) => Number.parseInt(v, 10))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (id: string, o: { version?: number; json?: boolean }, cmd: Command) => {
      const engine = await ctx.warehouse(cmd);
      const header = await getSegmentOrThrow(engine, id);
      const v = await getVersionOrThrow(engine, id, o.version);
      const versions = await listVersions(engine, id);
      const trend = await listSizeTrend(engine, id);
      if (o.json) {
        const list = versions.map((x) => ({ version: x.version, createdAt: x.createdAt, note: x.note }));
        return ctx.out(JSON.stringify({ header, version: v, versions: list, trend }));
      }
      const of = ctx.t('cli.segment.showHead', { version: v.version, count: versions.length });
      const recipe = header.recipe ? ` (${ctx.t('cli.segment.recipe', { recipe: header.recipe })})` : '';
      ctx.out(`${header.segmentId} "${header.name}"${header.pinned ? ' 📌' : ''} — ${of}${recipe}`);
      ctx.out(`  ${explainSegment(v.definition, ctx.lang)}`);
      ctx.out(`  ${JSON.stringify(v.definition.root)}`);
      ctx.out(ctx.t('cli.segment.trend'));
      for (const p of trend)
        ctx.out(`    ${p.asOf.toISOString()}  ${p.size}  +${p.entered}  -${p.exited}  (v${p.version})`);
      if (!trend.length) ctx.out('    -');
    });
}
