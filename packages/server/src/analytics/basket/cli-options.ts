import { isoDateToKstDay, toKstDay } from '@dalbit/core/time/kst';
import type { z } from 'zod';
import { CliError } from '../../cli/context.ts';

/** Parses commander options with a zod schema; problems become one CliError naming every flag. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): z.infer<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const lines = r.error.issues.map(
    (i) => `--${String(i.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`,
  );
  throw new CliError('BAD_FLAG', `잘못된 옵션 / invalid options:\n${lines.join('\n')}`);
}

/** A KST date flag as a day number; today in Seoul when absent. */
export function parseAsOfDay(value: string | undefined, flag = '--as-of'): number {
  if (value === undefined) return toKstDay(new Date());
  const day = isoDateToKstDay(value);
  if (day === undefined)
    throw new CliError('BAD_FLAG', `${flag}: 날짜 형식은 YYYY-MM-DD / expected a date YYYY-MM-DD, got '${value}'`);
  return day;
}
