import { type Cell, cellText, fail, ok, type Parsed } from './cell.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Trims and lower-cases; masked addresses (`hon***@…`) count as absent. */
export function normaliseEmail(v: Cell | undefined): Parsed<string> | undefined {
  const t = cellText(v);
  if (t === undefined || t.includes('*')) return undefined;
  const e = t.toLowerCase();
  return EMAIL.test(e) ? ok(e) : fail(`not an email address: ${t}`);
}
