import { domainError } from '@dalbit/core/errors/dalbit-error';
import type { ErrorKind } from '@dalbit/core/errors/error-codes';

export type IdentityErrorCode =
  | 'ROW_COUNT_MISMATCH'
  | 'ENGINE_UNSUPPORTED'
  | 'MERGE_NOT_FOUND'
  | 'MERGE_ALREADY_UNDONE'
  | 'MERGE_AMBIGUOUS';

const IDENTITY_ERROR_KIND = {
  ROW_COUNT_MISMATCH: 'internal',
  ENGINE_UNSUPPORTED: 'unavailable',
  MERGE_NOT_FOUND: 'not_found',
  MERGE_ALREADY_UNDONE: 'conflict',
  MERGE_AMBIGUOUS: 'invalid_input',
} as const satisfies Record<IdentityErrorCode, ErrorKind>;

/** Operational failures of identity resolution, with a stable code. */
export class IdentityError extends domainError<IdentityErrorCode>('IdentityError', IDENTITY_ERROR_KIND) {}
