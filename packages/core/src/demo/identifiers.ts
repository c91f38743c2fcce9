import { mix32 } from '../math/random/prng.ts';

/**
 * Unique, scrambled identifiers per person index: affine bijections modulo a power of ten, so
 * no two people ever share a phone, e-mail or member id (which would merge them for real).
 */
export interface IdentifierSpace {
  /** 8 subscriber digits of a 010 mobile number; the middle block starts 2–9 like real ones. */
  phoneDigits(index: number): string;
  /** A 7-digit number unique per (index, salt). */
  unique7(index: number, salt: number): string;
}

const PHONE_SPACE = 80_000_000; // 2000-0000 … 9999-9999

export function createIdentifierSpace(seed: number): IdentifierSpace {
  // A must be coprime with 2 and 5; the offsets depend on the seed.
  const coprime = (h: number, mod: number): number => {
    let a = (h % (mod - 1)) + 1;
    while (a % 2 === 0 || a % 5 === 0) a++;
    return a;
  };
  const pa = coprime(mix32(seed ^ 0x70686f6e) % 9_000_000, PHONE_SPACE);
  const pb = mix32(seed ^ 0x6f666673) % PHONE_SPACE;
  return {
    phoneDigits(index) {
      const v = (pa * index + pb) % PHONE_SPACE;
      const middle = 2000 + Math.floor(v / 10_000);
      return `${middle}${String(v % 10_000).padStart(4, '0')}`;
    },
    unique7(index, salt) {
      const a = coprime(mix32(seed ^ salt) % 900_000, 10_000_000);
      const b = mix32(seed ^ salt ^ 0x5bd1e995) % 10_000_000;
      return String((a * index + b) % 10_000_000).padStart(7, '0');
    },
  };
}
