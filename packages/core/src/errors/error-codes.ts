/**
 * What kind of failure an error is; the kind alone decides the CLI exit code and the HTTP status,
 * so commands and routes never translate errors by hand. A new kind does not compile until both
 * tables below map it. Documented in the README (exit codes) and docs/api.md (statuses).
 */
export type ErrorKind =
  | 'usage' // the command line itself is wrong: a bad flag value, a missing flag, a bad environment variable
  | 'invalid_input' // the user can fix the input: a bad flag, file row, JSON body, definition
  | 'not_found'
  | 'conflict' // the state does not allow it now (already running, version changed, duplicate)
  | 'unauthenticated'
  | 'forbidden'
  | 'too_large'
  | 'unprocessable' // well-formed, but the data does not allow it (a model that cannot be fitted on it)
  | 'rate_limited'
  | 'unavailable' // a dependency is not there: engine feature, provider, locked warehouse
  | 'io' // the file system: unreadable/unwritable file, full disk
  | 'internal';

/** sysexits(3) where one fits. */
export const EXIT_CODE_BY_KIND = {
  usage: 64, // EX_USAGE
  invalid_input: 65, // EX_DATAERR
  not_found: 66, // EX_NOINPUT
  conflict: 65,
  unauthenticated: 77, // EX_NOPERM
  forbidden: 77,
  too_large: 65,
  unprocessable: 65,
  rate_limited: 75, // EX_TEMPFAIL
  unavailable: 75,
  io: 74, // EX_IOERR
  internal: 70, // EX_SOFTWARE
} as const satisfies Record<ErrorKind, number>;

export const HTTP_STATUS_BY_KIND = {
  usage: 400,
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
  io: 500,
  internal: 500,
} as const satisfies Record<ErrorKind, number>;
