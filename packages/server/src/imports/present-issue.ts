import { MESSAGES, type MessageKey, translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import type { RowIssue } from '@dalbit/core/ingest/records';

/** One problem as the page shows it: where (file line and column) and what, in the reader's language. */
export interface ImportProblem {
  readonly line: number;
  /** The file's own column header (row problems) or the Dalbit field's name (a missing column). */
  readonly column?: string;
  /** Stable machine code (RowIssue codes, plus MISSING_COLUMN / UNKNOWN_KIND / BAD_MAPPING for the file). */
  readonly code: string;
  readonly message: string;
  /** The importer's own English wording (with the offending value), for support and the English UI. */
  readonly detail: string;
}

const hasKey = (key: string): key is MessageKey => Object.hasOwn(MESSAGES, key);

/** The Dalbit name of a canonical field (`order_id` → 주문번호). */
export function fieldLabel(field: string, lang: Lang): string {
  const key = `imports.field.${field}`;
  return hasKey(key) ? translate(lang, key) : field;
}

/** Problems of the file as a whole (nothing could be read row by row), by the importer's wording. */
function fileProblem(i: RowIssue): { code: string; key: MessageKey } {
  if (i.code === 'MISSING' && i.column !== undefined)
    return { code: 'MISSING_COLUMN', key: 'imports.problem.missingColumn' };
  if (i.message.startsWith('cannot tell')) return { code: 'UNKNOWN_KIND', key: 'imports.problem.unknownKind' };
  if (i.message.startsWith('the file has no rows')) return { code: 'NO_ROWS', key: 'imports.problem.noRows' };
  if (i.message.startsWith('header row')) return { code: 'HEADER_NOT_FOUND', key: 'imports.problem.headerNotFound' };
  if (i.message.startsWith('mapping:')) return { code: 'BAD_MAPPING', key: 'imports.problem.mapping' };
  if (i.message.startsWith('events must be')) return { code: 'NOT_JSON_LINES', key: 'imports.problem.eventsJsonl' };
  return { code: i.code, key: rowKey(i) };
}

function rowKey(i: RowIssue): MessageKey {
  if (i.code === 'MISSING' && (i.column === undefined || i.message.startsWith('no sales channel'))) {
    if (i.message.startsWith('no phone')) return 'imports.problem.noIdentity';
    if (i.message.startsWith('no paid amount')) return 'imports.problem.noAmount';
    if (i.message.startsWith('no sales channel')) return 'imports.problem.noChannel';
  }
  return `imports.problem.${i.code}`;
}

/**
 * An importer issue in the reader's language. `fileLevel`: the file was refused as a whole, so a
 * `column` names a Dalbit field (a required column not found) rather than a header of the file.
 */
export function presentIssue(i: RowIssue, fileLevel: boolean, lang: Lang): ImportProblem {
  const { code, key } = fileLevel ? fileProblem(i) : { code: i.code, key: rowKey(i) };
  const column = code === 'MISSING_COLUMN' && i.column !== undefined ? fieldLabel(i.column, lang) : i.column;
  return {
    line: i.line,
    ...(column !== undefined ? { column } : {}),
    code,
    message: translate(lang, key, column !== undefined ? { field: column } : {}),
    detail: i.message,
  };
}
