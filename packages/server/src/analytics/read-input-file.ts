import { readFile } from 'node:fs/promises';
import type { MessageKey, MessageParams } from '@dalbit/core/i18n/catalog';
import { fileReadError } from '../cli/file-errors.ts';

/** Text of an analytics input file (file modes); a missing file is FILE_NOT_FOUND (exit 66), else FILE_UNREADABLE. */
export async function readInputFile(
  path: string,
  t: (key: MessageKey, params?: MessageParams) => string,
): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw fileReadError({ t }, path, e);
  }
}
