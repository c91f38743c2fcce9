import { type MessageKey, translate } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Window } from './schema.ts';

export type { Lang } from '../i18n/lang.ts';

export function windowText(w: Window, lang: Lang): string {
  switch (w.kind) {
    case 'last_days':
      return translate(lang, 'explain.window.lastDays', { days: w.days });
    case 'days_ago':
      if (w.min === w.max) return translate(lang, 'explain.window.daysAgo', { days: w.min });
      return translate(lang, 'explain.window.daysAgoRange', { min: w.min, max: w.max });
    case 'dates':
      return datesText(w.from, w.to, lang);
    case 'years_ago': {
      const around = w.withinDays ? translate(lang, 'explain.window.yearsAround', { days: w.withinDays }) : '';
      return translate(lang, 'explain.window.yearsAgo', { years: w.years, around });
    }
  }
}

function datesText(from: string | undefined, to: string | undefined, lang: Lang): string {
  if (from !== undefined && to !== undefined) return translate(lang, 'explain.window.dates', { from, to });
  if (from !== undefined) return translate(lang, 'explain.window.since', { from });
  if (to !== undefined) return translate(lang, 'explain.window.until', { to });
  return translate(lang, 'explain.window.anyDate');
}

const OP_KEYS: Readonly<Record<string, MessageKey>> = {
  eq: 'explain.op.eq',
  neq: 'explain.op.neq',
  gt: 'explain.op.gt',
  gte: 'explain.op.gte',
  lt: 'explain.op.lt',
  lte: 'explain.op.lte',
  in: 'explain.op.in',
  not_in: 'explain.op.not_in',
};

/** "구매 횟수가 3회 이상" / "purchase count at least 3". */
export function comparisonText(
  label: string,
  c: { op: string; value?: unknown; window?: Window | undefined },
  lang: Lang,
  unit = '',
  show: (v: unknown) => string = String,
): string {
  const list = Array.isArray(c.value) ? c.value : [c.value];
  if (c.op === 'exists' || c.op === 'not_exists') return translate(lang, `explain.op.${c.op}`, { label });
  if (c.op === 'within' || c.op === 'not_within') {
    const window = c.window ? windowText(c.window, lang) : '';
    return translate(lang, `explain.op.${c.op}`, { label, window });
  }
  if (c.op === 'between') {
    const [a, b] = list.map(show);
    return translate(lang, 'explain.op.between', { label, a: String(a), b: String(b), unit });
  }
  const values = list.map(show).join(', ');
  const key = Object.hasOwn(OP_KEYS, c.op) ? OP_KEYS[c.op] : undefined;
  return translate(lang, key ?? 'explain.op.other', { label, values, unit, op: c.op });
}

const PREDICATE_ENDINGS: readonly [string, string, string][] = [
  // ending, joined with "and", before "고객"
  ['없음', '없고', '없는'],
  ['있음', '있고', '있는'],
  ['않음', '않고', '않는'],
  ['아님', '아니고', '아닌'],
  ['가능', '가능하고', '가능한'],
];

/** "A이고 B" — the Korean "and" after a noun phrase or a predicate ending. */
export function connectKo(phrase: string): string {
  for (const [end, and] of PREDICATE_ENDINGS) if (phrase.endsWith(end)) return `${phrase.slice(0, -end.length)}${and}`;
  return `${phrase}이고`;
}

/** "…인 고객" / "…없는 고객". */
export function finishKo(phrase: string): string {
  for (const [end, , adn] of PREDICATE_ENDINGS)
    if (phrase.endsWith(end)) return `${phrase.slice(0, -end.length)}${adn} 고객`;
  return `${phrase}인 고객`;
}

/**
 * How each language joins "and"-ed phrases and closes the sentence: Korean bends the ending of each
 * phrase (connectKo, finishKo); English joins with the catalog's "and" and leaves the phrase as it is.
 */
export const GRAMMAR: Readonly<
  Record<Lang, { readonly and: (phrases: readonly string[]) => string; readonly finish: (body: string) => string }>
> = {
  ko: {
    and: (phrases) =>
      phrases.map((p, n) => (n < phrases.length - 1 ? connectKo(p) : p)).join(translate('ko', 'explain.and')),
    finish: finishKo,
  },
  en: { and: (phrases) => phrases.join(translate('en', 'explain.and')), finish: (body) => body },
};
