/**
 * Operational send failures with stable codes. Vendor errors are mapped to these inside each
 * vendor folder; the dispatcher decides retries from `SEND_RETRYABLE` only.
 */
export type SendErrorCode =
  | 'RATE_LIMITED' // 429 or vendor throttling; honour `retryAfterMs`
  | 'PROVIDER_DOWN' // 5xx, timeouts, connection refused
  | 'BAD_RECIPIENT' // invalid/unregistered number, address or token
  | 'RECIPIENT_OPTED_OUT' // recipient refused ads through the 080 service
  | 'TEMPLATE_REJECTED' // AlimTalk template unknown, not approved or variables mismatch
  | 'CONTENT_REJECTED' // too long, characters outside EUC-KR, malformed payload
  | 'AUTH_FAILED' // 401/403, bad signature, unregistered sender
  | 'DUPLICATE'; // the provider already accepted this idempotency key

export class SendError extends Error {
  override readonly name = 'SendError';
  readonly retryable: boolean;
  constructor(
    readonly code: SendErrorCode,
    message: string,
    readonly options: { cause?: unknown; retryAfterMs?: number; providerCode?: string } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = SEND_RETRYABLE[code];
  }

  get retryAfterMs(): number | undefined {
    return this.options.retryAfterMs;
  }

  get providerCode(): string | undefined {
    return this.options.providerCode;
  }
}

/** The one retry table. `DUPLICATE` is final: the earlier attempt went through. */
export const SEND_RETRYABLE = {
  RATE_LIMITED: true,
  PROVIDER_DOWN: true,
  BAD_RECIPIENT: false,
  RECIPIENT_OPTED_OUT: false,
  TEMPLATE_REJECTED: false,
  CONTENT_REJECTED: false,
  AUTH_FAILED: false,
  DUPLICATE: false,
} as const satisfies Record<SendErrorCode, boolean>;

export function isSendError(e: unknown): e is SendError {
  return e instanceof SendError;
}
