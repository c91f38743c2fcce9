import { describe, expect, it } from 'vitest';
import { maskEmail, maskName, maskPhone, neutralizeCell, toDomesticPhone } from '../../src/segments/export/mask.ts';

describe('masking', () => {
  it('masks the way Korean services show personal data', () => {
    expect(maskPhone('+821012345678')).toBe('010-****-5678');
    expect(toDomesticPhone('+821012345678')).toBe('01012345678');
    expect(maskEmail('hong123@naver.com')).toBe('hong***@naver.com');
    expect(maskEmail('ab@x.kr')).toBe('a***@x.kr');
    expect(maskName('홍길동')).toBe('홍*동');
    expect(maskName('윤아')).toBe('윤*');
    expect(maskName('남궁민수')).toBe('남**수');
  });

  it('neutralises cells that a spreadsheet would run as formulas', () => {
    for (const bad of ['=1+1', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(neutralizeCell(bad)).toBe(`'${bad}`);
    expect(neutralizeCell('홍길동')).toBe('홍길동');
    expect(neutralizeCell('010-1234')).toBe('010-1234');
  });
});
