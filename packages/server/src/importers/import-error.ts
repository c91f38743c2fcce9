import { domainError } from '@dalbit/core/errors/dalbit-error';
import type { ErrorKind } from '@dalbit/core/errors/error-codes';

export type ImportErrorCode =
  | 'FILE_NOT_FOUND' // the input file does not exist (exit 66, EX_NOINPUT, as in every file mode)
  | 'FILE_UNREADABLE'
  | 'BAD_MAPPING'
  | 'UNSUPPORTED_ENGINE'
  | 'ROW_COUNT_MISMATCH'
  | 'REJECTS_UNWRITABLE';

const IMPORT_ERROR_KIND = {
  FILE_NOT_FOUND: 'not_found',
  FILE_UNREADABLE: 'io',
  BAD_MAPPING: 'invalid_input',
  UNSUPPORTED_ENGINE: 'unavailable',
  ROW_COUNT_MISMATCH: 'internal',
  REJECTS_UNWRITABLE: 'io',
} as const satisfies Record<ImportErrorCode, ErrorKind>;

/** An import that cannot start: the file or mapping is unusable. Row problems are issues, not errors. */
export class ImportError extends domainError<ImportErrorCode>('ImportError', IMPORT_ERROR_KIND) {}
