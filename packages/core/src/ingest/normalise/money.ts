import { type Cell, cellText, fail, ok, type Parsed } from './cell.ts';

/**
 * Parses an amount to integer KRW: "12,000원", "₩5,000", "5000.00", -1,000. A real fraction
 * ("5000.50") is refused, since KRW has no minor unit; `scale` multiplies first (e.g. 100 to
 * keep pence of a GBP file as integers).
 */
export function parseMoney(v: Cell | undefined, scale = 1): Parsed<number> | undefined {
  if (typeof v === 'number') return toInteger(v * scale, String(v));
  const t = cellText(v);
  if (t === undefined) return undefined;
  const s = t.replace(/[,\s원₩]|KRW/g, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return fail(`not an amount: ${t}`);
  return toInteger(Number(s) * scale, t);
}

function toInteger(n: number, shown: string): Parsed<number> {
  if (!Number.isFinite(n)) return fail(`not an amount: ${shown}`);
  const r = Math.round(n);
  if (Math.abs(n - r) > 1e-6) return fail(`fractional amount: ${shown}`);
  return ok(r === 0 ? 0 : r);
}

/** A quantity: a positive whole number. */
export function parseQuantity(v: Cell | undefined): Parsed<number> | undefined {
  const m = parseMoney(v);
  if (m === undefined || !m.ok) return m === undefined ? undefined : fail(`not a quantity: ${cellText(v) ?? ''}`);
  return m.value >= 1 ? m : fail(`quantity must be at least 1: ${m.value}`);
}
