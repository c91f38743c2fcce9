import { randomFillSync } from 'node:crypto';
import { type CustomerIdFactory, customerIdFromBytes } from '@dalbit/core/identity/ids';

const ID_BYTES = 13;
/** Crypto-random bytes drawn 4,096 ids at a time: one call per id cost more than resolving the record. */
const pool = new Uint8Array(ID_BYTES * 4096);
let next = pool.length;

/** Production customer ids: `c_` + 100 crypto-random bits in base32 (docs/decisions/0013-customer-ids.md). */
export const randomCustomerId: CustomerIdFactory = () => {
  if (next + ID_BYTES > pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  const bytes = pool.subarray(next, next + ID_BYTES);
  next += ID_BYTES;
  return customerIdFromBytes(bytes);
};
