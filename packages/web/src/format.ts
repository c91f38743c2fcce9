import { translate } from '@dalbit/core/i18n/catalog';
import { formatKstMinute } from '@dalbit/core/time/kst';
import type { Lang } from './i18n.ts';

export const formatNumber = (n: number): string => n.toLocaleString('ko-KR');
export const formatWon = (n: number, lang: Lang): string =>
  translate(lang, 'common.won', { amount: formatNumber(Math.round(n)) });
export const formatPercent = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)}%`;

/** Korean wall time (UTC+9) of an ISO instant: "2026-11-15 09:30". */
export function formatKst(iso: unknown): string {
  if (typeof iso !== 'string' || iso === '') return '-';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return formatKstMinute(d);
}

/** Large KRW amounts the way Korean dashboards show them: 1.98억, 8,680만. */
export function formatWonShort(n: number, lang: Lang): string {
  if (lang === 'en')
    return n >= 1e9 ? `₩${(n / 1e9).toFixed(2)}B` : n >= 1e6 ? `₩${(n / 1e6).toFixed(1)}M` : formatWon(n, lang);
  if (n >= 1e8) return `${(n / 1e8).toFixed(2)}억원`;
  if (n >= 1e4) return `${formatNumber(Math.round(n / 1e4))}만원`;
  return formatWon(n, lang);
}
