import iconv from 'iconv-lite';
import { type ByteSource, chunksOf, readAll } from './byte-source.ts';
import type { TextEncoding } from './decode-text.ts';

/** Bytes looked at to tell the encoding; an all-ASCII head makes the whole file be checked. */
const HEAD_BYTES = 1 << 16;

/**
 * The encoding of a text export read from a source, like `detectEncoding` on the whole file: a
 * BOM decides; otherwise the head is checked as UTF-8 (a sequence cut at the head's end is fine).
 * A head of plain ASCII says nothing, so then the whole file is checked, a chunk at a time.
 */
export function detectSourceEncoding(src: ByteSource): TextEncoding {
  const head = readAll(src, 0, HEAD_BYTES);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (!validUtf8([head], head.length === src.size)) return 'cp949';
  if (!isAscii(head) || head.length === src.size) return 'utf-8';
  return validUtf8(chunksOf(src), true) ? 'utf-8' : 'cp949';
}

function validUtf8(chunks: Iterable<Uint8Array>, complete: boolean): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    for (const c of chunks) decoder.decode(c, { stream: true });
    if (complete) decoder.decode();
    return true;
  } catch {
    return false;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) > 0x7f) return false;
  return true;
}

/**
 * The text of a source in the given encoding, a decoded chunk at a time, without the BOM.
 * `onRead` hears the byte offset reached (for progress). A UTF-8 file that turns out invalid past
 * its head throws, naming the byte offset.
 */
export function* decodeChunks(
  src: ByteSource,
  encoding: TextEncoding,
  onRead?: (offset: number) => void,
): Generator<string> {
  const from = encoding === 'utf-8-bom' ? 3 : encoding === 'utf-16le' ? 2 : 0;
  if (encoding === 'cp949') {
    const decoder = iconv.getDecoder('cp949');
    for (const c of chunksOf(src, from, src.size, onRead)) {
      const text = decoder.write(Buffer.from(c.buffer, c.byteOffset, c.byteLength));
      if (text !== '') yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
    return;
  }
  const label = encoding === 'utf-16le' ? 'utf-16le' : 'utf-8';
  const decoder = new TextDecoder(label, { fatal: label === 'utf-8', ignoreBOM: true });
  let at = from;
  try {
    for (const c of chunksOf(src, from, src.size, onRead)) {
      const text = decoder.decode(c, { stream: true });
      at += c.length;
      if (text !== '') yield text;
    }
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  } catch (e) {
    throw new Error(`the file is not valid UTF-8 near byte ${at} (mixed encodings?)`, { cause: e });
  }
}
