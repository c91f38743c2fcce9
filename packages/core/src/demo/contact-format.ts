import type { Rng } from '../math/random/prng.ts';

/** How people and systems write the same mobile number. */
export type PhoneStyle = 'dash' | 'plain' | 'intl' | 'dot' | 'space' | 'intl-plain';

/** `digits` is the 11-digit national form '01012345678'. */
export function typePhone(digits: string, style: PhoneStyle): string {
  const [a, b, c] = [digits.slice(0, 3), digits.slice(3, 7), digits.slice(7)];
  switch (style) {
    case 'dash':
      return `${a}-${b}-${c}`;
    case 'plain':
      return digits;
    case 'intl':
      return `+82 ${a.slice(1)}-${b}-${c}`;
    case 'dot':
      return `${a}.${b}.${c}`;
    case 'space':
      return `${a} ${b} ${c}`;
    case 'intl-plain':
      return `+82${digits.slice(1)}`;
  }
}

const TYPED_STYLES: readonly PhoneStyle[] = ['dash', 'plain', 'intl', 'dot', 'space', 'intl-plain'];
const TYPED_WEIGHTS: readonly number[] = [50, 25, 8, 7, 5, 5];

/** A style as typed by a person into a form. */
export function pickTypedPhoneStyle(rng: Rng): PhoneStyle {
  return TYPED_STYLES[rng.weighted(TYPED_WEIGHTS)] ?? 'dash';
}

/** A 050x virtual (safe) number, as marketplaces give instead of the real one. */
export function makeVirtualNumber(rng: Rng): string {
  return `050${rng.int(2, 8)}-${rng.int(1000, 9999)}-${rng.int(1000, 9999)}`;
}

/** E-mail as typed: mostly lower case, sometimes capitalised or shouted. */
export function typeEmail(rng: Rng, email: string): string {
  const r = rng.next();
  if (r < 0.06) return email.charAt(0).toUpperCase() + email.slice(1);
  if (r < 0.09) return email.toUpperCase();
  if (r < 0.11) return ` ${email}`;
  return email;
}

/** Buyer id masked the way Naver shows it: 'abc***'. */
export function maskId(id: string): string {
  return `${id.slice(0, Math.min(3, id.length))}***`;
}
