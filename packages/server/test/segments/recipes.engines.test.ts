import { explainSegment } from '@dalbit/core/segments/explain';
import { buildRecipe, RECIPES } from '@dalbit/core/segments/recipes/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { type EngineKind, openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { findSegmentMembers } from '../../src/segments/count-segment.ts';
import { refreshFeatures } from '../../src/segments/refresh-features.ts';
import { AS_OF, loadFixture } from './fixture.ts';

/** Each recipe with parameters that make it bite on the fixture, and the ids worked out by hand. */
const CASES: readonly [string, Record<string, string>, string[]][] = [
  ['birthday-soon', {}, ['c01']],
  ['new-member', { days: '10', channels: 'cafe24' }, ['c03']],
  ['warranty-not-member', { days: '7' }, ['c06']],
  ['new-channel-friend', {}, ['c12']],
  ['one-purchase-n-days-ago', { days: '100' }, ['c01']],
  ['recent-buyer-related', { days: '60' }, ['c08']],
  // c08 (smartstore ×3, then the own shop) already moved; c02 has not and is likely to buy again.
  ['marketplace-to-own', { min: '3' }, ['c02']],
  ['marketplace-to-own', { min: '2', product: 'P5' }, ['c02']],
  ['marketplace-to-own', { min: '2', product: 'P2' }, []],
  ['marketplace-to-own', { min: '2', probability: '0.8' }, []],
  ['store-buyers', { store: 'gangnam' }, ['c04']],
  ['cart-abandonment', {}, ['c03']],
  ['product-interest', { product: 'P1' }, ['c03']],
  ['product-interest', {}, ['c03']],
  ['warranty-anniversary', { years: '2' }, ['c05']],
  ['second-purchase-window', {}, ['c01']],
  ['recent-repeat-buyers', {}, ['c02', 'c04', 'c05', 'c08']],
  ['discount-sensitive', {}, ['c04']],
  ['coupon-lovers', { min: '2' }, ['c05']],
  ['vip-top-spenders', {}, ['c05']],
  ['lapsed-6-months', { months: '3' }, ['c01']],
  ['frequent-buyers', {}, ['c04']],
  ['costly-customers', {}, ['c05']],
];

describe('recipes', () => {
  it('cover the purpose table plus the extra audiences, each fully labelled', () => {
    expect(RECIPES.length).toBeGreaterThanOrEqual(19);
    expect(new Set(RECIPES.map((r) => r.name)).size).toBe(RECIPES.length);
    for (const r of RECIPES) {
      for (const label of [r.title, r.type, r.action, r.goldenTime, r.description]) {
        expect(label.ko.length).toBeGreaterThan(0);
        expect(label.en.length).toBeGreaterThan(0);
      }
    }
    expect(new Set(CASES.map(([n]) => n))).toEqual(new Set(RECIPES.map((r) => r.name)));
  });

  it('reject unknown recipes, unknown and bad parameters', () => {
    expect(buildRecipe('nope', {}).ok).toBe(false);
    const typo = buildRecipe('lapsed-6-months', { monts: '3' });
    expect(!typo.ok && typo.issues[0]?.code).toBe('BAD_VALUE');
    const bad = buildRecipe('discount-sensitive', { rate: 'lots' });
    expect(!bad.ok && bad.issues[0]?.path).toEqual(['params', 'rate']);
    expect(buildRecipe('store-buyers', {}).ok).toBe(false);
  });

  it('explain in Korean', () => {
    const r = buildRecipe('second-purchase-window', {});
    expect(r.ok && explainSegment(r.definition)).toBe(
      '마지막 구매가 90~120일 전이고 구매 횟수가 1회이고 연관 상품 추천 대상인 고객',
    );
  });
});

for (const kind of ['duckdb', 'chdb'] as EngineKind[]) {
  describe(`${kind}: recipes on the fixture`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await openMemoryWarehouse(kind);
      await loadFixture(engine);
      await refreshFeatures(engine, { asOf: AS_OF });
    });
    afterAll(async () => {
      await engine.close();
    });
    it.each(CASES)('%s %o', async (name, params, expected) => {
      const built = buildRecipe(name, params);
      if (!built.ok) throw new Error(JSON.stringify(built.issues));
      const members = await findSegmentMembers(engine, built.definition, { asOf: AS_OF });
      expect(members.ok && members.customerIds).toEqual(expected);
    });
  });
}
