export type IdentityErrorCode =
  | 'ROW_COUNT_MISMATCH'
  | 'ENGINE_UNSUPPORTED'
  | 'MERGE_NOT_FOUND'
  | 'MERGE_ALREADY_UNDONE'
  | 'MERGE_AMBIGUOUS';

/** Operational failures of identity resolution, with a stable code. */
export class IdentityError extends Error {
  override readonly name = 'IdentityError';
  constructor(
    readonly code: IdentityErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
