import { type Cell, cellText, fail, ok, type Parsed } from './cell.ts';

const YES = new Set(['T', 'Y', 'YES', 'TRUE', '1', 'O', '수신', '수신동의', '동의', '예', '허용', 'V']);
const NO = new Set([
  'F',
  'N',
  'NO',
  'FALSE',
  '0',
  'X',
  '수신안함',
  '수신거부',
  '거부',
  '미동의',
  '비동의',
  '동의안함',
  '아니오',
  '미수신',
]);

/** Consent and yes/no columns: T/F, Y/N, 수신/수신안함/수신거부, 동의/미동의. Empty = unknown. */
export function parseFlag(v: Cell | undefined): Parsed<boolean> | undefined {
  if (typeof v === 'boolean') return ok(v);
  const t = cellText(v);
  if (t === undefined) return undefined;
  const k = t.replace(/\s+/g, '').toUpperCase();
  if (YES.has(k)) return ok(true);
  if (NO.has(k)) return ok(false);
  return fail(`not a yes/no value: ${t}`);
}

/**
 * Lunar-calendar flag. Cafe24 `solar_calendar` is T for solar, so a 양력/음력 column reads
 * the label, and a plain flag means "lunar" unless `solarWhenTrue` says the column asks "solar?".
 */
export function parseLunarFlag(v: Cell | undefined, solarWhenTrue: boolean): Parsed<boolean> | undefined {
  const t = cellText(v);
  if (t === undefined) return undefined;
  if (t === '음력' || t === '음') return ok(true);
  if (t === '양력' || t === '양') return ok(false);
  const f = parseFlag(t);
  if (f === undefined || !f.ok) return f;
  return ok(solarWhenTrue ? !f.value : f.value);
}

const GENDERS: Readonly<Record<string, 'F' | 'M'>> = {
  F: 'F',
  M: 'M',
  여: 'F',
  남: 'M',
  여자: 'F',
  남자: 'M',
  여성: 'F',
  남성: 'M',
  FEMALE: 'F',
  MALE: 'M',
  W: 'F',
};

export function parseGender(v: Cell | undefined): Parsed<'F' | 'M'> | undefined {
  const t = cellText(v);
  if (t === undefined) return undefined;
  const g = GENDERS[t.toUpperCase()];
  return g ? ok(g) : fail(`not a gender: ${t}`);
}
