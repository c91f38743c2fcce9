import { describe, expect, it } from 'vitest';
import { fillPlaceholders, translate } from '../../src/i18n/catalog.ts';
import { explainSegment } from '../../src/segments/explain.ts';
import type { Condition } from '../../src/segments/schema.ts';

describe('Korean particle placeholders', () => {
  it('picks 이 after a final consonant and 가 after a vowel', () => {
    expect(fillPlaceholders('{label|이/가} 있음', { label: '등급' })).toBe('등급이 있음');
    expect(fillPlaceholders('{label|이/가} 있음', { label: '나이' })).toBe('나이가 있음');
    expect(fillPlaceholders('{label|을/를} 봄', { label: '생일(음력 포함)' })).toBe('생일(음력 포함)을 봄');
  });
  it('leaves a placeholder without a value visible', () => {
    expect(fillPlaceholders('{label|이/가} 있음')).toBe('{label|이/가} 있음');
  });
  it('is used by the catalog texts', () => {
    expect(translate('ko', 'explain.op.exists', { label: '이메일' })).toBe('이메일이 있음');
    expect(translate('en', 'explain.op.exists', { label: 'an email' })).toBe('has an email');
  });
});

const read = (root: Condition): [string, string] => [
  explainSegment({ version: 1, root }, 'ko'),
  explainSegment({ version: 1, root }, 'en'),
];

describe('a definition read back from the catalog in both languages', () => {
  it('reads particles, endings and word order per language', () => {
    expect(read({ kind: 'all' })).toEqual(['전체 고객', 'Customers: everyone']);
    expect(read({ kind: 'anniversary', date: 'birthday', toDays: 7 })).toEqual([
      '생일(음력 포함)이 오늘부터 7일 안인 고객',
      'Customers: birthday (lunar-aware) within 7 days',
    ]);
    expect(
      read({
        kind: 'and',
        items: [
          { kind: 'segment', segmentId: 'vip' },
          { kind: 'not', item: { kind: 'reachable', channel: 'email', purpose: 'info' } },
        ],
      }),
    ).toEqual([
      "세그먼트 'vip' 소속이고 [이메일 정보성 메시지 수신 가능]에 해당하지 않는 고객",
      "Customers: member of segment 'vip' and not (reachable by email for informational messages)",
    ]);
  });
  it('reads order filters and event counts', () => {
    expect(
      read({
        kind: 'orders',
        measure: 'count',
        op: 'gte',
        value: 2,
        filter: { window: { kind: 'last_days', days: 30 }, discounted: false, coupon: true },
      }),
    ).toEqual([
      '최근 30일 정가 쿠폰 사용 구매 횟수가 2회 이상인 고객',
      'Customers: purchase count (in the last 30 days, full-price, with coupon) at least 2',
    ]);
    expect(read({ kind: 'events', type: 'add_to_cart', count: { min: 1, max: 4 } })).toEqual([
      '전체 기간 장바구니 담기 1~4회인 고객',
      'Customers: add to cart 1–4 times ever',
    ]);
  });
});
