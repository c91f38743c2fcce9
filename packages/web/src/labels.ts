import { MESSAGES, type MessageKey, translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';

/** A catalog text by a key built at run time (`audience.event.<type>`); the raw value when there is none. */
export function labelOf(lang: Lang, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return Object.hasOwn(MESSAGES, key) ? translate(lang, key as MessageKey) : value;
}

/** Behavioural event types in the UI language (`product_view` → 상품 조회). */
export const eventName = (type: string, lang: Lang): string => labelOf(lang, 'audience.event', type);

/** Message statuses in the UI language (`delivered` → 도달). */
export const messageStatusName = (status: string, lang: Lang): string => labelOf(lang, 'audience.msg', status);
