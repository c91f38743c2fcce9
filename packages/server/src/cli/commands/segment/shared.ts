import { readFileSync } from 'node:fs';
import { formatIssue, type SegmentIssue } from '@dalbit/core/segments/issues';
import type { SegmentDefinition } from '@dalbit/core/segments/schema';
import { parseSegment } from '@dalbit/core/segments/validate';
import { kstDayStart } from '@dalbit/core/time/kst';
import { asOfNotice, resolveAsOfDay } from '../../../analytics/as-of.ts';
import type { Engine } from '../../../engines/engine.ts';
import { type CliContext, CliError } from '../../context.ts';
import { fileReadError } from '../../file-errors.ts';

/** Every problem of a definition, one line each with its JSON path and code. */
export function issuesError(ctx: CliContext, issues: readonly SegmentIssue[]): CliError {
  const lines = issues.map((i) => `  ${formatIssue(i)}`).join('\n');
  return new CliError('INVALID_INPUT', `${ctx.t('cli.segment.invalid')}\n${lines}`);
}

/** A segment definition JSON file, validated. */
export function readDefinition(ctx: CliContext, file: string): SegmentDefinition {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw fileReadError(ctx, file, e);
  }
  const parsed = parseSegment(json);
  if (!parsed.ok) throw issuesError(ctx, parsed.issues);
  return parsed.definition;
}

/** `--as-of` instant; by default now, or 00:00 KST of the day after the data ends when that is earlier. */
export async function parseAsOf(ctx: CliContext, engine: Engine, value: string | undefined): Promise<Date> {
  if (value === undefined) {
    const r = await resolveAsOfDay(engine, undefined);
    const notice = asOfNotice(r, ctx.t);
    if (!notice) return new Date();
    ctx.err(notice);
    return kstDayStart(r.day);
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime()))
    throw new CliError('BAD_FLAG', ctx.t('cli.error.notDateTime', { flag: '--as-of', value }));
  return d;
}
