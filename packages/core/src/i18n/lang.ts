/** The languages Dalbit speaks; Korean is the default everywhere. */
export type Lang = 'ko' | 'en';
export const LANGS = ['ko', 'en'] as const satisfies readonly Lang[];
export const DEFAULT_LANG: Lang = 'ko';

/** `DALBIT_LANG`, `Accept-Language` or a user setting → a supported language (Korean unless English is asked for). */
export function parseLang(raw: string | undefined | null): Lang {
  return raw !== undefined && raw !== null && /^en\b/i.test(raw.trim()) ? 'en' : 'ko';
}
