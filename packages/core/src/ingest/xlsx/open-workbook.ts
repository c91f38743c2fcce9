import { type ByteSource, toByteSource } from '../byte-source.ts';
import { utf8Chunks } from '../utf8-chunks.ts';
import { collectText, decodeXmlText, findAttr } from './xml-text.ts';
import { readZipDirectory, readZipEntry, streamZipEntry, type ZipEntry } from './zip-entries.ts';

export interface Workbook {
  readonly sheets: readonly { readonly name: string; readonly path: string }[];
  readonly sharedStrings: readonly string[];
  readonly date1904: boolean;
  /** The XML of a sheet, decoded on demand. */
  sheetXml(path: string): string;
  /** The XML of a sheet as decoded chunks, uncompressed as it is read (bounded memory). */
  sheetChunks(path: string, onRead?: (offset: number) => void): Iterable<string>;
}

export class XlsxError extends Error {
  override readonly name = 'XlsxError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const utf8 = new TextDecoder('utf-8');

/**
 * Opens an .xlsx through its zip directory: reads the workbook index and shared strings; sheets
 * are read on demand, whole (`sheetXml`) or streamed (`sheetChunks`).
 */
export function openWorkbook(input: Uint8Array | ByteSource): Workbook {
  const src = toByteSource(input);
  let entries: Map<string, ZipEntry>;
  try {
    entries = readZipDirectory(src);
  } catch (e) {
    throw new XlsxError('not a valid .xlsx file (zip archive unreadable)', { cause: e });
  }
  const text = (path: string): string | undefined => {
    const e = entries.get(path);
    if (!e) return undefined;
    try {
      return utf8.decode(readZipEntry(src, e));
    } catch (cause) {
      throw new XlsxError(`not a valid .xlsx file (${path} unreadable)`, { cause });
    }
  };
  const workbook = text('xl/workbook.xml');
  if (workbook === undefined) throw new XlsxError('not a valid .xlsx file (xl/workbook.xml missing)');
  const sheets = listSheets(workbook, parseRelationships(text('xl/_rels/workbook.xml.rels') ?? ''));
  if (sheets.length === 0 && entries.has('xl/worksheets/sheet1.xml'))
    sheets.push({ name: 'Sheet1', path: 'xl/worksheets/sheet1.xml' });
  const ss = text('xl/sharedStrings.xml');
  const entry = (path: string): ZipEntry => {
    const e = entries.get(path);
    if (e === undefined) throw new XlsxError(`sheet ${path} missing from the archive`);
    return e;
  };
  return {
    sheets,
    sharedStrings: ss === undefined ? [] : parseSharedStrings(ss),
    date1904: /date1904="(1|true)"/.test(workbook),
    sheetXml: (path) => text(entry(path).name) as string,
    sheetChunks: (path, onRead) => decodeUtf8Chunks(streamZipEntry(src, entry(path), onRead)),
  };
}

function* decodeUtf8Chunks(chunks: Iterable<Uint8Array>): Generator<string> {
  try {
    yield* utf8Chunks(chunks);
  } catch (cause) {
    throw new XlsxError('not a valid .xlsx file (worksheet unreadable)', { cause });
  }
}

function listSheets(workbook: string, rels: Map<string, string>): { name: string; path: string }[] {
  const sheets: { name: string; path: string }[] = [];
  for (const tag of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const t = tag[0];
    const name = decodeXmlText(findAttr(t, 0, t.length, 'name') ?? '');
    const rid = /\br:id="([^"]+)"|\bid="([^"]+)"/.exec(t);
    const target = rels.get(rid?.[1] ?? rid?.[2] ?? '');
    if (target) sheets.push({ name, path: target });
  }
  return sheets;
}

function parseRelationships(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const tag of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const t = tag[0];
    const id = findAttr(t, 0, t.length, 'Id');
    const target = findAttr(t, 0, t.length, 'Target');
    if (id && target) out.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  return out;
}

function parseSharedStrings(xml: string): string[] {
  const prefix = /<(\w+:)?sst\b/.exec(xml)?.[1] ?? '';
  const open = `<${prefix}si`;
  const close = `</${prefix}si>`;
  const out: string[] = [];
  const phonetic = xml.includes(`<${prefix}rPh`);
  let p = 0;
  for (;;) {
    const s = xml.indexOf(open, p);
    if (s < 0) break;
    const gt = xml.indexOf('>', s);
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push('');
      p = gt + 1;
      continue;
    }
    const e = xml.indexOf(close, gt);
    if (e < 0) break;
    out.push(collectText(xml, gt + 1, e, prefix, phonetic));
    p = e + close.length;
  }
  return out;
}
