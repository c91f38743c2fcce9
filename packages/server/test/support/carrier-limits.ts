import iconv from 'iconv-lite';

/** A gateway serving thousands of messages a second encodes each distinct character once. */
const SEEN = new Map<string, Buffer>();
function encoded(ch: string): Buffer {
  let b = SEEN.get(ch);
  if (b === undefined) {
    b = iconv.encode(ch, 'cp949');
    SEEN.set(ch, b);
  }
  return b;
}

/**
 * The gateways' own view of carrier limits, written independently of Dalbit's validator:
 * the whole text is encoded to CP949 and compared character by character.
 */
export function carrierBytes(text: string): { bytes: number; bad: string[] } {
  const bad: string[] = [];
  let bytes = 0;
  for (const ch of text) {
    const b = encoded(ch);
    if (ch !== '?' && b.length === 1 && b[0] === 0x3f) {
      bad.push(ch);
      bytes += 2;
    } else bytes += b.length;
  }
  return { bytes, bad };
}

export const LIMITS = { sms: 90, lms: 2000, title: 40, alimtalk: 1000, brand: 1000 } as const;

export const KOREAN_MOBILE = /^01[016789]\d{7,8}$/;

/** `#{name}` variables of an approved template. */
export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(/#\{([^{}]+)\}/g)].map((m) => m[1] ?? ''))];
}

export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/#\{([^{}]+)\}/g, (w, k: string) => values[k] ?? w);
}
