import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { type Cell, cellText } from './cell.ts';

/**
 * A normalised phone. Only `mobile` numbers are marketable and may merge two people:
 * 050x numbers are virtual (safe numbers handed out by marketplaces) and landlines are shared.
 */
export type PhoneInfo =
  | { readonly kind: 'mobile'; readonly e164: string }
  | { readonly kind: 'virtual' | 'landline'; readonly e164: string }
  | { readonly kind: 'masked' }
  | { readonly kind: 'invalid'; readonly reason: string };

const KR_MOBILE = /^01[016789]\d{7,8}$/;
const KR_VIRTUAL = /^050\d{8,9}$/;
const cache = new Map<string, PhoneInfo>();

/**
 * Normalises a phone as written in Korean exports: strips spaces, hyphens, dots and brackets,
 * turns `+82`/`82` into a leading `0`, restores the leading zero Excel drops from numeric cells.
 * @example normalisePhone('+82 10-1234-5678') // { kind: 'mobile', e164: '+821012345678' }
 */
export function normalisePhone(v: Cell | undefined): PhoneInfo | undefined {
  const raw = cellText(v);
  if (raw === undefined) return undefined;
  const hit = cache.get(raw);
  if (hit) return hit;
  const info = classify(raw);
  if (cache.size > 200_000) cache.clear();
  // A copy as key: `raw` may be a slice of the whole decoded file, which the cache would keep alive.
  cache.set(copyText(raw), info);
  return info;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const copyText = (s: string): string => decoder.decode(encoder.encode(s));

function classify(raw: string): PhoneInfo {
  if (raw.includes('*')) return { kind: 'masked' };
  const plus = raw.startsWith('+');
  let d = raw.replace(/[^0-9]/g, '');
  if (d.length === 0) return { kind: 'invalid', reason: 'no digits' };
  if (d.startsWith('0082')) d = d.slice(2);
  const korean = d.startsWith('82') && (plus || d.length >= 11);
  if (korean) d = d.charCodeAt(2) === 48 ? d.slice(2) : `0${d.slice(2)}`;
  else if (plus) return classifyForeign(`+${d}`);
  else if (/^1[016789]\d{7,8}$/.test(d)) d = `0${d}`; // Excel drops the zero of numeric cells
  if (KR_MOBILE.test(d)) return { kind: 'mobile', e164: `+82${d.slice(1)}` };
  if (KR_VIRTUAL.test(d)) return { kind: 'virtual', e164: `+82${d.slice(1)}` };
  const p = parsePhoneNumberFromString(d, 'KR');
  if (!p?.isValid()) return { kind: 'invalid', reason: `not a phone number: ${raw}` };
  const type = p.getType();
  return type === 'MOBILE' ? { kind: 'mobile', e164: p.number } : { kind: 'landline', e164: p.number };
}

function classifyForeign(e164: string): PhoneInfo {
  const p = parsePhoneNumberFromString(e164);
  if (!p?.isValid()) return { kind: 'invalid', reason: `not a phone number: ${e164}` };
  const type = p.getType();
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE'
    ? { kind: 'mobile', e164: p.number }
    : { kind: 'landline', e164: p.number };
}
