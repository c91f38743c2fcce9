import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'cp949';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Detects the encoding of an exported text file: UTF-8 with or without BOM, UTF-16LE with BOM,
 * otherwise CP949 (the superset of EUC-KR that Korean Excel writes by default).
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return isUtf8(bytes) ? 'utf-8' : 'cp949';
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Decodes a whole file to text, without its BOM. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const encoding = detectEncoding(bytes);
  switch (encoding) {
    case 'utf-8':
      return { text: utf8.decode(bytes), encoding };
    case 'utf-8-bom':
      return { text: utf8.decode(bytes.subarray(3)), encoding };
    case 'utf-16le':
      return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding };
    case 'cp949':
      return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp949'), encoding };
  }
}
