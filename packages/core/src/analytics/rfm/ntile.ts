/**
 * SQL `NTILE(buckets)` over rows already in window order: with n rows, the first n mod buckets
 * buckets hold ⌈n / buckets⌉ rows and the rest ⌊n / buckets⌋. Returns the 1-based bucket of
 * every position.
 */
export function ntile(n: number, buckets: number): Int32Array {
  const out = new Int32Array(n);
  const small = Math.floor(n / buckets);
  const extra = n % buckets;
  let pos = 0;
  for (let b = 1; b <= buckets && pos < n; b++) {
    const size = small + (b <= extra ? 1 : 0);
    for (let i = 0; i < size; i++) out[pos++] = b;
  }
  return out;
}

/** Compares strings by Unicode code point (= byte order of UTF-8, SQL binary collation). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
