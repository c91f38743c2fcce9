import type { CbsRow } from '@dalbit/core/analytics/clv/cbs';
import { parseCbsCsv } from '@dalbit/core/analytics/clv/parse-cbs-csv';
import type { MessageKey, MessageParams } from '@dalbit/core/i18n/catalog';
import { CliError } from '../../cli/cli-error.ts';
import { readInputFile } from '../read-input-file.ts';

/** Reads a CBS file in Hardie's layout; every problem is reported with file, line and column. */
export async function readCbsFile(
  path: string,
  t: (key: MessageKey, params?: MessageParams) => string,
): Promise<readonly CbsRow[]> {
  const text = await readInputFile(path, t);
  const parsed = parseCbsCsv(text);
  if (parsed.ok) return parsed.rows;
  const lines = parsed.issues
    .slice(0, 20)
    .map((i) => `${path}:${i.line}${i.column ? ` (${i.column})` : ''}: ${i.message}`);
  const more = parsed.issues.length > 20 ? `\n${t('cli.error.moreIssues', { count: parsed.issues.length - 20 })}` : '';
  throw new CliError(
    'INVALID_INPUT',
    `${t('cli.error.invalidInput', { count: parsed.issues.length })}\n${lines.join('\n')}${more}`,
  );
}
