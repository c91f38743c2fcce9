import type { Command } from 'commander';
import { listCurrentMembers } from '../../../segments/memberships.ts';
import { getSegmentOrThrow } from '../../../segments/segment-store.ts';
import type { CliContext } from '../../context.ts';

export function registerSegmentMembers(seg: Command, ctx: CliContext): void {
  seg
    .command('members <id>')
    .description(ctx.t('cli.segment.members'))
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const engine = await ctx.warehouse(cmd);
      await getSegmentOrThrow(engine, id);
      for (const m of await listCurrentMembers(engine, id)) ctx.out(m);
    });
}
