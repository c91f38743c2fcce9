import { describe, expect, it } from 'vitest';
import { fittingMappings, mappingFit, type SavedMapping } from '../../src/ingest/saved-mapping.ts';

const saved = (
  id: string,
  columns: Record<string, string | null>,
  headers: string[],
  updatedAt = '2026-12-01T00:00:00Z',
): SavedMapping => ({
  id,
  name: id,
  source: 'pos_sales',
  mapping: { source: 'pos_sales', columns },
  headers,
  createdBy: 'user:a',
  createdAt: updatedAt,
  updatedBy: 'user:a',
  updatedAt,
});

describe('saved mappings against a file', () => {
  it('fits when every column it names is in the file (spaces aside), however many others there are', () => {
    const s = saved('pos', { phone: '고객 연락처 번호', order_id: '영수증번호', ignored: null }, [
      '판매일시',
      '영수증번호',
      '고객 연락처 번호',
    ]);
    expect(mappingFit(s, ['판매일시', '영수증번호', ' 고객  연락처 번호 ', '매장'])).toEqual({ fits: true, shared: 1 });
    expect(mappingFit(s, ['판매일시', '영수증번호', '휴대폰'])).toEqual({ fits: false, shared: 2 / 3 });
    expect(mappingFit(saved('empty', {}, []), ['a']).fits).toBe(false);
  });

  it('lists the fitting ones, most alike first', () => {
    const a = saved('a', { phone: '연락처' }, ['연락처', 'x', 'y', 'z']);
    const b = saved('b', { phone: '연락처' }, ['연락처', '금액']);
    const c = saved('c', { phone: '전화' }, ['전화']);
    expect(fittingMappings([a, b, c], ['연락처', '금액']).map((s) => s.id)).toEqual(['b', 'a']);
  });
});
