import type { Lang } from '../i18n/lang.ts';
import type { Window } from './schema.ts';

export type { Lang } from '../i18n/lang.ts';

/** Picks the Korean particle by the last syllable's final consonant (받침): 이/가, 을/를, 은/는. */
export function josa(word: string, withFinal: string, withoutFinal: string): string {
  const last =
    word
      .replace(/\([^)]*\)$/, '')
      .trim()
      .at(-1) ?? '';
  const code = last.charCodeAt(0) - 0xac00;
  const hasFinal = code >= 0 && code <= 11_171 ? code % 28 !== 0 : /[0-9lmnr]$/i.test(last) && !/[2459]$/.test(last);
  return `${word}${hasFinal ? withFinal : withoutFinal}`;
}

export function windowText(w: Window, lang: Lang): string {
  switch (w.kind) {
    case 'last_days':
      return lang === 'ko' ? `최근 ${w.days}일` : `in the last ${w.days} days`;
    case 'days_ago':
      if (w.min === w.max) return lang === 'ko' ? `${w.min}일 전` : `${w.min} days ago`;
      return lang === 'ko' ? `${w.min}~${w.max}일 전` : `${w.min}–${w.max} days ago`;
    case 'dates':
      return lang === 'ko'
        ? `${w.from ?? ''} ~ ${w.to ?? ''}`.trim()
        : `between ${w.from ?? 'the start'} and ${w.to ?? 'now'}`;
    case 'years_ago': {
      const around = w.withinDays
        ? lang === 'ko'
          ? ` (${w.withinDays}일 전부터)`
          : ` (or up to ${w.withinDays} days before)`
        : '';
      return lang === 'ko' ? `정확히 ${w.years}년 전 같은 날${around}` : `exactly ${w.years} years ago${around}`;
    }
  }
}

const OPS_KO: Record<string, (v: string, unit: string) => string> = {
  eq: (v, u) => `${v}${u}`,
  neq: (v, u) => `${v}${u} 아님`,
  gt: (v, u) => `${v}${u} 초과`,
  gte: (v, u) => `${v}${u} 이상`,
  lt: (v, u) => `${v}${u} 미만`,
  lte: (v, u) => `${v}${u} 이하`,
  in: (v, u) => `${v}${u} 중 하나`,
  not_in: (v, u) => `${v}${u} 외`,
};
const OPS_EN: Record<string, string> = {
  eq: 'is',
  neq: 'is not',
  gt: 'above',
  gte: 'at least',
  lt: 'below',
  lte: 'at most',
  in: 'one of',
  not_in: 'none of',
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
  const values = list.map(show).join(', ');
  if (c.op === 'exists') return lang === 'ko' ? `${josa(label, '이', '가')} 있음` : `has ${label}`;
  if (c.op === 'not_exists') return lang === 'ko' ? `${josa(label, '이', '가')} 없음` : `has no ${label}`;
  if (c.op === 'within' || c.op === 'not_within') {
    const w = c.window ? windowText(c.window, lang) : '';
    if (lang === 'en') return `${label} ${c.op === 'within' ? '' : 'not '}${w}`;
    return `${josa(label, '이', '가')} ${w}${c.op === 'within' ? '' : ' 밖'}`;
  }
  if (c.op === 'between') {
    const [a, b] = list.map(show);
    return lang === 'ko' ? `${josa(label, '이', '가')} ${a}~${b}${unit}` : `${label} between ${a} and ${b}${unit}`;
  }
  if (lang === 'en') return `${label} ${OPS_EN[c.op] ?? c.op} ${values}${unit}`;
  return `${josa(label, '이', '가')} ${(OPS_KO[c.op] ?? OPS_KO.eq)?.(values, unit) ?? values}`;
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
