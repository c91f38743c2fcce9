import { ownValue } from '../../json/own-value.ts';

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML entities and Excel's `_xHHHH_` escapes (used for control characters such as CR). */
export function decodeXmlText(s: string): string {
  let out = s;
  if (out.includes('&')) {
    out = out.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
      if (e.startsWith('#x')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
      return ownValue(ENTITIES, e) ?? m;
    });
  }
  if (out.includes('_x'))
    out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return out;
}

export function encodeXmlText(s: string): string {
  return s.replace(/[<>&"]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&quot;'));
}

/** Value of attribute `name` in the tag spanning xml[from, to), or undefined. */
export function findAttr(xml: string, from: number, to: number, name: string): string | undefined {
  const key = ` ${name}="`;
  const at = xml.indexOf(key, from);
  if (at < 0 || at >= to) return undefined;
  const start = at + key.length;
  const end = xml.indexOf('"', start);
  return end < 0 || end > to ? undefined : xml.slice(start, end);
}

/**
 * Concatenated text of every `<t>` element in xml[from, to), skipping phonetic runs.
 * `phonetic` says whether the document has any (searching for absent runs costs a full scan).
 */
export function collectText(xml: string, from: number, to: number, prefix: string, phonetic = true): string {
  const open = `<${prefix}t`;
  const close = `</${prefix}t>`;
  const rph = `<${prefix}rPh`;
  let out = '';
  let p = from;
  for (;;) {
    const t = xml.indexOf(open, p);
    if (t < 0 || t >= to) break;
    // Bounded to [p, t): an unbounded indexOf rescans the rest of the sheet per cell (quadratic).
    const rel = phonetic ? xml.substring(p, t).indexOf(rph) : -1;
    const ph = rel < 0 ? -1 : p + rel;
    if (ph >= 0) {
      p = xml.indexOf(`</${prefix}rPh>`, ph) + 1;
      if (p <= 0) break;
      continue;
    }
    const next = xml.charCodeAt(t + open.length);
    const gt = xml.indexOf('>', t);
    if (next !== 62 && next !== 32) {
      p = gt + 1;
      continue;
    }
    if (xml.charCodeAt(gt - 1) === 47) {
      p = gt + 1;
      continue;
    }
    const end = xml.indexOf(close, gt);
    if (end < 0) break;
    out += xml.slice(gt + 1, end);
    p = end + close.length;
  }
  return decodeXmlText(out);
}
