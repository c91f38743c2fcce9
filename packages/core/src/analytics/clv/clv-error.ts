import { domainError } from '../../errors/dalbit-error.ts';
import type { ErrorKind } from '../../errors/error-codes.ts';

export type ClvErrorCode = 'NO_CUSTOMERS' | 'NO_REPEAT_SPEND' | 'FIT_FAILED' | 'BAD_CBS' | 'DEGENERATE_FIT';

const CLV_ERROR_KIND = {
  NO_CUSTOMERS: 'unprocessable',
  NO_REPEAT_SPEND: 'unprocessable',
  FIT_FAILED: 'unprocessable',
  BAD_CBS: 'invalid_input',
  DEGENERATE_FIT: 'unprocessable',
} as const satisfies Record<ClvErrorCode, ErrorKind>;

/** Failures of the CLV models that callers can act on, with a stable code. */
export class ClvError extends domainError<ClvErrorCode>('ClvError', CLV_ERROR_KIND) {}
