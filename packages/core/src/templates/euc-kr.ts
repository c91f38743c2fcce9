import iconv from 'iconv-lite';

/** A character the carrier cannot encode (emoji, rare Hanja, CP949-only Hangul in strict mode). */
export interface UnencodableChar {
  /** UTF-16 index in the string (what editors show as column - 1). */
  readonly index: number;
  readonly char: string;
}

export interface EucKrMeasure {
  /** Bytes the text takes in the carrier's encoding (unencodable characters counted as 2). */
  readonly bytes: number;
  readonly unencodable: readonly UnencodableChar[];
}

/**
 * `cp949`: what Korean carriers accept in practice (all 11,172 Hangul syllables).
 * `euc-kr`: strict KS X 1001 (2,350 syllables) for gateways that reject the CP949 extension.
 */
export type SmsEncoding = 'cp949' | 'euc-kr';

/** CP949 bytes of one character, encoded once per distinct character (a campaign renders the same few hundred thousands of times). */
const CP949 = new Map<string, Uint8Array>();
const ASCII = Array.from({ length: 128 }, (_, c) => Uint8Array.of(c));

function cp949Of(char: string): Uint8Array {
  const code = char.charCodeAt(0);
  if (code < 128) return ASCII[code] as Uint8Array;
  let bytes = CP949.get(char);
  if (bytes === undefined) {
    bytes = Uint8Array.from(iconv.encode(char, 'cp949'));
    if (CP949.size < 65_536) CP949.set(char, bytes);
  }
  return bytes;
}

/**
 * Measures text the way SMS gateways do: EUC-KR/CP949 bytes (ASCII 1, Hangul 2).
 * iconv-lite writes `?` for characters it cannot map; those are reported with their position.
 */
export function measureEucKr(text: string, encoding: SmsEncoding = 'cp949'): EucKrMeasure {
  const unencodable: UnencodableChar[] = [];
  let bytes = 0;
  let index = 0;
  for (const char of text) {
    const encoded = cp949Of(char);
    const lost = char !== '?' && encoded.length === 1 && encoded[0] === 0x3f;
    const outsideStrict =
      encoding === 'euc-kr' && encoded.length === 2 && ((encoded[0] ?? 0) < 0xa1 || (encoded[1] ?? 0) < 0xa1);
    if (lost || outsideStrict) {
      unencodable.push({ index, char });
      bytes += 2;
    } else bytes += encoded.length;
    index += char.length;
  }
  return { bytes, unencodable };
}

/** Longest prefix of `text` that fits in `maxBytes` (for previews; sending never truncates). */
export function truncateToBytes(text: string, maxBytes: number): string {
  let used = 0;
  let out = '';
  for (const char of text) {
    const n = measureEucKr(char).bytes;
    if (used + n > maxBytes) break;
    used += n;
    out += char;
  }
  return out;
}
