import { describe, expect, it } from 'vitest';
import { diffDefinitions } from '../../src/segments/diff-definitions.ts';
import { explainSegment } from '../../src/segments/explain.ts';
import type { Condition, SegmentDefinition } from '../../src/segments/schema.ts';

const bought: Condition = {
  kind: 'orders',
  measure: 'count',
  op: 'gte',
  value: 1,
  filter: { window: { kind: 'last_days', days: 30 } },
};
const sms: Condition = { kind: 'reachable', channel: 'sms', purpose: 'ad' };
const female: Condition = { kind: 'profile', field: 'gender', op: 'eq', value: 'F' };
const def = (root: Condition): SegmentDefinition => ({ version: 1, root });
const say = (c: Condition) => explainSegment(def(c), 'ko');

describe('diffDefinitions', () => {
  it('names the conditions added, removed and kept, in Korean', () => {
    const d = diffDefinitions(
      def({ kind: 'and', items: [bought, sms] }),
      def({ kind: 'and', items: [bought, female] }),
    );
    expect(d.added).toEqual([say(female)]);
    expect(d.removed).toEqual([say(sms)]);
    expect(d.kept).toEqual([say(bought)]);
    expect(d.joinChanged).toBe(false);
    expect(d.added[0]).toMatch(/여성/);
  });

  it('treats a lone condition as a group of one and ignores key order', () => {
    const reordered = {
      filter: { window: { days: 30, kind: 'last_days' } },
      value: 1,
      op: 'gte',
      measure: 'count',
      kind: 'orders',
    };
    const d = diffDefinitions(def(bought), def({ kind: 'and', items: [reordered as Condition, sms] }));
    expect(d.removed).toEqual([]);
    expect(d.added).toEqual([say(sms)]);
  });

  it('notices all-of turned into any-of', () => {
    const d = diffDefinitions(def({ kind: 'and', items: [bought, sms] }), def({ kind: 'or', items: [bought, sms] }));
    expect(d).toMatchObject({ added: [], removed: [], joinChanged: true });
  });
});
