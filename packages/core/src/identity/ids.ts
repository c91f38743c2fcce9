import { sha256Bytes, sha256Hex } from '../hash/sha256.ts';

const hex16 = (s: string): string => sha256Hex(s).slice(0, 16);

/**
 * Makes the id of a new customer. `firstRecordId` is the smallest source record of the cluster
 * that created it; `attempt` > 0 only after a clash with an id already taken.
 */
export type CustomerIdFactory = (firstRecordId: string, attempt: number) => string;

/** Lower-case Crockford base32 (no i, l, o, u): readable, case-insensitive, URL-safe. */
const BASE32 = '0123456789abcdefghjkmnpqrstvwxyz';

/** Characters after `c_`: 20 base32 characters carry 100 bits. */
export const CUSTOMER_ID_CHARS = 20;

/**
 * `c_` + 20 base32 characters from the first 100 bits of `bytes` (at least 13 bytes). Production
 * passes crypto-random bytes (docs/decisions/0013-customer-ids.md); nothing about the person can
 * be read back or guessed from the id.
 */
export function customerIdFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 13) throw new RangeError('a customer id needs at least 13 bytes');
  let out = 'c_';
  let acc = 0;
  let bits = 0;
  for (let i = 0; out.length < 2 + CUSTOMER_ID_CHARS; ) {
    if (bits < 5) {
      acc = ((acc << 8) | (bytes[i++] as number)) & 0xfff;
      bits += 8;
    }
    bits -= 5;
    out += BASE32[(acc >> bits) & 31];
  }
  return out;
}

/**
 * Reproducible ids for generated data (the demo, tests): derived from a seed and the record id,
 * so the same seed gives the same warehouse. Never used for real imports.
 */
export function seededCustomerIds(seed: string): CustomerIdFactory {
  return (recordId, attempt) => customerIdFromBytes(sha256Bytes(`${seed}\u0000${recordId}\u0000${attempt}`));
}

/**
 * The pre-0012 scheme (a truncated SHA-256 of the first record id): ids made this way stay valid in
 * existing warehouses; `planResolution` still uses it when no factory is given (pure tests).
 */
export function toCustomerId(firstRecordId: string, attempt = 0): string {
  return `c_${hex16(attempt === 0 ? firstRecordId : `${firstRecordId}#${attempt}`)}`;
}

export function toMergeId(winnerId: string, loserId: string): string {
  return `m_${hex16(`${winnerId}\u0000${loserId}`)}`;
}
