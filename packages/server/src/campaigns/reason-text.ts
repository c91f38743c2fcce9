import { isMessageKey, translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';

/** The reader's text of a block/defer/cancel reason code (guard, campaign and lifecycle reasons: `reason.<CODE>`). */
export function reasonText(code: string, lang: Lang): string | undefined {
  const key = `reason.${code}`;
  return isMessageKey(key) ? translate(lang, key) : undefined;
}
