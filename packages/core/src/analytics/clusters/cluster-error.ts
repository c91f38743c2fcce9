export type ClusterErrorCode = 'TOO_FEW_BUYERS' | 'RUN_NOT_FOUND' | 'CLUSTER_NOT_FOUND';

/** A clustering failure a user can act on (import more data, pick an existing run). */
export class ClusterError extends Error {
  override readonly name = 'ClusterError';
  constructor(
    readonly code: ClusterErrorCode,
    message: string,
  ) {
    super(message);
  }
}
