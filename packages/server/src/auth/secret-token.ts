import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, URL-safe; `prefix` tells token kinds apart in logs (`dlb_` API tokens). */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** What the warehouse stores instead of the secret. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
