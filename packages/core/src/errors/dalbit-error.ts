import { type MessageKey, type MessageParams, translate } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import type { ErrorKind } from './error-codes.ts';

/** A message for people as a catalog key and its values, rendered in the reader's language. */
export interface ErrorText {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

/** `{ key, params }` for an error's message. @example throw new SegmentStoreError('NOT_FOUND', errorText('segments.error.notFound', { id })) */
export const errorText = (key: MessageKey, params?: MessageParams): ErrorText =>
  params === undefined ? { key } : { key, params };

/** A problem in one input value: where (`['body', 'steps', 0, 'text']`, or file/line/column) and what. */
export interface ErrorIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly code?: string;
}

/**
 * The one base error: a stable machine code (`SEGMENT_NOT_FOUND`), its kind (→ exit code and HTTP
 * status), a message for people, optional per-field issues and data. The cause is always kept.
 * The message is best given as catalog text (`ErrorText`): the CLI and the API then render it in
 * the reader's language (`messageIn`); `message` holds the Korean text for logs.
 * @example throw new DalbitError({ code: 'SEGMENT_NOT_FOUND', kind: 'not_found', message: '세그먼트를 찾을 수 없습니다: vip' })
 */
export class DalbitError extends Error {
  override readonly name: string = 'DalbitError';
  readonly code: string;
  readonly kind: ErrorKind;
  readonly issues: readonly ErrorIssue[];
  readonly data: Readonly<Record<string, unknown>>;
  /** The message as catalog text, when it was given so. */
  readonly text: ErrorText | undefined;

  constructor(init: {
    code: string;
    kind: ErrorKind;
    message: string | ErrorText;
    issues?: readonly ErrorIssue[];
    data?: Readonly<Record<string, unknown>>;
    cause?: unknown;
  }) {
    const text = typeof init.message === 'string' ? undefined : init.message;
    const message = text === undefined ? (init.message as string) : translate('ko', text.key, text.params);
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.text = text;
    this.code = init.code;
    this.kind = init.kind;
    this.issues = init.issues ?? [];
    this.data = init.data ?? {};
  }
}

export function isDalbitError(e: unknown): e is DalbitError {
  return e instanceof DalbitError;
}

/** The error's message in `lang`: its catalog text when it has one, else the message as written. */
export function messageIn(e: DalbitError, lang: Lang): string {
  return e.text === undefined ? e.message : translate(lang, e.text.key, e.text.params);
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
    constructor(code: C, message: string | ErrorText, options?: { cause?: unknown }) {
      super({ code, kind: kindOf[code], message, cause: options?.cause });
    }
  };
}
