import { describe, expect, it } from 'vitest';
import { formatPhone, toDomesticDigits } from '../../src/phone/phone.ts';
import { maskEmail, maskName, maskPhone } from '../../src/segments/export/mask.ts';

describe('masking', () => {
  it('masks the way Korean services show personal data', () => {
    expect(maskPhone('+821012345678')).toBe('010-****-5678');
    expect(toDomesticDigits('+821012345678')).toBe('01012345678');
    expect(maskPhone('+12025550123')).toBe('120-****-0123');
    expect(maskEmail('hong123@naver.com')).toBe('hong***@naver.com');
    expect(maskEmail('ab@x.kr')).toBe('a***@x.kr');
    expect(maskName('홍길동')).toBe('홍*동');
    expect(maskName('윤아')).toBe('윤*');
    expect(maskName('남궁민수')).toBe('남**수');
  });

  it('formats phones the way Korean staff read them (libphonenumber-js)', () => {
    expect(formatPhone('+821012345678')).toBe('010-1234-5678');
    expect(formatPhone('+82212345678')).toBe('02-1234-5678');
    expect(formatPhone('+8221234567')).toBe('02-123-4567');
    expect(formatPhone('+82315551234')).toBe('031-555-1234');
    expect(formatPhone('+825012345678')).toBe('050-1234-5678');
    expect(formatPhone('+12025550123')).toBe('(202) 555-0123');
  });
});
