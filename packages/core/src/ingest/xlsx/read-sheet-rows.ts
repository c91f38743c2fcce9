import type { Cell } from '../normalise/cell.ts';
import { collectText, decodeXmlText } from './xml-text.ts';

/**
 * Scans worksheet XML for its rows without building a DOM: shared strings, inline strings,
 * formula strings, numbers, booleans; cells placed by their reference so gaps stay empty.
 * Yields each non-empty row with its 1-based sheet row number.
 */
export function* readSheetRows(
  xml: string,
  sharedStrings: readonly string[],
  cursor: { position: number } = { position: 0 },
): Generator<{ cells: Cell[]; line: number }> {
  const prefix = /<(\w+:)?sheetData\b/.exec(xml)?.[1] ?? '';
  const rowOpen = `<${prefix}row`;
  const rowClose = `</${prefix}row>`;
  const cellOpen = `<${prefix}c`;
  const cellClose = `</${prefix}c>`;
  const vOpen = `<${prefix}v>`;
  const vClose = `</${prefix}v>`;
  const start = xml.indexOf(`<${prefix}sheetData`);
  if (start < 0) return;
  let p = start;
  let rowNumber = 0;
  for (;;) {
    const r = xml.indexOf(rowOpen, p);
    if (r < 0) break;
    const tagEnd = xml.indexOf('>', r);
    const after = xml.charCodeAt(r + rowOpen.length);
    if (after !== 32 && after !== 62 && after !== 47) {
      p = tagEnd + 1;
      continue;
    }
    const declared = attrNumber(xml, r, tagEnd, ' r="');
    rowNumber = declared > 0 ? declared : rowNumber + 1;
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      p = tagEnd + 1;
      continue;
    }
    const end = xml.indexOf(rowClose, tagEnd);
    const cells: Cell[] = [];
    let col = 0;
    let q = tagEnd + 1;
    for (;;) {
      const c = xml.indexOf(cellOpen, q);
      if (c < 0 || c > end) break;
      const cEnd = xml.indexOf('>', c);
      const ch = xml.charCodeAt(c + cellOpen.length);
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
        const close = xml.indexOf(cellClose, cEnd);
        value = readValue(xml, cEnd + 1, close, type, sharedStrings, vOpen, vClose, prefix);
        q = close + cellClose.length;
      }
      while (cells.length < col) cells.push(null);
      cells[col] = value;
      col++;
    }
    p = end + rowClose.length;
    cursor.position = p;
    if (cells.length > 0) yield { cells, line: rowNumber };
  }
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
