import type { MessageKey, MessageParams } from '@dalbit/core/i18n/catalog';

export interface NumberRules {
  /** Smallest allowed value; defaults to 0 (counts, amounts and days are never negative). */
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly required?: boolean;
}

export type NumberCheck =
  | { readonly ok: true; readonly value: number | null }
  | { readonly ok: false; readonly key: MessageKey; readonly params?: MessageParams };

/** Parses what was typed ("1,000" allowed) and checks it; the failure names a catalog message. */
export function checkNumber(text: string, rules: NumberRules = {}): NumberCheck {
  const raw = text.replace(/,/g, '').trim();
  if (raw === '') return rules.required === false ? { ok: true, value: null } : { ok: false, key: 'form.required' };
  const n = Number(raw);
  if (!Number.isFinite(n)) return { ok: false, key: 'form.notNumber' };
  if (rules.integer && !Number.isInteger(n)) return { ok: false, key: 'form.notInteger' };
  const min = rules.min ?? 0;
  if (n < min)
    return min === 0 ? { ok: false, key: 'form.negative' } : { ok: false, key: 'form.belowMin', params: { min } };
  if (rules.max !== undefined && n > rules.max) return { ok: false, key: 'form.aboveMax', params: { max: rules.max } };
  return { ok: true, value: n };
}

/** A range whose two ends are valid numbers but the lower is above the upper. */
export function checkRange(from: number | null, to: number | null): NumberCheck {
  if (from !== null && to !== null && from > to)
    return { ok: false, key: 'form.inverted', params: { min: from, max: to } };
  return { ok: true, value: null };
}
