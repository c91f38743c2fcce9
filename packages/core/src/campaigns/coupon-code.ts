/** No 0/O, 1/I/L: codes are read aloud and typed from SMS. */
export const COUPON_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * A coupon code from (secret-keyed) hash bytes: `length` symbols of the unambiguous alphabet,
 * optional prefix and a dash every 4 symbols (`BDAY-7Q2K-M9XA`).
 * @example couponCodeFromBytes(hmacBytes, { length: 8, prefix: 'BDAY' })
 */
export function couponCodeFromBytes(bytes: Uint8Array, opts: { length?: number; prefix?: string } = {}): string {
  const length = opts.length ?? 8;
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  const base = BigInt(COUPON_ALPHABET.length);
  let body = '';
  for (let i = 0; i < length; i++) {
    body += COUPON_ALPHABET[Number(n % base)];
    n /= base;
  }
  const groups = body.match(/.{1,4}/g) ?? [body];
  return [opts.prefix ?? '', ...groups].filter((p) => p !== '').join('-');
}

/** True when `code` uses only the alphabet (case-insensitive, dashes and prefix ignored). */
export function isWellFormedCouponCode(code: string): boolean {
  const body = code.toUpperCase().split('-');
  return body.length >= 2 && body.slice(1).every((g) => [...g].every((ch) => COUPON_ALPHABET.includes(ch)));
}
