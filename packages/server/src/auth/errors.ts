import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import { type MessageKey, type MessageParams, translate } from '@dalbit/core/i18n/catalog';

/** A DalbitError whose message is the Korean text of `key` (English after a slash for the CLI and logs). */
export function authError(
  code: string,
  kind: ConstructorParameters<typeof DalbitError>[0]['kind'],
  key: MessageKey,
  params?: MessageParams,
  extra: { issues?: DalbitError['issues']; data?: DalbitError['data'] } = {},
): DalbitError {
  return new DalbitError({ code, kind, message: translate('ko', key, params), ...extra });
}
