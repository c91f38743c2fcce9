import { extractAlimtalkVariables, fillAlimtalkTemplate } from '@dalbit/core/templates/alimtalk-variables';
import { DEFAULT_CHANNEL_LIMITS } from '@dalbit/core/templates/channel-limits';
import { validateAlimtalk, validateMessage, validateSmsText } from '@dalbit/core/templates/validate-message';
import { describe, expect, it } from 'vitest';

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('SMS/LMS limits', () => {
  it('accepts 90 bytes and rejects 91 for SMS', () => {
    expect(validateSmsText({ kind: 'SMS', text: '가'.repeat(45) })).toEqual([]);
    const issues = validateSmsText({ kind: 'SMS', text: `${'가'.repeat(45)}a` });
    expect(issues).toMatchObject([{ code: 'SMS_TOO_LONG', limit: 90, actual: 91 }]);
  });

  it('allows 2,000 bytes for LMS with a title of at most 40 bytes', () => {
    expect(validateSmsText({ kind: 'LMS', text: '가'.repeat(1000), subject: '가'.repeat(20) })).toEqual([]);
    expect(codes(validateSmsText({ kind: 'LMS', text: '가'.repeat(1001), subject: '가'.repeat(21) }))).toEqual([
      'LMS_TOO_LONG',
      'TITLE_TOO_LONG',
    ]);
  });

  it('collects every non-EUC-KR character, not only the first', () => {
    const issues = validateSmsText({ kind: 'SMS', text: '🎁선물🎁' });
    expect(issues.map((i) => [i.code, i.index])).toEqual([
      ['NON_EUC_KR_CHAR', 0],
      ['NON_EUC_KR_CHAR', 4],
    ]);
  });
});

describe('AlimTalk', () => {
  const template = '#{name}님, 주문하신 상품이 발송되었습니다.\n송장번호: #{invoice}\n#{name}님 감사합니다.';

  it('extracts template variables once each, in order', () => {
    expect(extractAlimtalkVariables(template)).toEqual(['name', 'invoice']);
    expect(fillAlimtalkTemplate(template, { name: '김달빛', invoice: '1234' })).toContain('김달빛님, 주문하신');
  });

  it('requires the variables to match the approved template exactly', () => {
    expect(validateAlimtalk({ template, variables: { name: '김달빛', invoice: '1' } })).toEqual([]);
    expect(codes(validateAlimtalk({ template, variables: { name: '김달빛', coupon: 'X' } }))).toEqual([
      'ALIMTALK_VARIABLE_MISSING',
      'ALIMTALK_VARIABLE_UNKNOWN',
    ]);
  });

  it('counts 1,000 characters after substitution', () => {
    const t = '안내: #{body}';
    expect(validateAlimtalk({ template: t, variables: { body: 'x'.repeat(996) } })).toEqual([]);
    expect(validateAlimtalk({ template: t, variables: { body: 'x'.repeat(997) } })).toMatchObject([
      { code: 'ALIMTALK_TOO_LONG', actual: 1001 },
    ]);
  });

  it('validates the SMS fallback and flags unknown template codes', () => {
    const issues = validateMessage(
      {
        channel: 'kakao_alimtalk',
        purpose: 'info',
        to: '01012345678',
        senderKey: 'k',
        templateCode: 'SHIP01',
        variables: {},
        fallback: { kind: 'SMS', from: '0212345678', text: '배송 안내 😀' },
      },
      { alimtalkTemplates: {} },
    );
    expect(codes(issues)).toEqual(['ALIMTALK_MISMATCH', 'NON_EUC_KR_CHAR']);
    expect(issues[1]?.path).toBe('fallback.text');
  });
});

describe('brand message', () => {
  const msg = (n: number) =>
    ({
      channel: 'kakao_brand',
      purpose: 'ad',
      to: '01012345678',
      senderKey: 'k',
      targeting: 'I',
      text: '가'.repeat(n),
    }) as const;
  it('defaults to 1,000 characters and can be configured to 1,300', () => {
    expect(validateMessage(msg(1000))).toEqual([]);
    expect(codes(validateMessage(msg(1001)))).toEqual(['BRAND_TOO_LONG']);
    expect(validateMessage(msg(1300), { limits: { ...DEFAULT_CHANNEL_LIMITS, brandChars: 1300 } })).toEqual([]);
  });
});
