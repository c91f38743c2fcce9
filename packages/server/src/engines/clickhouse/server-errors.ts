import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import { translate } from '@dalbit/core/i18n/catalog';

/** The server does not answer: said before anything is read or written. */
export function serverUnreachableError(url: string, cause: unknown): DalbitError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new DalbitError({
    code: 'CLICKHOUSE_UNREACHABLE',
    kind: 'unavailable',
    message: translate('ko', 'clickhouse.unreachable', { url: redactUrl(url), detail }),
    data: { url: redactUrl(url) },
    cause,
  });
}

export function serverNotConfiguredError(): DalbitError {
  return new DalbitError({
    code: 'CLICKHOUSE_NOT_CONFIGURED',
    kind: 'usage',
    message: translate('ko', 'clickhouse.notConfigured'),
  });
}

/** The URL without a password written into it. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
