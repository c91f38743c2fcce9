import { describe, expect, it } from 'vitest';
import { MAX_LEAVES, MAX_SEQUENCES } from '../../src/segments/schema.ts';
import { countLeaves, parseSegment } from '../../src/segments/validate.ts';

const leaf = (i: number) => ({ kind: 'orders', measure: 'count', op: 'gte', value: i });
const seq = (i: number) => ({
  kind: 'sequence',
  did: { type: 'product_view', product: `P${i}` },
  thenNot: { source: 'order' },
});
const orOf = (items: unknown[]) => ({ kind: 'or', items });

describe('segment definition cost bound', () => {
  it('counts leaves and sequences through and/or/not', () => {
    expect(countLeaves(orOf([leaf(1), { kind: 'not', item: orOf([seq(1), leaf(2)]) }]))).toEqual({
      leaves: 3,
      sequences: 1,
    });
  });

  it(`accepts ${MAX_LEAVES} leaves and refuses one more, nested or flat, in Korean with the limit`, () => {
    const at = Array.from({ length: MAX_LEAVES }, (_, i) => leaf(i));
    expect(parseSegment({ version: 1, root: orOf([orOf(at.slice(0, 100)), orOf(at.slice(100))]) }).ok).toBe(true);
    const over = parseSegment({ version: 1, root: orOf([orOf(at.slice(0, 100)), orOf([...at.slice(100), leaf(0)])]) });
    expect(over).toEqual({
      ok: false,
      issues: [{ code: 'TOO_LARGE', path: ['root'], message: expect.stringContaining('201개 (최대 200개)') }],
    });
    const flat = parseSegment({ version: 1, root: orOf(Array.from({ length: 600 }, (_, i) => seq(i))) });
    expect(!flat.ok && flat.issues[0]?.code).toBe('TOO_LARGE');
  });

  it(`refuses more than ${MAX_SEQUENCES} sequence conditions`, () => {
    const r = parseSegment({ version: 1, root: orOf(Array.from({ length: MAX_SEQUENCES + 1 }, (_, i) => seq(i))) });
    expect(!r.ok && r.issues[0]?.message).toContain(`최대 ${MAX_SEQUENCES}개`);
    expect(parseSegment({ version: 1, root: orOf(Array.from({ length: MAX_SEQUENCES }, (_, i) => seq(i))) }).ok).toBe(
      true,
    );
  });
});
