import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Chunks, wholeCharsEnd } from '../../src/ingest/utf8-chunks.ts';

/** `bytes` cut at the given offsets. */
function cutAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let prev = 0;
  for (const p of points) {
    parts.push(bytes.subarray(prev, p));
    prev = p;
  }
  parts.push(bytes.subarray(prev));
  return parts;
}

describe('utf8Chunks', () => {
  it('gives the same text as one decode, wherever the chunks are cut (Korean, emoji, ASCII)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.array(fc.nat(64), { maxLength: 6 }), (s, cuts) => {
        const bytes = new TextEncoder().encode(s);
        expect([...utf8Chunks(cutAt(bytes, cuts))].join('')).toBe(new TextDecoder().decode(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a character split across chunks whole and drops only a leading BOM', () => {
    const bytes = new TextEncoder().encode('\uFEFF주문\uFEFF번호');
    const parts = [...utf8Chunks([bytes.subarray(0, 4), bytes.subarray(4, 8), bytes.subarray(8)])];
    expect(parts.join('')).toBe('주문\uFEFF번호');
  });

  it('replaces invalid bytes, a truncated last character included', () => {
    expect([...utf8Chunks([new Uint8Array([0x41, 0xff, 0x42]), new Uint8Array([0xea, 0xb0])])].join('')).toBe(
      'A\uFFFDB\uFFFD',
    );
  });

  it('finds where an incomplete last character starts', () => {
    const ga = new TextEncoder().encode('a가');
    expect(wholeCharsEnd(ga)).toBe(4);
    expect(wholeCharsEnd(ga.subarray(0, 3))).toBe(1);
    expect(wholeCharsEnd(ga.subarray(0, 2))).toBe(1);
    expect(wholeCharsEnd(ga.subarray(0, 1))).toBe(1);
  });
});
