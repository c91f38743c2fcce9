import type { Cell } from '../normalise/cell.ts';
import { collectText, decodeXmlText } from './xml-text.ts';

interface Tags {
  readonly prefix: string;
  readonly rowOpen: string;
  readonly rowClose: string;
  readonly cellOpen: string;
  readonly cellClose: string;
  readonly vOpen: string;
  readonly vClose: string;
}

function tagsOf(prefix: string): Tags {
  return {
    prefix,
    rowOpen: `<${prefix}row`,
    rowClose: `</${prefix}row>`,
    cellOpen: `<${prefix}c`,
    cellClose: `</${prefix}c>`,
    vOpen: `<${prefix}v>`,
    vClose: `</${prefix}v>`,
  };
}

type SheetRow = { cells: Cell[]; line: number };

/**
 * Scans worksheet XML for its rows without building a DOM: shared strings, inline strings,
 * formula strings, numbers, booleans; cells placed by their reference so gaps stay empty.
 * Yields each non-empty row with its 1-based sheet row number.
 */
export function readSheetRows(
  xml: string,
  sharedStrings: readonly string[],
  cursor: { position: number } = { position: 0 },
): Generator<SheetRow> {
  return readSheetRowChunks([xml], sharedStrings, cursor);
}

/**
 * `readSheetRows` over worksheet XML arriving in chunks (a streamed zip member): the rows of each
 * chunk up to its last complete `</row>` are read, the rest waits for the next chunk.
 */
export function* readSheetRowChunks(
  chunks: Iterable<string>,
  sharedStrings: readonly string[],
  cursor: { position: number } = { position: 0 },
): Generator<SheetRow> {
  let tags: Tags | undefined;
  let buf = '';
  let before = 0;
  const state = { rowNumber: 0 };
  for (const chunk of chunks) {
    buf += chunk;
    if (tags === undefined) {
      const m = /<(\w+:)?sheetData\b/.exec(buf);
      if (!m) continue;
      tags = tagsOf(m[1] ?? '');
      before += m.index;
      buf = buf.slice(m.index);
    }
    const cut = buf.lastIndexOf(tags.rowClose);
    if (cut < 0) continue;
    const limit = cut + tags.rowClose.length;
    for (const row of scanRows(buf, limit, tags, sharedStrings, state)) {
      cursor.position = before + limit;
      yield row;
    }
    before += limit;
    buf = buf.slice(limit);
  }
  if (tags === undefined) return;
  for (const row of scanRows(buf, buf.length, tags, sharedStrings, state)) yield row;
  cursor.position = before + buf.length;
}

/** The rows of `xml` before `limit`, each complete; `state.rowNumber` carries over for rows without `r`. */
function* scanRows(
  xml: string,
  limit: number,
  t: Tags,
  sharedStrings: readonly string[],
  state: { rowNumber: number },
): Generator<SheetRow> {
  let p = 0;
  for (;;) {
    const r = xml.indexOf(t.rowOpen, p);
    if (r < 0 || r >= limit) break;
    const tagEnd = xml.indexOf('>', r);
    const after = xml.charCodeAt(r + t.rowOpen.length);
    if (after !== 32 && after !== 62 && after !== 47) {
      p = tagEnd + 1;
      continue;
    }
    const declared = attrNumber(xml, r, tagEnd, ' r="');
    state.rowNumber = declared > 0 ? declared : state.rowNumber + 1;
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      p = tagEnd + 1;
      continue;
    }
    const end = xml.indexOf(t.rowClose, tagEnd);
    const cells = readCells(xml, tagEnd + 1, end, t, sharedStrings);
    p = end + t.rowClose.length;
    if (cells.length > 0) yield { cells, line: state.rowNumber };
  }
}

function readCells(xml: string, from: number, end: number, t: Tags, sharedStrings: readonly string[]): Cell[] {
  const cells: Cell[] = [];
  let col = 0;
  let q = from;
  for (;;) {
    const c = xml.indexOf(t.cellOpen, q);
    if (c < 0 || c > end) break;
    const cEnd = xml.indexOf('>', c);
    const ch = xml.charCodeAt(c + t.cellOpen.length);
    if (ch !== 32 && ch !== 62 && ch !== 47) {
      q = cEnd + 1;
      continue;
    }
    const ref = attrColumn(xml, c, cEnd);
    col = ref >= 0 ? ref : col;
    const type = attrType(xml, c, cEnd);
    let value: Cell = null;
    if (xml.charCodeAt(cEnd - 1) === 47) {
      q = cEnd + 1;
    } else {
      const close = xml.indexOf(t.cellClose, cEnd);
      value = readValue(xml, cEnd + 1, close, type, sharedStrings, t.vOpen, t.vClose, t.prefix);
      q = close + t.cellClose.length;
    }
    while (cells.length < col) cells.push(null);
    cells[col] = value;
    col++;
  }
  return cells;
}

function readValue(
  xml: string,
  from: number,
  to: number,
  type: string,
  shared: readonly string[],
  vOpen: string,
  vClose: string,
  prefix: string,
): Cell {
  if (type === 'inlineStr') return collectText(xml, from, to, prefix);
  const v = xml.indexOf(vOpen, from);
  if (v < 0 || v > to) return null;
  const vEnd = xml.indexOf(vClose, v);
  const raw = xml.slice(v + vOpen.length, vEnd);
  switch (type) {
    case 's':
      return shared[Number(raw)] ?? null;
    case 'b':
      return raw === '1';
    case 'e':
      return null;
    case 'str':
    case 'd':
      return decodeXmlText(raw);
    default: {
      const n = Number(raw);
      return Number.isFinite(n) ? n : decodeXmlText(raw);
    }
  }
}

function attrNumber(xml: string, from: number, to: number, key: string): number {
  const at = xml.indexOf(key, from);
  if (at < 0 || at > to) return 0;
  let n = 0;
  for (let i = at + key.length; ; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return n;
    n = n * 10 + d;
  }
}

/** Zero-based column of the cell's `r="AB12"` reference, or -1 when absent. */
function attrColumn(xml: string, from: number, to: number): number {
  const at = xml.indexOf(' r="', from);
  if (at < 0 || at > to) return -1;
  let n = 0;
  for (let i = at + 4; ; i++) {
    const c = xml.charCodeAt(i);
    if (c < 65 || c > 90) return n - 1;
    n = n * 26 + (c - 64);
  }
}

function attrType(xml: string, from: number, to: number): string {
  const at = xml.indexOf(' t="', from);
  if (at < 0 || at > to) return 'n';
  return xml.slice(at + 4, xml.indexOf('"', at + 4));
}
