/** One cell as a reader delivers it: CSV gives strings, XLSX also numbers and booleans. */
export type Cell = string | number | boolean | null;

/** Placeholders that exports write for "no value". */
const EMPTY_TOKENS = new Set(['', 'NA', 'N/A', 'n/a', 'NULL', 'null', '-', '#N/A']);

/** The trimmed text of a cell, or `undefined` when the cell holds no value. */
export function cellText(v: Cell | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const t = v.length > 0 && (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32) ? v.trim() : v;
  return EMPTY_TOKENS.has(t) ? undefined : t;
}

/** Result of a normaliser: a value, or the reason the input was refused. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (reason: string): Parsed<never> => ({ ok: false, reason });
