import { randomBytes } from 'node:crypto';
import { type CustomerIdFactory, customerIdFromBytes } from '@dalbit/core/identity/ids';

/** Production customer ids: `c_` + 100 crypto-random bits in base32 (docs/decisions/0013-customer-ids.md). */
export const randomCustomerId: CustomerIdFactory = () => customerIdFromBytes(randomBytes(13));
