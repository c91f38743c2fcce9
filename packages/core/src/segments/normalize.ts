import type { Condition, SegmentDefinition } from './schema.ts';

/**
 * Pure rewrites before compiling: flatten nested and/or, drop double negation, turn empty and/or
 * into their identities (and [] = everyone, or [] = no one), unwrap single-item groups.
 */
export function normalizeSegment(def: SegmentDefinition): SegmentDefinition {
  return { version: def.version, root: normalizeCondition(def.root) };
}

export function normalizeCondition(c: Condition): Condition {
  switch (c.kind) {
    case 'and':
    case 'or': {
      const items = c.items.map(normalizeCondition).flatMap((i) => (i.kind === c.kind ? i.items : [i]));
      if (items.length === 0) return c.kind === 'and' ? { kind: 'all' } : { kind: 'not', item: { kind: 'all' } };
      return items.length === 1 && items[0] ? items[0] : { kind: c.kind, items };
    }
    case 'not': {
      const item = normalizeCondition(c.item);
      return item.kind === 'not' ? item.item : { kind: 'not', item };
    }
    default:
      return c;
  }
}
