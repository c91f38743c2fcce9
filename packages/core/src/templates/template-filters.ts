/** Filters for values that have no sensible text of their own (lists, dates), in Korean. */
import { toKst } from '../time/kst.ts';

function toDate(v: unknown): Date | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v;
  if (typeof v === 'string' || typeof v === 'number') {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

/** `12월 8일` (KST); with `year`, `2026년 12월 8일`. Anything that is not a date prints as nothing. */
export function koreanDate(v: unknown, withYear?: unknown): string {
  const d = toDate(v);
  if (!d) return '';
  const k = toKst(d);
  const md = `${k.month}월 ${k.day}일`;
  return withYear === 'year' ? `${k.year}년 ${md}` : md;
}

/** A product list as names joined by `, ` (`{{ related_products | names }}`); a single product is its name. */
export function productNames(v: unknown, separator?: unknown): string {
  const list = Array.isArray(v) ? v : v === null || v === undefined ? [] : [v];
  const sep = typeof separator === 'string' ? separator : ', ';
  return list
    .map((p) =>
      typeof p === 'object' && p !== null && typeof (p as { name?: unknown }).name === 'string'
        ? (p as { name: string }).name
        : typeof p === 'string'
          ? p
          : '',
    )
    .filter((n) => n !== '')
    .join(sep);
}

/** Variables that print through a filter when written bare: `{{ related_products }}` → names. */
const BARE_DEFAULTS: readonly (readonly [RegExp, string])[] = [
  [/\{\{(-?)\s*(related_products|last_viewed_product)\s*(-?)\}\}/g, 'names'],
  [/\{\{(-?)\s*(coupon\.expires_at)\s*(-?)\}\}/g, 'kdate'],
];

/** Rewrites bare outputs of lists and dates to go through their filter (explicit filters are kept). */
export function withDefaultFilters(source: string): string {
  let out = source;
  for (const [re, filter] of BARE_DEFAULTS) out = out.replace(re, (_m, l, v, r) => `{{${l} ${v} | ${filter} ${r}}}`);
  return out;
}
