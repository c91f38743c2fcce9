import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoFileSpec } from '@dalbit/core/demo/demo-files';
import { afterEach, describe, expect, it } from 'vitest';
import { PartedWriter } from '../../src/demo/parted-writer.ts';

const spec: DemoFileSpec = {
  id: 'products',
  source: 'products',
  base: 'items',
  format: 'csv',
  encoding: 'utf8',
  header: ['코드', '이름'],
  types: ['s', 's'],
  maxRowsPerFile: 3,
};
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('PartedWriter', () => {
  it('splits at maxRowsPerFile, repeating the header, and names a lone part without a number', () => {
    dir = mkdtempSync(join(tmpdir(), 'dalbit-parts-'));
    const w = new PartedWriter(dir, spec, new Date(2026, 10, 16));
    for (let i = 0; i < 7; i++) w.writeRow([`P${i}`, i === 0 ? '쉼표, "따옴표"' : `상품${i}`]);
    w.close();
    expect(w.parts.map((p) => [p.file, p.rows])).toEqual([
      ['items-001.csv', 3],
      ['items-002.csv', 3],
      ['items-003.csv', 1],
    ]);
    expect(readdirSync(dir).sort()).toEqual(['items-001.csv', 'items-002.csv', 'items-003.csv']);
    expect(readFileSync(join(dir, 'items-001.csv'), 'utf8')).toBe(
      '코드,이름\r\nP0,"쉼표, ""따옴표"""\r\nP1,상품1\r\nP2,상품2\r\n',
    );
    expect(readFileSync(join(dir, 'items-003.csv'), 'utf8')).toBe('코드,이름\r\nP6,상품6\r\n');

    const single = new PartedWriter(dir, { ...spec, base: 'one' }, new Date(2026, 10, 16));
    single.writeRow(['A', 'B']);
    single.close();
    expect(single.parts.map((p) => p.file)).toEqual(['one.csv']);
  });
});
