import { measureEucKr, truncateToBytes } from '@dalbit/core/templates/euc-kr';
import { describe, expect, it } from 'vitest';

describe('measureEucKr', () => {
  it('counts ASCII as 1 byte and Hangul as 2 (45 Hangul fill an SMS)', () => {
    expect(measureEucKr('abc').bytes).toBe(3);
    expect(measureEucKr('가'.repeat(45)).bytes).toBe(90);
    expect(measureEucKr('안녕하세요 Dalbit!\n').bytes).toBe(5 * 2 + 1 + 7 + 1);
  });

  it('flags emoji and symbols outside EUC-KR with their position', () => {
    const m = measureEucKr('생일 축하해요🎉 ©');
    expect(m.unencodable).toEqual([
      { index: 7, char: '🎉' },
      { index: 10, char: '©' },
    ]);
  });

  it('accepts CP949-only syllables by default and flags them in strict EUC-KR mode', () => {
    expect(measureEucKr('똠얌꿍 햏 뷁').unencodable).toEqual([]);
    expect(measureEucKr('똠얌꿍 햏 뷁', 'euc-kr').unencodable.map((u) => u.char)).toEqual(['똠', '햏', '뷁']);
    expect(measureEucKr('가나다 ♥ …', 'euc-kr').unencodable).toEqual([]);
  });

  it('keeps a literal question mark valid', () => {
    expect(measureEucKr('왜?').unencodable).toEqual([]);
  });

  it('truncates on character boundaries', () => {
    expect(truncateToBytes('가나다', 5)).toBe('가나');
    expect(truncateToBytes('ab가', 3)).toBe('ab');
  });
});
