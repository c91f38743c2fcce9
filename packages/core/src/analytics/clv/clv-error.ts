export type ClvErrorCode = 'NO_CUSTOMERS' | 'NO_REPEAT_SPEND' | 'FIT_FAILED' | 'BAD_CBS' | 'DEGENERATE_FIT';

/** Failures of the CLV models that callers can act on, with a stable code. */
export class ClvError extends Error {
  override readonly name = 'ClvError';
  constructor(
    readonly code: ClvErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
