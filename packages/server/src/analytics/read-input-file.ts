import { readFile } from 'node:fs/promises';
import { CliError } from '../cli/context.ts';

/** Text of an analytics input file (file modes); a missing or unreadable file is a user error. */
export async function readInputFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw new CliError('FILE_UNREADABLE', `파일을 읽을 수 없습니다 / cannot read ${path}: ${why}`);
  }
}
