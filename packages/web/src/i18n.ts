import { MESSAGES as CATALOG, translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import type { WEB_MESSAGES } from '@dalbit/core/i18n/messages/web';
import { createContext, useContext } from 'react';

export type { Lang } from '@dalbit/core/i18n/lang';

/** The dashboard's keys: `web.<name>` in the core catalog (packages/core/src/i18n/messages/web.ts), without the prefix. */
export type MessageKey = keyof typeof WEB_MESSAGES extends infer K
  ? K extends `web.${infer Name}`
    ? Name extends `channel.${string}` | `term.${string}`
      ? never
      : Name
    : never
  : never;

/** The text of a dashboard key in `lang`, from the one message catalog. */
export function webText(lang: Lang, key: MessageKey): string {
  return translate(lang, `web.${key}`);
}

function lookup(prefix: 'channel' | 'term', key: string, lang: Lang): string | undefined {
  const full = `web.${prefix}.${key}`;
  return Object.hasOwn(CATALOG, full) ? translate(lang, full as keyof typeof CATALOG) : undefined;
}

export function channelName(channel: string, lang: Lang): string {
  return lookup('channel', channel, lang) ?? channel;
}

/** Order statuses, consent purposes, identity kinds: stored as English keys, shown in the UI language. */
export function termName(key: string, lang: Lang): string {
  return lookup('term', key, lang) ?? channelName(key, lang);
}

export interface I18n {
  readonly lang: Lang;
  t(key: MessageKey): string;
  setLang(lang: Lang): void;
}

export const I18nContext = createContext<I18n>({ lang: 'ko', t: (k) => webText('ko', k), setLang: () => undefined });
export const useI18n = (): I18n => useContext(I18nContext);
