const QUOTE = 34;
const LF = 10;
const CR = 13;

export interface CsvIssue {
  readonly line: number;
  readonly message: string;
}

/**
 * RFC 4180 rows of decoded text, yielded one at a time with the line each row starts on:
 * quoted fields with `""` escapes and embedded newlines, CRLF/LF/CR line ends, a missing final
 * newline. Lenient like spreadsheet software: text after a closing quote is kept. An unterminated
 * quote is reported through `onIssue` and ends the input.
 * @example [...parseCsv('a,"b ""c"""\r\n1,2')] // [{ fields: ['a', 'b "c"'], line: 1 }, { fields: ['1', '2'], line: 2 }]
 */
export function* parseCsv(
  text: string,
  opts: { delimiter?: string; onIssue?: (issue: CsvIssue) => void; cursor?: { position: number } } = {},
): Generator<{ fields: string[]; line: number }> {
  const cursor = opts.cursor ?? { position: 0 };
  const delim = (opts.delimiter ?? ',').charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const rowLine = line;
    const fields: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        let value = '';
        let start = i + 1;
        for (;;) {
          const q = text.indexOf('"', start);
          if (q < 0) {
            opts.onIssue?.({ line: rowLine, message: 'unterminated quoted field' });
            return;
          }
          line += countLineBreaks(text, start, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(start, q + 1);
            start = q + 2;
            continue;
          }
          value += text.slice(start, q);
          i = q + 1;
          break;
        }
        if (i < n) {
          const c = text.charCodeAt(i);
          if (c !== delim && c !== LF && c !== CR) {
            const j = scanPlain(text, i, delim);
            value += text.slice(i, j);
            i = j;
          }
        }
        fields.push(value);
      } else {
        const j = scanPlain(text, i, delim);
        fields.push(text.slice(i, j));
        i = j;
      }
      const c = text.charCodeAt(i);
      if (c === delim) {
        i++;
        continue;
      }
      if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
      else if (c === LF) i++;
      line++;
      break;
    }
    cursor.position = i;
    yield { fields, line: rowLine };
  }
}

function scanPlain(text: string, from: number, delim: number): number {
  let j = from;
  const n = text.length;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === delim || c === LF || c === CR) break;
    j++;
  }
  return j;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let k = 0;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === LF) k++;
    else if (c === CR && text.charCodeAt(j + 1) !== LF) k++;
  }
  return k;
}

/** Picks the delimiter of a delimited text file from its first lines: tab, semicolon or comma. */
export function detectDelimiter(text: string): string {
  const first = text.slice(0, 8192);
  const count = (ch: string) => first.split(ch).length - 1;
  const tabs = count('\t');
  const commas = count(',');
  if (tabs > commas) return '\t';
  return count(';') > commas ? ';' : ',';
}
