import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Days an unsubscribe link works after the message was sent (docs/decisions/0013-customer-ids-and-links.md). */
export const UNSUBSCRIBE_LINK_DAYS = 90;

/** Channels a link can unsubscribe from (the ones whose messages carry a link). */
export const LINK_CHANNELS = ['email', 'push'] as const;
export type LinkChannel = (typeof LINK_CHANNELS)[number];

export type UnsubscribeToken =
  | { readonly ok: true; readonly customerId: string; readonly channel: LinkChannel; readonly expiresAt: Date }
  | { readonly ok: false; readonly reason: 'malformed' | 'bad_signature' | 'expired' };

/** The link key, separated from the brand secret's other uses (coupon codes) by a fixed label. */
function linkKey(brandSecret: string): Uint8Array {
  return hmac(sha256, utf8ToBytes(brandSecret), utf8ToBytes('dalbit/unsubscribe-link/v1'));
}

/** 128 bits of HMAC-SHA256 over `<customer>.<channel>.<expiry>`, hex. */
function mac(brandSecret: string, payload: string): string {
  return bytesToHex(hmac(sha256, linkKey(brandSecret), utf8ToBytes(payload))).slice(0, 32);
}

/** Same length and content, in time that does not depend on where they differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * `<customer id>.<channel>.<expiry unix seconds>.<signature>` — URL-safe, no storage needed.
 * @example signUnsubscribeToken({ secret, customerId: 'c_…', channel: 'email', sentAt }) // 'c_….email.1771234567.9f…'
 */
export function signUnsubscribeToken(input: {
  secret: string;
  customerId: string;
  channel: LinkChannel;
  sentAt: Date;
}): string {
  const exp = Math.floor(input.sentAt.getTime() / 1000) + UNSUBSCRIBE_LINK_DAYS * 86_400;
  const payload = `${input.customerId}.${input.channel}.${exp}`;
  return `${payload}.${mac(input.secret, payload)}`;
}

/** Checks a token's shape, signature (constant time) and expiry, in that order. */
export function verifyUnsubscribeToken(token: string, opts: { secret: string; now: Date }): UnsubscribeToken {
  const m = /^(c_[0-9a-z]{8,40})\.([a-z]+)\.(\d{9,11})\.([0-9a-f]{32})$/.exec(token);
  const channel = m?.[2] as LinkChannel | undefined;
  if (!m || channel === undefined || !(LINK_CHANNELS as readonly string[]).includes(channel))
    return { ok: false, reason: 'malformed' };
  const payload = `${m[1]}.${channel}.${m[3]}`;
  if (!sameText(mac(opts.secret, payload), m[4] as string)) return { ok: false, reason: 'bad_signature' };
  const expiresAt = new Date(Number(m[3]) * 1000);
  if (opts.now.getTime() >= expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, customerId: m[1] as string, channel, expiresAt };
}
