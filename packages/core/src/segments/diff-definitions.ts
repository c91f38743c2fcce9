import type { Lang } from '../i18n/lang.ts';
import { explainSegment } from './explain.ts';
import type { ExplainNames } from './explain-names.ts';
import { normalizeCondition } from './normalize.ts';
import type { Condition, SegmentDefinition } from './schema.ts';

/** What changed between two versions of a definition, each condition read back in words. */
export interface DefinitionDiff {
  /** Conditions of the newer version that the older one did not have. */
  readonly added: readonly string[];
  /** Conditions of the older version that the newer one dropped. */
  readonly removed: readonly string[];
  /** Conditions both versions have. */
  readonly kept: readonly string[];
  /** The way the conditions are joined changed (all of them ↔ any of them). */
  readonly joinChanged: boolean;
}

function topLevel(def: SegmentDefinition): { join: 'and' | 'or'; items: readonly Condition[] } {
  const root = normalizeCondition(def.root);
  if (root.kind === 'and' || root.kind === 'or') return { join: root.kind, items: root.items };
  return { join: 'and', items: [root] };
}

/** A key that is equal for equal conditions whatever the order of object keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * Compares the top-level conditions of two versions: which were added, removed or kept, each as
 * its own sentence ("최근 30일 구매 횟수가 1회 이상인 고객").
 * @example diffDefinitions(v1, v2, 'ko').added // ['쿠폰을 쓴 주문이 있는 고객']
 */
export function diffDefinitions(
  before: SegmentDefinition,
  after: SegmentDefinition,
  lang: Lang = 'ko',
  names: ExplainNames = {},
): DefinitionDiff {
  const a = topLevel(before);
  const b = topLevel(after);
  const say = (c: Condition) => explainSegment({ version: 1, root: c }, lang, names);
  const keysA = new Set(a.items.map(canonical));
  const keysB = new Set(b.items.map(canonical));
  return {
    added: b.items.filter((c) => !keysA.has(canonical(c))).map(say),
    removed: a.items.filter((c) => !keysB.has(canonical(c))).map(say),
    kept: b.items.filter((c) => keysA.has(canonical(c))).map(say),
    joinChanged: a.join !== b.join && a.items.length > 1 && b.items.length > 1,
  };
}
