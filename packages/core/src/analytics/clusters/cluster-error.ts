import { domainError } from '../../errors/dalbit-error.ts';
import type { ErrorKind } from '../../errors/error-codes.ts';

export type ClusterErrorCode = 'TOO_FEW_BUYERS' | 'RUN_NOT_FOUND' | 'CLUSTER_NOT_FOUND';

const CLUSTER_ERROR_KIND = {
  TOO_FEW_BUYERS: 'unprocessable',
  RUN_NOT_FOUND: 'not_found',
  CLUSTER_NOT_FOUND: 'not_found',
} as const satisfies Record<ClusterErrorCode, ErrorKind>;

/** A clustering failure a user can act on (import more data, pick an existing run). */
export class ClusterError extends domainError<ClusterErrorCode>('ClusterError', CLUSTER_ERROR_KIND) {}
