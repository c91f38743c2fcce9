import { readFile } from 'node:fs/promises';
import type { CbsRow } from '@dalbit/core/analytics/clv/cbs';
import { parseCbsCsv } from '@dalbit/core/analytics/clv/parse-cbs-csv';
import { CliError } from '../../cli/context.ts';

/** Reads a CBS file in Hardie's layout; every problem is reported with file, line and column. */
export async function readCbsFile(path: string): Promise<readonly CbsRow[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(
      'FILE_UNREADABLE',
      `파일을 읽을 수 없습니다 / cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const parsed = parseCbsCsv(text);
  if (parsed.ok) return parsed.rows;
  const lines = parsed.issues
    .slice(0, 20)
    .map((i) => `${path}:${i.line}${i.column ? ` (${i.column})` : ''}: ${i.message}`);
  const more = parsed.issues.length > 20 ? `\n… ${parsed.issues.length - 20} more` : '';
  throw new CliError(
    'INVALID_INPUT',
    `잘못된 입력 / invalid input (${parsed.issues.length}):\n${lines.join('\n')}${more}`,
  );
}
