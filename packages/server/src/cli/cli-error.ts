import { domainError } from '@dalbit/core/errors/dalbit-error';
import type { ErrorKind } from '@dalbit/core/errors/error-codes';

/** What went wrong at the command line; the kind decides the exit code (README: exit codes). */
export type CliErrorCode =
  | 'BAD_FLAG' // a flag value or combination the command refuses
  | 'BAD_ENV' // an environment variable with an unusable value
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'FILE_UNWRITABLE'
  | 'DATA_DIR_UNUSABLE'
  | 'DATA_DIR_MISSING' // --data-dir names no directory and the command does not create one
  | 'WAREHOUSE_LOCKED'
  | 'INVALID_INPUT' // the file or definition given does not validate
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'AUDIT_FAILED' // the access log does not verify
  | 'UNSUPPORTED_ENGINE'
  | 'STEPS_FAILED' // some steps of a refresh failed; each is named
  | 'INTERNAL';

const CLI_ERROR_KIND = {
  BAD_FLAG: 'usage',
  BAD_ENV: 'usage',
  FILE_NOT_FOUND: 'not_found',
  FILE_UNREADABLE: 'io',
  FILE_UNWRITABLE: 'io',
  DATA_DIR_UNUSABLE: 'io',
  DATA_DIR_MISSING: 'not_found',
  WAREHOUSE_LOCKED: 'unavailable',
  INVALID_INPUT: 'invalid_input',
  NOT_FOUND: 'not_found',
  CONFLICT: 'conflict',
  AUDIT_FAILED: 'invalid_input',
  UNSUPPORTED_ENGINE: 'unavailable',
  STEPS_FAILED: 'internal',
  INTERNAL: 'internal',
} as const satisfies Record<CliErrorCode, ErrorKind>;

/**
 * A failure found by a command itself: a DalbitError like every other, printed without a stack;
 * its code's kind gives the exit code.
 * @example throw new CliError('BAD_FLAG', t('cli.error.badFormat', { flag: '--format' }))
 */
export class CliError extends domainError<CliErrorCode>('CliError', CLI_ERROR_KIND) {}
