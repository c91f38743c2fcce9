import type { Lang } from '@dalbit/core/i18n/lang';
import { issueText } from '@dalbit/core/ingest/issue-text';
import type { RowIssue } from '@dalbit/core/ingest/records';

export { fieldLabel } from '@dalbit/core/ingest/issue-text';

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

/**
 * An importer issue in the reader's language. `fileLevel`: the file was refused as a whole, so a
 * `column` names a Dalbit field (a required column not found) rather than a header of the file.
 */
export function presentIssue(i: RowIssue, fileLevel: boolean, lang: Lang): ImportProblem {
  const { value: _cell, ...text } = issueText(i, fileLevel, lang);
  return { line: i.line, ...text, detail: i.message };
}
