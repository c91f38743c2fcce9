import type { MessageKey, MessageParams } from '@dalbit/core/i18n/catalog';
import type { Condition, LeafCondition, SegmentDefinition } from '@dalbit/core/segments/schema';

/**
 * The builder's state: the segment language's own condition tree (packages/core/src/segments/schema.ts)
 * with an id per node so React can keep the inputs of a node while others move. `toDefinition`
 * only drops the ids and the `negate` flags (which become `not`), so what is counted and saved is
 * exactly the JSON the compiler accepts; `fromDefinition` reads a saved definition back for editing.
 */
export type Leaf = LeafCondition;
export type GroupNode = { id: string; negate: boolean; type: 'group'; op: 'and' | 'or'; items: TreeNode[] };
export type LeafNode = { id: string; negate: boolean; type: 'leaf'; cond: Leaf };
export type TreeNode = GroupNode | LeafNode;

let next = 0;
const newId = (): string => `n${++next}`;

export const group = (op: 'and' | 'or', items: TreeNode[] = [], negate = false): GroupNode => ({
  id: newId(),
  negate,
  type: 'group',
  op,
  items,
});
export const leaf = (cond: Leaf, negate = false): LeafNode => ({ id: newId(), negate, type: 'leaf', cond });

/** The kinds a person can add, in menu order; `rfm`, `clv` and `trait` are analytics conditions. */
export const ADD_KINDS = [
  'orders',
  'events',
  'sequence',
  'profile',
  'channel',
  'reachable',
  'anniversary',
  'rfm',
  'clv',
  'trait',
  'segment',
  'related_product',
  'warranty',
] as const;
export type AddKind = (typeof ADD_KINDS)[number];

/** A sensible starting condition of each kind (valid as it is, so the count appears at once). */
export function newLeaf(kind: AddKind): Leaf {
  const week = { kind: 'last_days', days: 7 } as const;
  switch (kind) {
    case 'orders':
      return { kind: 'orders', measure: 'count', op: 'gte', value: 2 };
    case 'events':
      return { kind: 'events', type: 'product_view', window: week, count: { min: 1 } };
    case 'sequence':
      return {
        kind: 'sequence',
        did: { type: 'add_to_cart', window: { kind: 'last_days', days: 14 } },
        thenNot: { source: 'order' },
        withinHours: 72,
      };
    case 'profile':
      return { kind: 'profile', field: 'gender', op: 'eq', value: 'F' };
    case 'channel':
      return { kind: 'channel', channels: ['cafe24'] };
    case 'reachable':
      return { kind: 'reachable', channel: 'kakao', purpose: 'ad' };
    case 'anniversary':
      return { kind: 'anniversary', date: 'birthday', fromDays: 0, toDays: 7 };
    case 'rfm':
      return { kind: 'analytics', field: 'rfm.segment', op: 'in', value: ['champions'] };
    case 'clv':
      return { kind: 'analytics', field: 'clv.p_alive', op: 'gte', value: 0.5 };
    case 'trait':
      return { kind: 'analytics', field: 'traits.discount_order_share', op: 'gte', value: 0.5 };
    case 'segment':
      return { kind: 'segment', segmentId: '' };
    case 'related_product':
      return { kind: 'related_product' };
    case 'warranty':
      return { kind: 'warranty', window: { kind: 'last_days', days: 30 } };
  }
}

/** Which menu entry a leaf belongs to (analytics conditions split by their field's source). */
export function addKindOf(c: Leaf): AddKind | 'all' {
  if (c.kind === 'analytics') return c.field.startsWith('rfm.') ? 'rfm' : c.field.startsWith('clv.') ? 'clv' : 'trait';
  return c.kind;
}

function nodeToCondition(n: TreeNode): Condition {
  const inner: Condition =
    n.type === 'leaf'
      ? n.cond
      : n.items.length === 0
        ? { kind: 'all' }
        : n.items.length === 1 && !n.items[0]?.negate && n.items[0]?.type === 'leaf'
          ? n.items[0].cond
          : { kind: n.op, items: n.items.map(nodeToCondition) };
  return n.negate ? { kind: 'not', item: inner } : inner;
}

export const toDefinition = (root: GroupNode): SegmentDefinition => ({ version: 1, root: nodeToCondition(root) });

function conditionToNode(c: Condition, negate = false): TreeNode {
  if (c.kind === 'not') return conditionToNode(c.item, !negate);
  if (c.kind === 'and' || c.kind === 'or')
    return group(
      c.kind,
      c.items.map((i) => conditionToNode(i)),
      negate,
    );
  return leaf(c as Leaf, negate);
}

/** A saved definition as an editable tree; the root is always a group. */
export function fromDefinition(d: { root: unknown }): GroupNode {
  const n = conditionToNode(d.root as Condition);
  if (n.type === 'group') return n;
  if (n.type === 'leaf' && n.cond.kind === 'all' && !n.negate) return group('and');
  return group('and', [n]);
}

/** Replaces the node with `id` (anywhere below `root`) by `f(node)`; `null` removes it. */
export function updateNode(root: GroupNode, id: string, f: (n: TreeNode) => TreeNode | null): GroupNode {
  const walk = (n: TreeNode): TreeNode | null => {
    if (n.id === id) return f(n);
    if (n.type === 'leaf') return n;
    return { ...n, items: n.items.map(walk).filter((x): x is TreeNode => x !== null) };
  };
  return (walk(root) as GroupNode | null) ?? group('and');
}

export interface Problem {
  readonly nodeId: string;
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

type Range = { readonly min?: number | undefined; readonly max?: number | undefined } | undefined;
type Win = { readonly kind: string; readonly days?: number; readonly min?: number; readonly max?: number };

function numberProblems(values: readonly (number | undefined)[]): { key: MessageKey } | null {
  for (const v of values) {
    if (v === undefined) continue;
    if (Number.isNaN(v)) return { key: 'form.notNumber' };
    if (v < 0) return { key: 'form.negative' };
  }
  return null;
}

function rangeProblem(r: Range): Omit<Problem, 'nodeId'> | null {
  const bad = numberProblems([r?.min, r?.max]);
  if (bad) return bad;
  if (r?.min !== undefined && r.max !== undefined && r.min > r.max)
    return { key: 'form.inverted', params: { min: r.min, max: r.max } };
  return null;
}

function windowProblem(w: Win | undefined): Omit<Problem, 'nodeId'> | null {
  if (!w) return null;
  if (w.kind === 'last_days') {
    if (w.days === undefined || Number.isNaN(w.days)) return { key: 'form.notNumber' };
    return w.days < 1 ? { key: 'form.belowMin', params: { min: 1 } } : null;
  }
  if (w.kind === 'days_ago') return rangeProblem({ min: w.min, max: w.max });
  return null;
}

function comparisonProblem(c: { op: string; value?: unknown }): Omit<Problem, 'nodeId'> | null {
  const v = c.value;
  if (c.op === 'exists' || c.op === 'not_exists' || c.op === 'within' || c.op === 'not_within') return null;
  if (c.op === 'between' && Array.isArray(v)) return rangeProblem({ min: v[0] as number, max: v[1] as number });
  if (Array.isArray(v)) return v.length === 0 ? { key: 'builder.problem.pickOne' } : null;
  if (typeof v === 'number') return numberProblems([v]);
  if (v === undefined || v === '') return { key: 'form.required' };
  return null;
}

/** What is wrong with one leaf as typed (negative counts, inverted ranges, a missing pick). */
export function leafProblem(c: Leaf): Omit<Problem, 'nodeId'> | null {
  switch (c.kind) {
    case 'orders':
      return windowProblem(c.filter?.window) ?? comparisonProblem(c);
    case 'profile':
    case 'analytics':
      return comparisonProblem(c);
    case 'events':
      return windowProblem(c.window) ?? rangeProblem(c.count) ?? (c.type ? null : { key: 'builder.problem.pickEvent' });
    case 'sequence': {
      const hours = c.withinHours;
      return (
        windowProblem(c.did.window) ??
        rangeProblem(c.did.count) ??
        (hours !== undefined && (Number.isNaN(hours) || hours < 1)
          ? { key: 'form.belowMin', params: { min: 1 } }
          : null) ??
        (c.thenNot.source === 'event' && !c.thenNot.type ? { key: 'builder.problem.pickEvent' } : null)
      );
    }
    case 'anniversary':
      return rangeProblem({ min: c.fromDays, max: c.toDays });
    case 'channel':
      return c.channels.length === 0 ? { key: 'builder.problem.pickOne' } : windowProblem(c.joined);
    case 'segment':
      return c.segmentId ? null : { key: 'builder.problem.pickSegment' };
    case 'warranty':
      return windowProblem(c.window);
    default:
      return null;
  }
}

/** Every problem in the tree, in reading order; the page neither counts nor saves while any remain. */
export function treeProblems(n: TreeNode): Problem[] {
  if (n.type === 'group') return n.items.flatMap(treeProblems);
  const p = leafProblem(n.cond);
  return p ? [{ nodeId: n.id, ...p }] : [];
}
