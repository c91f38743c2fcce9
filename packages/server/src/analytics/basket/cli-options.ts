import type { MessageKey, MessageParams } from '@dalbit/core/i18n/catalog';
import { isoDateToKstDay, toKstDay } from '@dalbit/core/time/kst';
import type { z } from 'zod';
import { CliError } from '../../cli/cli-error.ts';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Parses commander options with a zod schema; problems become one CliError naming every flag. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: Record<string, unknown>, t: Translate): z.infer<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const lines = r.error.issues.map(
    (i) => `--${String(i.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`,
  );
  throw new CliError('BAD_FLAG', `${t('cli.error.invalidOptions')}\n${lines.join('\n')}`);
}

/** A KST date flag as a day number; today in Seoul when absent. */
export function parseAsOfDay(value: string | undefined, t: Translate, flag = '--as-of'): number {
  if (value === undefined) return toKstDay(new Date());
  const day = isoDateToKstDay(value);
  if (day === undefined) throw new CliError('BAD_FLAG', t('cli.error.notDay', { flag, value }));
  return day;
}
