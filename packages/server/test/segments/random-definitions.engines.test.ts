import { compileSegment } from '@dalbit/core/segments/compile-segment';
import type { Condition } from '@dalbit/core/segments/schema';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { refreshFeatures } from '../../src/segments/refresh-features.ts';
import { AS_OF, HOSTILE, loadFixture } from './fixture.ts';
import { referenceMembers } from './reference-evaluator.ts';

const HOSTILE_STRINGS = [
  HOSTILE,
  "'; DELETE FROM orders; --",
  '{p1:String}',
  '$1',
  '`backtick`',
  '"quoted"',
  '\\',
  '\u0000nul',
];
const PLACEHOLDER_LIKE = ['{p1:String}', '$1'];
const str = (pool: readonly string[]) => fc.constantFrom(...pool, ...HOSTILE_STRINGS);
const int = fc.integer({ min: 0, max: 400 });

const leaf: fc.Arbitrary<Condition> = fc.oneof(
  // gender has a closed value list (F, M); grade is free text, so it gets the hostile strings.
  fc
    .record({
      kind: fc.constant('profile' as const),
      field: fc.constant('gender'),
      op: fc.constantFrom('eq', 'neq', 'in', 'not_in'),
      value: fc.constantFrom('F', 'M'),
    })
    .map((c) => (c.op === 'in' || c.op === 'not_in' ? { ...c, value: [c.value] } : c)),
  fc.record({
    kind: fc.constant('profile' as const),
    field: fc.constant('grade'),
    op: fc.constantFrom('eq', 'neq'),
    value: str(['VIP', 'GOLD']),
  }),
  fc.record({
    kind: fc.constant('profile' as const),
    field: fc.constant('grade'),
    op: fc.constantFrom('in', 'not_in'),
    value: fc.array(str(['VIP', 'GOLD']), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('profile' as const),
    field: fc.constantFrom('gender', 'grade', 'birth_year'),
    op: fc.constantFrom('exists', 'not_exists'),
  }),
  fc.record({
    kind: fc.constant('profile' as const),
    field: fc.constant('age'),
    op: fc.constantFrom('gt', 'gte', 'lt', 'lte', 'eq'),
    value: fc.integer({ min: 15, max: 60 }),
  }),
  fc.record({
    kind: fc.constant('profile' as const),
    field: fc.constantFrom('has_phone', 'has_email'),
    op: fc.constant('eq'),
    value: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('orders' as const),
    measure: fc.constantFrom('count', 'sum'),
    op: fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte'),
    value: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 700_000 })),
  }),
  fc
    .record({
      kind: fc.constant('orders' as const),
      measure: fc.constant('days_since_last'),
      op: fc.constantFrom('gte', 'lte', 'eq', 'not_exists'),
      value: int,
    })
    .map((c) => (c.op === 'not_exists' ? { kind: c.kind, measure: c.measure, op: c.op } : c)),
  fc.record({
    kind: fc.constant('orders' as const),
    filter: fc.record({
      channels: fc.array(str(['cafe24', 'smartstore', 'offline']), { minLength: 1, maxLength: 2 }),
      window: fc.record({ kind: fc.constant('last_days' as const), days: fc.integer({ min: 1, max: 400 }) }),
    }),
    measure: fc.constantFrom('count', 'sum'),
    op: fc.constantFrom('gte', 'lt', 'eq'),
    value: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record(
    {
      kind: fc.constant('events' as const),
      type: str(['add_to_cart', 'product_view', 'search']),
      product: str(['P1', 'P2']),
      window: fc.record({ kind: fc.constant('last_days' as const), days: fc.integer({ min: 1, max: 30 }) }),
      count: fc.record(
        { min: fc.integer({ min: 0, max: 4 }), max: fc.integer({ min: 4, max: 8 }) },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['kind', 'type'] },
  ),
  fc.record({
    kind: fc.constant('channel' as const),
    channels: fc.array(str(['cafe24', 'kakao', 'smartstore', 'offline']), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('reachable' as const),
    channel: fc.constantFrom('sms', 'kakao', 'email'),
    purpose: fc.constantFrom('ad', 'night_ad', 'info'),
  }),
  fc.record({ kind: fc.constant('warranty' as const), product: str(['P9']) }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('related_product' as const), product: str(['P2', 'P7']) }, { requiredKeys: ['kind'] }),
  fc
    .record({
      kind: fc.constant('analytics' as const),
      field: fc.constant('rfm.segment'),
      op: fc.constantFrom('eq', 'neq', 'not_exists'),
      value: str(['champions', 'hibernating']),
    })
    .map((c) => (c.op === 'not_exists' ? { kind: c.kind, field: c.field, op: c.op } : c)),
);

const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ kind: fc.constantFrom('and' as const, 'or' as const), items: fc.array(tie('c'), { maxLength: 3 }) }),
    fc.record({ kind: fc.constant('not' as const), item: tie('c') }),
  ),
})).c;

describe('random definitions: DuckDB, ClickHouse (chDB) and the reference evaluator agree', () => {
  let duck: Engine;
  let ch: Engine;
  beforeAll(async () => {
    [duck, ch] = await Promise.all([openMemoryWarehouse('duckdb'), openMemoryWarehouse('chdb')]);
    for (const e of [duck, ch]) {
      await loadFixture(e);
      await refreshFeatures(e, { asOf: AS_OF });
    }
  });
  afterAll(async () => {
    await duck.close();
    await ch.close();
  });

  it('same members everywhere; values only ever travel as parameters', async () => {
    await fc.assert(
      fc.asyncProperty(condition, async (root) => {
        const def = { version: 1, root };
        const members = async (engine: Engine) => {
          const r = compileSegment(def, engine.dialect, { asOf: AS_OF });
          if (!r.ok) throw new Error(JSON.stringify(r.issues));
          // Placeholder look-alikes ('$1', '{p1:String}') legitimately occur as placeholders.
          for (const h of HOSTILE_STRINGS)
            if (h.length > 2 && !PLACEHOLDER_LIKE.includes(h)) expect(r.query.sql).not.toContain(h);
          expect(r.query.sql).not.toMatch(/DROP|DELETE/);
          return (await engine.query<{ customer_id: string }>(r.query)).map((x) => x.customer_id);
        };
        const [d, c] = await Promise.all([members(duck), members(ch)]);
        expect(c).toEqual(d);
        expect(d).toEqual(referenceMembers(root, AS_OF));
      }),
      { numRuns: 150, seed: 20250615 },
    );
  });

  it('hostile names are rejected by the allow-list with issues, never thrown, never compiled', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HOSTILE_STRINGS, 'password', 'customers.phone', 'f.customer_id'),
        fc.constantFrom('profile', 'analytics', 'orders'),
        (name, kind) => {
          const root =
            kind === 'orders' ? { kind, measure: name, op: 'eq', value: 1 } : { kind, field: name, op: 'eq', value: 1 };
          const r = compileSegment({ version: 1, root }, duck.dialect, { asOf: AS_OF });
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.issues[0]?.code).toBe('UNKNOWN_FIELD');
        },
      ),
    );
    const attr = compileSegment(
      { version: 1, root: { kind: 'profile', field: `attributes.${HOSTILE}`, op: 'exists' } },
      duck.dialect,
      { asOf: AS_OF },
    );
    expect(!attr.ok && attr.issues[0]?.code).toBe('UNKNOWN_FIELD');
  });
});
