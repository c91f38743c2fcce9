const QUOTE = 34;
const LF = 10;
const CR = 13;

export interface CsvIssue {
  readonly line: number;
  readonly message: string;
}

export interface CsvOptions {
  delimiter?: string;
  onIssue?: (issue: CsvIssue) => void;
  /** Characters of the input consumed so far (the whole text for `parseCsv`). */
  cursor?: { position: number };
}

/**
 * RFC 4180 rows of decoded text, yielded one at a time with the line each row starts on:
 * quoted fields with `""` escapes and embedded newlines, CRLF/LF/CR line ends, a missing final
 * newline. Lenient like spreadsheet software: text after a closing quote is kept. An unterminated
 * quote is reported through `onIssue` and ends the input.
 * @example [...parseCsv('a,"b ""c"""\r\n1,2')] // [{ fields: ['a', 'b "c"'], line: 1 }, { fields: ['1', '2'], line: 2 }]
 */
export function parseCsv(text: string, opts: CsvOptions = {}): Generator<{ fields: string[]; line: number }> {
  return parseCsvChunks([text], opts);
}

/**
 * `parseCsv` over text arriving in chunks (a streamed file): a row is yielded once its line end
 * has arrived, so memory holds one chunk and one partial row, whatever the file's size.
 */
export function* parseCsvChunks(
  chunks: Iterable<string>,
  opts: CsvOptions = {},
): Generator<{ fields: string[]; line: number }> {
  const cursor = opts.cursor ?? { position: 0 };
  const delim = (opts.delimiter ?? ',').charCodeAt(0);
  const state = { pos: 0, line: 1 };
  let buf = '';
  let before = 0;
  for (const chunk of chunks) {
    before += state.pos;
    buf = state.pos === 0 ? buf + chunk : buf.slice(state.pos) + chunk;
    state.pos = 0;
    for (;;) {
      const row = readRow(buf, state, delim, false);
      if (row === undefined || row === 'unterminated') break;
      cursor.position = before + state.pos;
      yield row;
    }
  }
  while (state.pos < buf.length) {
    const row = readRow(buf, state, delim, true);
    if (row === 'unterminated') {
      opts.onIssue?.({ line: state.line, message: 'unterminated quoted field' });
      return;
    }
    if (!row) return;
    cursor.position = before + state.pos;
    yield row;
  }
}

type Row = { fields: string[]; line: number };

/**
 * The row at `state.pos`, advancing `state`; undefined when the text ends before the row does and
 * more may come (`final` false), 'unterminated' when a quote never closes in the final text.
 */
function readRow(
  text: string,
  state: { pos: number; line: number },
  delim: number,
  final: boolean,
): Row | 'unterminated' | undefined {
  const n = text.length;
  let i = state.pos;
  let line = state.line;
  if (i >= n) return undefined;
  const fields: string[] = [];
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      const q = readQuoted(text, i, delim, final);
      if (q === undefined) return final ? 'unterminated' : undefined;
      line += q.breaks;
      fields.push(q.value);
      i = q.end;
    } else {
      const j = scanPlain(text, i, delim);
      fields.push(text.slice(i, j));
      i = j;
    }
    if (i >= n && !final) return undefined;
    const c = text.charCodeAt(i);
    if (c === delim) {
      i++;
      continue;
    }
    if (c === CR) {
      if (i + 1 >= n && !final) return undefined;
      i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    } else if (c === LF) i++;
    break;
  }
  const row = { fields, line: state.line };
  state.pos = i;
  state.line = line + 1;
  return row;
}

/** A quoted field from its opening quote, with the text after the closing quote kept. */
function readQuoted(
  text: string,
  from: number,
  delim: number,
  final: boolean,
): { value: string; end: number; breaks: number } | undefined {
  const n = text.length;
  let value = '';
  let start = from + 1;
  let breaks = 0;
  let i: number;
  for (;;) {
    const q = text.indexOf('"', start);
    if (q < 0) return undefined;
    // A quote at the very end of a chunk may be the first of an escaped pair.
    if (q + 1 >= n && !final) return undefined;
    breaks += countLineBreaks(text, start, q);
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
  return { value, end: i, breaks };
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
