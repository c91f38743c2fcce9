import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from '../../src/ingest/decode-text.ts';

const TEXT = '판매일시,영수증번호,매장\n2024-03-01 14:05:00,R-1,강남점\n';

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(new TextEncoder().encode(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]);
    expect(decodeText(bytes)).toEqual({ text: TEXT, encoding: 'utf-8-bom' });
  });

  it('falls back to CP949 (Korean Excel default) when the bytes are not UTF-8', () => {
    const bytes = new Uint8Array(iconv.encode(TEXT, 'cp949'));
    expect(detectEncoding(bytes)).toBe('cp949');
    expect(decodeText(bytes).text).toBe(TEXT);
  });

  it('decodes CP949 extension syllables outside EUC-KR', () => {
    const text = '똠방각하,햏';
    expect(decodeText(new Uint8Array(iconv.encode(text, 'cp949'))).text).toBe(text);
  });
});
