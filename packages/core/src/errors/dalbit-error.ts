import type { ErrorKind } from './error-codes.ts';

/** A problem in one input value: where (`['body', 'steps', 0, 'text']`, or file/line/column) and what. */
export interface ErrorIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly code?: string;
}

/**
 * The one base error: a stable machine code (`SEGMENT_NOT_FOUND`), its kind (→ exit code and HTTP
 * status), a message for people (Korean first; English where the caller asked for it), optional
 * per-field issues and data. The cause is always kept.
 * @example throw new DalbitError({ code: 'SEGMENT_NOT_FOUND', kind: 'not_found', message: '세그먼트를 찾을 수 없습니다: vip' })
 */
export class DalbitError extends Error {
  override readonly name: string = 'DalbitError';
  readonly code: string;
  readonly kind: ErrorKind;
  readonly issues: readonly ErrorIssue[];
  readonly data: Readonly<Record<string, unknown>>;

  constructor(init: {
    code: string;
    kind: ErrorKind;
    message: string;
    issues?: readonly ErrorIssue[];
    data?: Readonly<Record<string, unknown>>;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.kind = init.kind;
    this.issues = init.issues ?? [];
    this.data = init.data ?? {};
  }
}

export function isDalbitError(e: unknown): e is DalbitError {
  return e instanceof DalbitError;
}

/**
 * A family of domain errors: a code union and the one table mapping each code to its kind. The
 * class it returns takes `(code, message, { cause })`, so throwing sites stay short.
 * @example export class ImportError extends domainError<ImportErrorCode>('ImportError', IMPORT_ERROR_KIND) {}
 */
export function domainError<C extends string>(name: string, kindOf: Readonly<Record<C, ErrorKind>>) {
  return class extends DalbitError {
    override readonly name: string = name;
    declare readonly code: C;
    constructor(code: C, message: string, options?: { cause?: unknown }) {
      super({ code, kind: kindOf[code], message, cause: options?.cause });
    }
  };
}
