import { translate } from '../i18n/catalog.ts';
import { ownValue } from '../json/own-value.ts';
import { assertNever } from '../sql/dialect.ts';
import { ANALYTICS_FIELDS, ATTRIBUTE_KEY, ATTRIBUTE_PREFIX, ORDER_MEASURES, PROFILE_FIELDS } from './catalog.ts';
import { checkComparison, checkWindow } from './comparison.ts';
import { issue, type SegmentIssue } from './issues.ts';
import {
  type Condition,
  MAX_DEPTH,
  MAX_LEAVES,
  MAX_SEQUENCES,
  type PropertyFilter,
  SEGMENT_LANGUAGE_VERSION,
  SegmentDefinition,
} from './schema.ts';

type Path = readonly (string | number)[];
export type ParseResult =
  | { readonly ok: true; readonly definition: SegmentDefinition }
  | { readonly ok: false; readonly issues: readonly SegmentIssue[] };

/**
 * Parses untrusted JSON into a segment definition and checks it against the catalog. Every
 * problem is collected with its path.
 * @example parseSegment({ version: 1, root: { kind: 'orders', measure: 'count', op: 'gte', value: 2 } })
 */
export function parseSegment(input: unknown): ParseResult {
  const depth = nestingDepth(input);
  if (depth > MAX_DEPTH * 2 + 4)
    return { ok: false, issues: [issue('TOO_DEEP', ['root'], `conditions nest deeper than ${MAX_DEPTH} levels`)] };
  if (typeof input === 'object' && input !== null && 'version' in input && input.version !== SEGMENT_LANGUAGE_VERSION) {
    return {
      ok: false,
      issues: [
        issue(
          'UNKNOWN_VERSION',
          ['version'],
          `language version ${String(input.version)} is not supported (expected ${SEGMENT_LANGUAGE_VERSION})`,
        ),
      ],
    };
  }
  const size = checkSize(typeof input === 'object' && input !== null ? (input as { root?: unknown }).root : undefined);
  if (size.length) return { ok: false, issues: size };
  const parsed = SegmentDefinition.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) =>
        issue(i.code === 'invalid_union' ? 'UNKNOWN_FIELD' : 'BAD_SHAPE', i.path.map(toKey), i.message),
      ),
    };
  }
  const issues = checkCondition(parsed.data.root, ['root'], 1);
  return issues.length ? { ok: false, issues } : { ok: true, definition: parsed.data };
}

/**
 * How many leaf conditions (and of those, sequences) a definition has: its cost bound. Walks the
 * raw JSON, so an oversized definition is refused before the shape is parsed.
 */
export function countLeaves(root: unknown): { leaves: number; sequences: number } {
  let leaves = 0;
  let sequences = 0;
  const stack: unknown[] = [root];
  while (stack.length) {
    const c = stack.pop();
    if (typeof c !== 'object' || c === null) continue;
    const { kind, items, item } = c as { kind?: unknown; items?: unknown; item?: unknown };
    if ((kind === 'and' || kind === 'or') && Array.isArray(items)) stack.push(...items);
    else if (kind === 'not') stack.push(item);
    else {
      leaves++;
      if (kind === 'sequence') sequences++;
    }
  }
  return { leaves, sequences };
}

/** A definition's cost bound: at most MAX_LEAVES conditions and MAX_SEQUENCES sequences (decision 0014). */
function checkSize(root: unknown): SegmentIssue[] {
  const { leaves, sequences } = countLeaves(root);
  if (leaves > MAX_LEAVES)
    return [
      issue('TOO_LARGE', ['root'], translate('ko', 'limits.tooManyLeaves', { count: leaves, limit: MAX_LEAVES })),
    ];
  if (sequences > MAX_SEQUENCES)
    return [
      issue(
        'TOO_LARGE',
        ['root'],
        translate('ko', 'limits.tooManySequences', { count: sequences, limit: MAX_SEQUENCES }),
      ),
    ];
  return [];
}

const toKey = (k: PropertyKey): string | number => (typeof k === 'number' ? k : String(k));

function nestingDepth(v: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[v, 1]];
  while (stack.length) {
    const [x, d] = stack.pop() as [unknown, number];
    if (d > max) max = d;
    if (d > 200) return d;
    if (typeof x === 'object' && x !== null) for (const c of Object.values(x)) stack.push([c, d + 1]);
  }
  return max;
}

/** Semantic checks of a shape-valid condition tree. */
export function checkCondition(c: Condition, path: Path, depth: number): SegmentIssue[] {
  if (depth > MAX_DEPTH) return [issue('TOO_DEEP', path, `conditions nest deeper than ${MAX_DEPTH} levels`)];
  switch (c.kind) {
    case 'and':
    case 'or':
      return c.items.flatMap((item, i) => checkCondition(item, [...path, 'items', i], depth + 1));
    case 'not':
      return checkCondition(c.item, [...path, 'item'], depth + 1);
    case 'profile': {
      if (c.field.startsWith(ATTRIBUTE_PREFIX)) {
        const key = c.field.slice(ATTRIBUTE_PREFIX.length);
        if (!ATTRIBUTE_KEY.test(key))
          return [
            issue('UNKNOWN_FIELD', [...path, 'field'], `attribute key must be letters, digits or _ (1–64): '${key}'`),
          ];
        const type =
          typeof c.value === 'number' || (Array.isArray(c.value) && typeof c.value[0] === 'number')
            ? 'number'
            : 'string';
        return checkComparison(type, c, path);
      }
      const f = ownValue<(typeof PROFILE_FIELDS)[keyof typeof PROFILE_FIELDS]>(PROFILE_FIELDS, c.field);
      if (!f)
        return [
          issue(
            'UNKNOWN_FIELD',
            [...path, 'field'],
            `unknown profile field '${c.field}'; known: ${Object.keys(PROFILE_FIELDS).join(', ')}, attributes.<key>`,
          ),
        ];
      return checkComparison(f.type, c, path, 'values' in f ? { values: f.values } : {});
    }
    case 'orders': {
      const m = ownValue<(typeof ORDER_MEASURES)[keyof typeof ORDER_MEASURES]>(ORDER_MEASURES, c.measure);
      const w = c.filter?.window ? checkWindow(c.filter.window, [...path, 'filter', 'window']) : [];
      if (!m)
        return [
          ...w,
          issue(
            'UNKNOWN_FIELD',
            [...path, 'measure'],
            `unknown order measure '${c.measure}'; known: ${Object.keys(ORDER_MEASURES).join(', ')}`,
          ),
        ];
      return [...w, ...checkComparison(m.type, c, path)];
    }
    case 'analytics': {
      const f = ANALYTICS_FIELDS.get(c.field);
      if (!f)
        return [
          issue(
            'UNKNOWN_FIELD',
            [...path, 'field'],
            `unknown analytics field '${c.field}'; known: ${[...ANALYTICS_FIELDS.keys()].join(', ')}`,
          ),
        ];
      return checkComparison(f.type, c, path);
    }
    case 'events':
      return [
        ...checkProperties(c.properties, [...path, 'properties']),
        ...(c.window ? checkWindow(c.window, [...path, 'window']) : []),
        ...checkCount(c.count, [...path, 'count']),
      ];
    case 'sequence':
      return [
        ...checkProperties(c.did.properties, [...path, 'did', 'properties']),
        ...(c.did.window ? checkWindow(c.did.window, [...path, 'did', 'window']) : []),
        ...checkCount(c.did.count, [...path, 'did', 'count']),
        ...(c.thenNot.source === 'event'
          ? checkProperties(c.thenNot.properties, [...path, 'thenNot', 'properties'])
          : []),
      ];
    case 'channel':
      return c.joined ? checkWindow(c.joined, [...path, 'joined']) : [];
    case 'warranty':
      return c.window ? checkWindow(c.window, [...path, 'window']) : [];
    case 'anniversary':
      return (c.fromDays ?? 0) <= c.toDays
        ? []
        : [issue('BAD_VALUE', [...path, 'fromDays'], 'fromDays is greater than toDays')];
    case 'reachable':
    case 'segment':
    case 'related_product':
    case 'all':
      return [];
    default:
      return assertNever(c);
  }
}

function checkProperties(props: readonly PropertyFilter[] | undefined, path: Path): SegmentIssue[] {
  return (props ?? []).flatMap((p, i) => {
    if (!ATTRIBUTE_KEY.test(p.key))
      return [
        issue('UNKNOWN_FIELD', [...path, i, 'key'], `property key must be letters, digits or _ (1–64): '${p.key}'`),
      ];
    const type =
      typeof p.value === 'number' || (Array.isArray(p.value) && typeof p.value[0] === 'number') ? 'number' : 'string';
    return checkComparison(type, p, [...path, i]);
  });
}

function checkCount(c: { min?: number | undefined; max?: number | undefined } | undefined, path: Path): SegmentIssue[] {
  return c && c.min !== undefined && c.max !== undefined && c.min > c.max
    ? [issue('BAD_VALUE', path, 'min is greater than max')]
    : [];
}
