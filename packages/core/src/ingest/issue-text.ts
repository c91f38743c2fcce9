import { isMessageKey, type MessageKey, translate } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import type { RowIssue } from './records.ts';

/** The Dalbit name of a canonical field (`order_id` → 주문번호), or the field itself. */
export function fieldLabel(field: string, lang: Lang): string {
  const key = `imports.field.${field}`;
  return isMessageKey(key) ? translate(lang, key) : field;
}

/** The catalog text of a row problem: by its code, or a more precise one the importer's wording names. */
function rowIssueKey(i: RowIssue): MessageKey {
  if (i.code === 'MISSING' && (i.column === undefined || i.message.startsWith('no sales channel'))) {
    if (i.message.startsWith('no phone')) return 'imports.problem.noIdentity';
    if (i.message.startsWith('no paid amount')) return 'imports.problem.noAmount';
    if (i.message.startsWith('no sales channel')) return 'imports.problem.noChannel';
  }
  return `imports.problem.${i.code}`;
}

/** Problems of the file as a whole (nothing could be read row by row), by the importer's wording. */
function fileIssueKey(i: RowIssue): { code: string; key: MessageKey } {
  if (i.code === 'MISSING' && i.column !== undefined)
    return { code: 'MISSING_COLUMN', key: 'imports.problem.missingColumn' };
  if (i.message.startsWith('cannot tell')) return { code: 'UNKNOWN_KIND', key: 'imports.problem.unknownKind' };
  if (i.message.startsWith('the file has no rows')) return { code: 'NO_ROWS', key: 'imports.problem.noRows' };
  if (i.message.startsWith('header row')) return { code: 'HEADER_NOT_FOUND', key: 'imports.problem.headerNotFound' };
  if (i.message.startsWith('mapping:')) return { code: 'BAD_MAPPING', key: 'imports.problem.mapping' };
  if (i.message.startsWith('events must be')) return { code: 'NOT_JSON_LINES', key: 'imports.problem.eventsJsonl' };
  return { code: i.code, key: rowIssueKey(i) };
}

/** One import problem in the reader's language: its code, column (a field's name when file-level) and text. */
export interface IssueText {
  readonly code: string;
  readonly column?: string;
  readonly message: string;
  /** The offending cell as the file has it, when the importer kept it. */
  readonly value?: string;
}

/**
 * An importer issue in `lang`. `fileLevel`: the file was refused as a whole, so a `column` names a
 * Dalbit field (a required column not found) rather than a header of the file.
 */
export function issueText(i: RowIssue, fileLevel: boolean, lang: Lang): IssueText {
  const { code, key } = fileLevel ? fileIssueKey(i) : { code: i.code, key: rowIssueKey(i) };
  const column = code === 'MISSING_COLUMN' && i.column !== undefined ? fieldLabel(i.column, lang) : i.column;
  const message = translate(lang, key, column !== undefined ? { field: column } : {});
  const value = i.value !== undefined && i.value !== '' ? { value: i.value } : {};
  return { code, ...(column !== undefined ? { column } : {}), message, ...value };
}

/** `file:line: column: problem ("cell")`, the form the CLI prints, in `lang`. */
export function formatRowIssue(i: RowIssue, fileLevel: boolean, lang: Lang): string {
  const t = issueText(i, fileLevel, lang);
  const said = `${t.message}${t.value === undefined ? '' : ` (${JSON.stringify(t.value)})`}`;
  return `${i.file}:${i.line}: ${t.column === undefined ? said : `${t.column}: ${said}`}`;
}
