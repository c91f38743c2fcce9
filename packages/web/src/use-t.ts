import { type MessageKey, type MessageParams, translate } from '@dalbit/core/i18n/catalog';
import { useI18n } from './i18n.ts';

export type CoreMessageKey = MessageKey;

/** The dashboard's translator over the core message catalog, in the language chosen in the sidebar. */
export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const { lang } = useI18n();
  return (key, params) => translate(lang, key, params);
}
