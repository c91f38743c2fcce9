/** Nesting allowed in a JSON body: segment definitions need about 30, nothing legitimate needs more than 64. */
export const MAX_JSON_DEPTH = 64;

export type BoundedJson =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: 'empty' | 'too_deep' | 'syntax'; readonly message: string };

/**
 * The deepest nesting of objects and arrays in a JSON text, counted without recursion and
 * stopping as soon as it passes `limit` (strings are skipped, escapes included).
 * @example jsonDepth('{"a":[1,{"b":2}]}') // 3
 */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
      continue;
    }
    if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) depth--;
  }
  return max;
}

/**
 * `JSON.parse` that refuses nesting deeper than `maxDepth` before parsing, so no later recursive
 * walk (validation, `JSON.stringify`, SQL rendering) can overflow the stack on hostile input.
 * @example parseBoundedJson('[[[]]]', 2) // { ok: false, reason: 'too_deep', … }
 */
export function parseBoundedJson(text: string, maxDepth = MAX_JSON_DEPTH): BoundedJson {
  if (text.trim() === '') return { ok: false, reason: 'empty', message: 'empty body' };
  if (jsonDepth(text, maxDepth) > maxDepth)
    return { ok: false, reason: 'too_deep', message: `nested deeper than ${maxDepth} levels` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, reason: 'syntax', message: e instanceof Error ? e.message : String(e) };
  }
}
