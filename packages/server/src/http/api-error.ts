/** A problem in one input value: where (`['body', 'events', 3, 'type']`) and what. */
export interface ApiIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly code?: string;
}

export type ApiErrorCode =
  | 'BAD_JSON'
  | 'VALIDATION_FAILED'
  | 'INVALID_SEGMENT'
  | 'REASON_REQUIRED'
  | 'NOT_FOUND'
  | 'NOT_AVAILABLE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNPROCESSABLE'
  | 'INTERNAL';

/** Each code has one HTTP status; a new code does not compile until it is mapped here. */
export const API_ERROR_STATUS = {
  BAD_JSON: 400,
  VALIDATION_FAILED: 400,
  INVALID_SEGMENT: 400,
  REASON_REQUIRED: 400,
  NOT_FOUND: 404,
  NOT_AVAILABLE: 501,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  INTERNAL: 500,
} as const satisfies Record<ApiErrorCode, number>;

export type ApiErrorStatus = (typeof API_ERROR_STATUS)[ApiErrorCode];

/** A failure the client can act on; rendered as `{ error: { code, message, issues } }`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get status(): ApiErrorStatus {
    return API_ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, issues: this.issues.map((i) => ({ ...i, path: [...i.path] })) },
    };
  }
}

export interface ErrorBody {
  readonly error: { readonly code: ApiErrorCode; readonly message: string; readonly issues: readonly ApiIssue[] };
}
