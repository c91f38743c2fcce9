import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ByteSource } from '../../src/ingest/byte-source.ts';
import { parseCsv, parseCsvChunks } from '../../src/ingest/csv/parse-csv.ts';
import { ingestFile } from '../../src/ingest/ingest-file.ts';
import { openTable } from '../../src/ingest/read-table.ts';
import { writeXlsx } from '../../src/ingest/xlsx/write-xlsx.ts';

/** A source that hands out at most `step` bytes a read, so every chunk boundary gets crossed. */
function trickle(bytes: Uint8Array, step: number): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => bytes.slice(offset, Math.min(bytes.length, offset + Math.min(length, step))),
  };
}

const rowsOf = (input: Uint8Array | ByteSource, name: string) => {
  const t = openTable(input, name);
  return { rows: [...t.rows], problems: t.problems, encoding: t.encoding, format: t.format };
};

describe('streamed reading', () => {
  it('parses CSV split into any chunks exactly as the whole text', () => {
    const unit = fc.constantFrom('a', '가', ',', '"', '""', '\n', '\r\n', '\r', ' ', '1');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), fc.array(fc.nat(40), { maxLength: 6 }), (units, cuts) => {
        const text = units.join('');
        const at = [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i) => text.slice(from, at[i] ?? text.length));
        const whole: unknown[] = [];
        const split: unknown[] = [];
        const rowsWhole = [...parseCsv(text, { onIssue: (p) => whole.push(p) })];
        const rowsSplit = [...parseCsvChunks(chunks, { onIssue: (p) => split.push(p) })];
        expect(rowsSplit).toEqual(rowsWhole);
        expect(split).toEqual(whole);
      }),
    );
  });

  it('reads CSV in every encoding, JSON lines and XLSX the same through tiny reads as from memory', () => {
    const text = '주문번호,구매자명,메모\r\n1,김하나,"줄\r\n바꿈"\r\n2,이둘,똠방각하\r\n';
    const files: [string, Uint8Array][] = [
      ['a.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])],
      ['b.csv', new Uint8Array(iconv.encode(text, 'cp949'))],
      ['c.csv', new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')])],
      ['d.jsonl', new TextEncoder().encode('{"a":"가"}\n\n{"b":2}\r\n{"c":3}')],
      ['e.xlsx', writeXlsx([{ name: '주문', rows: [['주문번호', '구매자명'], [1, '김하나'], [], [2, '이둘']] }])],
    ];
    for (const [name, bytes] of files) {
      const whole = rowsOf(bytes, name);
      expect(whole.rows.length).toBeGreaterThan(1);
      for (const step of [1, 3, 7, 64]) expect(rowsOf(trickle(bytes, step), name)).toEqual(whole);
    }
  });

  it('tells CP949 when the Korean text starts after a long ASCII head', () => {
    const text = `${'id,memo\r\n'}${'1,abc\r\n'.repeat(20_000)}2,김하나\r\n`;
    const table = openTable(trickle(new Uint8Array(iconv.encode(text, 'cp949')), 1 << 20), 'x.csv');
    expect(table.encoding).toBe('cp949');
    expect([...table.rows].at(-1)?.cells).toEqual(['2', '김하나']);
  });

  it('keeps line numbers of row errors when the file is streamed', () => {
    const csv = '주문번호,주문일시,구매자명,연락처,상품코드,수량,결제금액\r\n'.concat(
      'A1,2024-03-01 10:00,김하나,010-1234-5678,P1,1,1000\r\n',
      'A2,어제,이둘,010-2222-3333,P2,1,2000\r\n',
    );
    const bytes = new TextEncoder().encode(csv);
    const opts = {
      fileName: 'o.csv',
      now: new Date('2024-04-01T00:00:00Z'),
      source: 'orders' as const,
      channel: 'cafe24',
    };
    const streamed = ingestFile(trickle(bytes, 5), opts);
    expect(streamed.issues).toEqual(ingestFile(bytes, opts).issues);
    expect(streamed.rejected.map((r) => r.line)).toEqual([3]);
  });
});
