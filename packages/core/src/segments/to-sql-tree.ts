import { assertNever } from '../sql/dialect.ts';
import { TABLES } from './catalog.ts';
import type { Condition, SegmentDefinition } from './schema.ts';
import { col, not } from './sql/build.ts';
import type { BoolExpr, SelectNode } from './sql/node.ts';
import { simplifyBool } from './sql/simplify.ts';
import { BASE_ALIAS, createContext, type LastEventsSpan, type TreeContext } from './tree/context.ts';
import { eventsTree } from './tree/events.ts';
import { ordersTree } from './tree/orders.ts';
import { profileTree } from './tree/profile.ts';
import { anniversaryTree, reachableTree } from './tree/reach.ts';
import { analyticsTree, channelTree, relatedProductTree, segmentTree, warrantyTree } from './tree/relations.ts';
import { sequenceTree } from './tree/sequence.ts';

/** Compiles one (validated, normalised) condition to a predicate on the features row `f`. */
export function conditionToTree(c: Condition, ctx: TreeContext): BoolExpr {
  switch (c.kind) {
    case 'and':
    case 'or':
      return { kind: c.kind, items: c.items.map((i) => conditionToTree(i, ctx)) };
    case 'not':
      return not(conditionToTree(c.item, ctx));
    case 'all':
      return { kind: 'const', value: true };
    case 'profile':
      return profileTree(c, ctx);
    case 'orders':
      return ordersTree(c, ctx);
    case 'events':
      return eventsTree(c, ctx);
    case 'sequence':
      return sequenceTree(c, ctx);
    case 'channel':
      return channelTree(c, ctx);
    case 'anniversary':
      return anniversaryTree(c, ctx);
    case 'reachable':
      return reachableTree(c, ctx);
    case 'segment':
      return segmentTree(c, ctx);
    case 'analytics':
      return analyticsTree(c, ctx);
    case 'related_product':
      return relatedProductTree(c, ctx);
    case 'warranty':
      return warrantyTree(c, ctx);
    default:
      return assertNever(c);
  }
}

export type SegmentOutput = 'members' | 'count';

/** asOf, what to select, and (for the last-event columns) the features rows' cut-off span. */
export interface CompileOptions {
  readonly asOf: Date;
  readonly output?: SegmentOutput | undefined;
  readonly lastEvents?: LastEventsSpan | undefined;
}

/**
 * The SELECT over `customer_features` for a definition: member ids (sorted) or their count.
 * Identifiers come only from the catalog; every value becomes a parameter when printed.
 */
export function toSqlTree(def: SegmentDefinition, options: CompileOptions): SelectNode {
  const ctx = createContext(options.asOf, options.lastEvents);
  const where = simplifyBool(conditionToTree(def.root, ctx));
  const id = col(BASE_ALIAS, 'customer_id');
  const from = { kind: 'table', table: TABLES.features.name, alias: BASE_ALIAS } as const;
  const filtered = where.kind === 'const' && where.value ? {} : { where };
  return options.output === 'count'
    ? { kind: 'select', columns: [{ expr: { kind: 'agg', fn: 'count' }, alias: 'n' }], from, ...filtered }
    : { kind: 'select', columns: [{ expr: id, alias: 'customer_id' }], from, ...filtered, orderBy: [{ expr: id }] };
}
