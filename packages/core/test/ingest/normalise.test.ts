import { describe, expect, it } from 'vitest';
import { parseBirthday } from '../../src/ingest/normalise/birthday.ts';
import { normaliseChannel } from '../../src/ingest/normalise/channel.ts';
import { fromSerial, parseTimestamp } from '../../src/ingest/normalise/date.ts';
import { normaliseEmail } from '../../src/ingest/normalise/email.ts';
import { parseFlag, parseLunarFlag } from '../../src/ingest/normalise/flags.ts';
import { parseMoney } from '../../src/ingest/normalise/money.ts';
import { normalisePhone } from '../../src/ingest/normalise/phone.ts';
import { parseOrderStatus } from '../../src/ingest/normalise/status.ts';

const iso = (v: Parameters<typeof parseTimestamp>[0]) => {
  const r = parseTimestamp(v);
  return r?.ok ? r.value.toISOString() : r;
};

describe('phones', () => {
  it.each([
    ['010-1234-5678', '+821012345678'],
    ['010.1234.5678', '+821012345678'],
    ['010 1234 5678', '+821012345678'],
    ['+82 10-1234-5678', '+821012345678'],
    ['82-10-1234-5678', '+821012345678'],
    ['+82-010-1234-5678', '+821012345678'],
    ['011-234-5678', '+82112345678'],
  ])('%s is the mobile %s', (raw, e164) => {
    expect(normalisePhone(raw)).toEqual({ kind: 'mobile', e164 });
  });

  it('restores the zero Excel drops from a numeric cell', () => {
    expect(normalisePhone(1012345678)).toEqual({ kind: 'mobile', e164: '+821012345678' });
  });

  it('classifies 050x safe numbers as virtual and landlines as landline', () => {
    expect(normalisePhone('0504-1234-5678')).toEqual({ kind: 'virtual', e164: '+8250412345678' });
    expect(normalisePhone('02-123-4567')).toEqual({ kind: 'landline', e164: '+8221234567' });
    expect(normalisePhone('031-123-4567')).toEqual({ kind: 'landline', e164: '+82311234567' });
  });

  it('treats masked numbers as absent and garbage as invalid', () => {
    expect(normalisePhone('010-****-5678')).toEqual({ kind: 'masked' });
    expect(normalisePhone('없음')?.kind).toBe('invalid');
    expect(normalisePhone('12')?.kind).toBe('invalid');
    expect(normalisePhone('')).toBeUndefined();
  });
});

describe('money', () => {
  it.each([
    ['12,000원', 12000],
    ['"5000.00"'.replaceAll('"', ''), 5000],
    ['₩ 3,500', 3500],
    ['-1,000', -1000],
    [7000, 7000],
  ])('%s → %i', (raw, n) => {
    expect(parseMoney(raw)).toEqual({ ok: true, value: n });
  });

  it('refuses real fractions and text', () => {
    expect(parseMoney('5000.50')).toEqual({ ok: false, reason: 'fractional amount: 5000.50' });
    expect(parseMoney(12.5)?.ok).toBe(false);
    expect(parseMoney('무료')?.ok).toBe(false);
  });

  it('scales minor units when asked', () => {
    expect(parseMoney('2.95', 100)).toEqual({ ok: true, value: 295 });
  });
});

describe('timestamps (Korean wall-clock → UTC)', () => {
  it.each([
    ['2024-03-01 14:05:00', '2024-03-01T05:05:00.000Z'],
    ['2024-03-01T14:05:00', '2024-03-01T05:05:00.000Z'],
    ['2024.03.01', '2024-02-29T15:00:00.000Z'],
    ['2024. 3. 1.', null],
    ['2024/3/1 오후 2:05', '2024-03-01T05:05:00.000Z'],
    ['2024-03-01 오전 12:30:00', '2024-02-29T15:30:00.000Z'],
    ['20240301', '2024-02-29T15:00:00.000Z'],
    ['20240301140500', '2024-03-01T05:05:00.000Z'],
    ['2024-03-01T05:05:00Z', '2024-03-01T05:05:00.000Z'],
    ['2024-03-01T14:05:00+09:00', '2024-03-01T05:05:00.000Z'],
  ])('%s', (raw, want) => {
    if (want === null) expect(parseTimestamp(raw)?.ok).toBe(false);
    else expect(iso(raw)).toBe(want);
  });

  it('reads Excel serials as KST (45292 is 2024-01-01 in the 1900 system)', () => {
    expect(iso(45292)).toBe('2023-12-31T15:00:00.000Z');
    expect(iso(45352 + 14 / 24 + 5 / 1440)).toBe('2024-03-01T05:05:00.000Z');
    const d1904 = fromSerial(45292 - 1462, 540, true);
    expect(d1904.ok && d1904.value.toISOString()).toBe('2023-12-31T15:00:00.000Z');
  });

  it('refuses impossible dates', () => {
    expect(parseTimestamp('2023-02-29')?.ok).toBe(false);
    expect(parseTimestamp('2024-13-01')?.ok).toBe(false);
    expect(parseTimestamp('어제')?.ok).toBe(false);
  });
});

describe('statuses, flags, birthdays, channels, e-mails', () => {
  it('maps Cafe24 codes and Korean labels', () => {
    const s = (v: string) => {
      const r = parseOrderStatus(v);
      return r.ok ? r.value : r.reason;
    };
    expect(['N00', 'N10', 'N40', 'N50', 'C00', 'C40', 'R12', 'E34'].map(s)).toEqual([
      'paid',
      'paid',
      'paid',
      'paid',
      'cancelled',
      'cancelled',
      'returned',
      'exchanged',
    ]);
    expect(['입금전', '결제완료', '배송준비중', '배송중', '배송완료', '구매확정'].map(s)).toEqual(
      Array(6).fill('paid'),
    );
    expect(['취소', '취소완료', '반품', '반품완료', '교환', '교환완료'].map(s)).toEqual([
      'cancelled',
      'cancelled',
      'returned',
      'returned',
      'exchanged',
      'exchanged',
    ]);
    expect(s('N99')).toBe('unknown Cafe24 status code: N99');
    expect(s('보류')).toBe('unknown order status: 보류');
  });

  it('reads consent flags in every spelling', () => {
    const f = (v: string) => parseFlag(v);
    for (const y of ['T', 'Y', '수신', '동의', 'true']) expect(f(y)).toEqual({ ok: true, value: true });
    for (const n of ['F', 'N', '수신안함', '수신거부', '미동의']) expect(f(n)).toEqual({ ok: true, value: false });
    expect(f('')).toBeUndefined();
    expect(f('아마')?.ok).toBe(false);
  });

  it('reads the lunar flag: Cafe24 solar_calendar T = solar, 음력여부 Y = lunar', () => {
    expect(parseLunarFlag('T', true)).toEqual({ ok: true, value: false });
    expect(parseLunarFlag('F', true)).toEqual({ ok: true, value: true });
    expect(parseLunarFlag('음력', true)).toEqual({ ok: true, value: true });
    expect(parseLunarFlag('Y', false)).toEqual({ ok: true, value: true });
  });

  it('parses birthdays with and without a year', () => {
    expect(parseBirthday('1990-05-17')).toEqual({ ok: true, value: { md: '05-17', year: 1990 } });
    expect(parseBirthday('19900517')).toEqual({ ok: true, value: { md: '05-17', year: 1990 } });
    expect(parseBirthday('05-17')).toEqual({ ok: true, value: { md: '05-17' } });
    expect(parseBirthday('5월 17일')).toEqual({ ok: true, value: { md: '05-17' } });
    expect(parseBirthday('02-30')).toEqual({ ok: true, value: { md: '02-30' } });
    expect(parseBirthday('13-01')?.ok).toBe(false);
  });

  it('normalises e-mails and channels', () => {
    expect(normaliseEmail('  Hong@Example.COM ')).toEqual({ ok: true, value: 'hong@example.com' });
    expect(normaliseEmail('hon***@naver.com')).toBeUndefined();
    expect(normaliseEmail('not-an-email')?.ok).toBe(false);
    expect(['스마트스토어', '무신사', '29CM', '쿠팡', '팝업스토어', 'Zigzag'].map(normaliseChannel)).toEqual([
      'smartstore',
      'musinsa',
      '29cm',
      'coupang',
      'popup',
      'zigzag',
    ]);
  });
});
