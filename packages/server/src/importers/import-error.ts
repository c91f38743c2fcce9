export type ImportErrorCode =
  | 'FILE_UNREADABLE'
  | 'BAD_MAPPING'
  | 'UNSUPPORTED_ENGINE'
  | 'ROW_COUNT_MISMATCH'
  | 'REJECTS_UNWRITABLE';

/** An import that cannot start: the file or mapping is unusable. Row problems are issues, not errors. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
