import { domainError } from '@dalbit/core/errors/dalbit-error';
import type { ErrorKind } from '@dalbit/core/errors/error-codes';
import { translate } from '@dalbit/core/i18n/catalog';

export type ConnectorErrorCode =
  | 'CONNECTOR_NOT_FOUND'
  | 'CONNECTOR_NOT_CONNECTED'
  | 'CONNECTOR_STATE_MISMATCH'
  | 'CONNECTOR_AUTH_FAILED'
  | 'CONNECTOR_RATE_LIMITED'
  | 'CONNECTOR_UNREACHABLE'
  | 'CONNECTOR_HTTP'
  | 'CONNECTOR_BAD_PAYLOAD'
  | 'CONNECTOR_BAD_SIGNATURE';

const KIND = {
  CONNECTOR_NOT_FOUND: 'not_found',
  CONNECTOR_NOT_CONNECTED: 'conflict',
  CONNECTOR_STATE_MISMATCH: 'invalid_input',
  CONNECTOR_AUTH_FAILED: 'unavailable',
  CONNECTOR_RATE_LIMITED: 'rate_limited',
  CONNECTOR_UNREACHABLE: 'unavailable',
  CONNECTOR_HTTP: 'unavailable',
  CONNECTOR_BAD_PAYLOAD: 'unavailable',
  CONNECTOR_BAD_SIGNATURE: 'unauthenticated',
} as const satisfies Record<ConnectorErrorCode, ErrorKind>;

/** A connector failure; its message is the Korean text of `connectors.error.<code>`. */
export class ConnectorError extends domainError<ConnectorErrorCode>('ConnectorError', KIND) {}

/** @example connectorError('CONNECTOR_HTTP', { status: 500, detail: 'Internal' }) */
export function connectorError(
  code: ConnectorErrorCode,
  params: Record<string, string | number> = {},
  cause?: unknown,
): ConnectorError {
  return new ConnectorError(code, translate('ko', `connectors.error.${code}`, params), { cause });
}
