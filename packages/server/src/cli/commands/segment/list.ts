import type { Command } from 'commander';
import { listSizeTrend } from '../../../segments/memberships.ts';
import { listSegments } from '../../../segments/segment-store.ts';
import type { CliContext } from '../../context.ts';

export function registerSegmentList(seg: Command, ctx: CliContext): void {
  seg
    .command('list')
    .description(ctx.t('cli.segment.list'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const engine = await ctx.warehouse(cmd);
      const rows = [];
      for (const h of await listSegments(engine)) {
        const last = (await listSizeTrend(engine, h.segmentId)).at(-1);
        rows.push({ ...h, size: last?.size ?? null, refreshedAt: last?.asOf ?? null });
      }
      if (o.json) return ctx.out(JSON.stringify(rows));
      if (!rows.length) return ctx.out(ctx.t('cli.segment.none'));
      for (const r of rows) {
        const size = r.size === null ? '-' : r.size.toLocaleString('en-US');
        ctx.out(`${r.pinned ? '📌 ' : '   '}${r.segmentId}  v${r.currentVersion}  ${r.status}  ${size}  ${r.name}`);
      }
    });
}
