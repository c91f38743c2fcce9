import { createHash } from 'node:crypto';
import { assignArm, hashToUnit } from '@dalbit/core/experiments/assign-arm';
import { checkSampleRatio } from '@dalbit/core/experiments/sample-ratio';
import { sha256Hex } from '@dalbit/core/hash/sha256';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const ARMS = [
  { name: 'control', weight: 0.1 },
  { name: 'A', weight: 0.45 },
  { name: 'B', weight: 0.45 },
];

describe('SHA-256', () => {
  it('matches FIPS 180-4 test vectors', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });
  it('matches node:crypto on arbitrary text (independent implementation)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('assignArm', () => {
  it('hashToUnit is the first 52 bits of sha256(salt:id) / 2^52', () => {
    const hex = createHash('sha256').update('spring-sale:c-00042').digest('hex');
    expect(hashToUnit('spring-sale', 'c-00042')).toBe(Number.parseInt(hex.slice(0, 13), 16) / 2 ** 52);
  });

  it('splits 100,000 customers in the planned 10/45/45 ratio (no SRM) and is stable', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `c-${i}`);
    const first = ids.map((customerId) => assignArm({ salt: 'cmp-1', customerId, arms: ARMS }));
    const counts: Record<string, number> = {};
    for (const a of first) counts[a] = (counts[a] ?? 0) + 1;
    expect(checkSampleRatio({ observed: counts, weights: ARMS }).mismatch).toBe(false);
    expect(Math.abs((counts.control ?? 0) / 100_000 - 0.1)).toBeLessThan(0.005);
    // A segment refresh: new customers join, some leave; everyone who stays keeps their arm.
    const refreshed = [...ids.slice(5_000), ...Array.from({ length: 20_000 }, (_, i) => `new-${i}`)];
    const again = new Map(
      refreshed.map((customerId) => [customerId, assignArm({ salt: 'cmp-1', customerId, arms: ARMS })]),
    );
    expect(ids.slice(5_000).every((id, i) => again.get(id) === first[i + 5_000])).toBe(true);
  });

  it('a different salt gives an independent split', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `c-${i}`);
    const same = ids.filter(
      (customerId) =>
        assignArm({ salt: 'x', customerId, arms: ARMS }) === assignArm({ salt: 'y', customerId, arms: ARMS }),
    ).length;
    // Independent draws agree with probability 0.1² + 0.45² + 0.45² = 0.415.
    expect(Math.abs(same / ids.length - 0.415)).toBeLessThan(0.015);
  });

  it('rejects weights that cannot define a split', () => {
    expect(() => assignArm({ salt: 's', customerId: 'c', arms: [] })).toThrow(RangeError);
    expect(() =>
      assignArm({
        salt: 's',
        customerId: 'c',
        arms: [
          { name: 'a', weight: -1 },
          { name: 'b', weight: 2 },
        ],
      }),
    ).toThrow(RangeError);
  });
});
