/** A user-fixable problem in a segment definition: collected (never thrown), with its JSON path. */
export type SegmentIssueCode =
  | 'BAD_SHAPE'
  | 'UNKNOWN_VERSION'
  | 'UNKNOWN_FIELD'
  | 'OPERATOR_NOT_ALLOWED'
  | 'BAD_VALUE'
  | 'TOO_DEEP'
  | 'TOO_LARGE'
  | 'UNKNOWN_SEGMENT'
  | 'SEGMENT_CYCLE';

export interface SegmentIssue {
  readonly code: SegmentIssueCode;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export const issue = (code: SegmentIssueCode, path: readonly (string | number)[], message: string): SegmentIssue => ({
  code,
  path,
  message,
});

/** "root.items.1.measure: unknown measure 'cnt'" — for CLI output and logs. */
export function formatIssue(i: SegmentIssue): string {
  return `${i.path.length ? i.path.join('.') : '(definition)'}: [${i.code}] ${i.message}`;
}
