import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../src/ingest/csv/parse-csv.ts';

const rows = (text: string) => [...parseCsv(text)].map((r) => r.fields);

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with escaped quotes, commas and embedded newlines', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n1,,3';
    expect(rows(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\r\nlines'],
      ['1', '', '3'],
    ]);
  });

  it('reports the line each row starts on, counting newlines inside quotes', () => {
    const text = 'h1,h2\n"multi\nline\nvalue",2\nlast,row\n';
    expect([...parseCsv(text)].map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('accepts LF, CRLF and lone CR line ends and a missing final newline', () => {
    expect(rows('a,b\rc,d\r\ne,f')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
    expect(rows('a,b\n')).toEqual([['a', 'b']]);
    expect(rows('a,\n,b')).toEqual([
      ['a', ''],
      ['', 'b'],
    ]);
  });

  it('reports an unterminated quote instead of swallowing the file silently', () => {
    const problems: { line: number; message: string }[] = [];
    const got = [...parseCsv('a,b\n1,"open\n2,3\n', { onIssue: (p) => problems.push(p) })].map((r) => r.fields);
    expect(got).toEqual([['a', 'b']]);
    expect(problems).toEqual([{ line: 2, message: 'unterminated quoted field' }]);
  });

  it('detects tab and semicolon delimiters', () => {
    expect(detectDelimiter('주문번호\t상품명\n1\t티')).toBe('\t');
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('a,b\n1,2')).toBe(',');
  });

  it('round-trips any table written the RFC 4180 way', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '가', ',', '"', '\n', '\r\n', ' ', '1') });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        (table) => {
          const width = table[0]?.length ?? 2;
          const t = table.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          const text = t.map((r) => r.map((f) => `"${f.replaceAll('"', '""')}"`).join(',')).join('\r\n');
          expect(rows(text)).toEqual(t);
        },
      ),
    );
  });
});
