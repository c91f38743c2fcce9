import { asOfNotice, resolveAsOfDay } from '../analytics/as-of.ts';
import { parseAsOfDay } from '../analytics/basket/cli-options.ts';
import type { Engine } from '../engines/engine.ts';
import type { CliContext } from './context.ts';

/** `--as-of` of a warehouse command by the one as-of rule; says so on stderr when the data end was used. */
export async function cliAsOfDay(
  ctx: CliContext,
  engine: Engine,
  value: string | undefined,
  flag = '--as-of',
): Promise<number> {
  const r = await resolveAsOfDay(engine, value === undefined ? undefined : parseAsOfDay(value, ctx.t, flag));
  const notice = asOfNotice(r, ctx.t);
  if (notice) ctx.err(notice);
  return r.day;
}
