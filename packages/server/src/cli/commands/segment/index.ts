import type { Command } from 'commander';
import type { CliContext } from '../../context.ts';
import { registerSegmentCount } from './count.ts';
import { registerSegmentCreate } from './create.ts';
import { registerSegmentEdit } from './edit.ts';
import { registerSegmentExplain } from './explain.ts';
import { registerSegmentExport } from './export.ts';
import { registerSegmentList } from './list.ts';
import { registerSegmentMembers } from './members.ts';
import { registerSegmentPin } from './pin.ts';
import { registerSegmentRefresh } from './refresh.ts';
import { registerSegmentShow } from './show.ts';

/** `dalbit segment …`: one file per subcommand; store and export errors are DalbitErrors reported by main. */
export function registerSegment(program: Command, ctx: CliContext): void {
  const seg = program.command('segment').description(ctx.t('cli.group.segment'));
  for (const register of [
    registerSegmentExplain,
    registerSegmentCount,
    registerSegmentCreate,
    registerSegmentEdit,
    registerSegmentPin,
    registerSegmentList,
    registerSegmentShow,
    registerSegmentRefresh,
    registerSegmentMembers,
    registerSegmentExport,
  ])
    register(seg, ctx);
}
