import type { BoolExpr } from './node.ts';

/** Folds constants in a boolean tree: empty IN lists become FALSE, TRUE/FALSE absorb in and/or. */
export function simplifyBool(e: BoolExpr): BoolExpr {
  switch (e.kind) {
    case 'in_list':
      return e.values.length === 0 ? { kind: 'const', value: false } : e;
    case 'not': {
      const item = simplifyBool(e.item);
      return item.kind === 'const' ? { kind: 'const', value: !item.value } : { kind: 'not', item };
    }
    case 'is_true': {
      const item = simplifyBool(e.item);
      return item.kind === 'const' ? item : { kind: 'is_true', item };
    }
    case 'and':
    case 'or': {
      const absorbing = e.kind === 'or';
      const items: BoolExpr[] = [];
      for (const raw of e.items) {
        const i = simplifyBool(raw);
        if (i.kind === 'const') {
          if (i.value === absorbing) return i;
          continue;
        }
        items.push(...(i.kind === e.kind ? i.items : [i]));
      }
      if (items.length === 0) return { kind: 'const', value: !absorbing };
      return items.length === 1 && items[0] ? items[0] : { kind: e.kind, items };
    }
    default:
      return e;
  }
}
