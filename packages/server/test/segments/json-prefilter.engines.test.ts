import { TABLES } from '@dalbit/core/segments/catalog';
import { printSql } from '@dalbit/core/segments/sql/print';
import { fieldPredicate } from '@dalbit/core/segments/tree/predicate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { type EngineKind, openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { findSegmentMembers } from '../../src/segments/count-segment.ts';
import { refreshFeatures } from '../../src/segments/refresh-features.ts';
import { AS_OF, HOSTILE } from './fixture.ts';

/**
 * String equality on JSON attributes / event properties skips parsing rows whose text cannot hold
 * the value (json-field.ts). These rows are built so that a wrong skip would show: escaped
 * spellings, the value under another key, non-string values, hostile text.
 */
const ATTRIBUTES: Record<string, string> = {
  j01: '{"skin":"dry"}',
  j02: '{"skin":"\\u0064ry"}', // escaped spelling of "dry"
  j03: '{"note":"dry","skin":"oily"}',
  j04: '{"skin":"dryish"}',
  j05: '{"skin":1e2}',
  j06: '{"skin":true}',
  j07: '{"skin":{"a":1}}',
  j08: '{"skin":""}',
  j09: '{"skin":"건성"}',
  j10: '{"skin":"\\uac74\\uc131"}', // escaped spelling of "건성"
  j11: JSON.stringify({ skin: HOSTILE }),
  j12: '{"skin":null}',
};
const IDS = Object.keys(ATTRIBUTES);
const VALUES = ['dry', '건성', '', '100.0', '100', '1e2', 'true', '{"a":1}', 'null', HOSTILE, 'dry"', 'oily'];

/** The same comparison without the pre-filter: the expression the compiler printed before. */
async function plainMembers(
  engine: Engine,
  table: 'features' | 'events',
  key: string,
  op: 'eq' | 'in',
  value: string | readonly string[],
): Promise<string[]> {
  const t = table === 'features' ? TABLES.features : TABLES.events;
  const json = { kind: 'column', table: 'x', name: table === 'features' ? 'attributes' : 'properties' } as const;
  const where = fieldPredicate({ kind: 'json_string', json, key }, 'string', { op, value }, AS_OF);
  const q = printSql(
    {
      kind: 'select',
      columns: [{ expr: { kind: 'column', table: 'x', name: 'customer_id' }, alias: 'customer_id' }],
      from: { kind: 'table', table: t.name, alias: 'x' },
      where,
      orderBy: [{ expr: { kind: 'column', table: 'x', name: 'customer_id' } }],
    },
    engine.dialect,
  );
  return (await engine.query<{ customer_id: string }>(q)).map((r) => r.customer_id);
}

for (const kind of ['duckdb', 'chdb'] as const satisfies readonly EngineKind[]) {
  describe(`${kind}: JSON string pre-filter`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await openMemoryWarehouse(kind);
      const t0 = new Date(AS_OF.getTime() - 86_400_000);
      await engine.insert(
        'customers',
        ['customer_id', 'attributes', 'created_at', 'updated_at'],
        IDS.map((id) => [id, ATTRIBUTES[id], t0, t0]),
      );
      await engine.insert(
        'events',
        ['event_id', 'customer_id', 'type', 'occurred_at', 'properties', 'source'],
        IDS.map((id) => [`e-${id}`, id, 'search', t0, (ATTRIBUTES[id] ?? '').replaceAll('"skin"', '"query"'), 'test']),
      );
      await refreshFeatures(engine, { asOf: AS_OF });
    });
    afterAll(async () => engine.close());

    const members = async (root: unknown): Promise<readonly string[]> => {
      const r = await findSegmentMembers(engine, { version: 1, root }, { asOf: AS_OF });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      return r.customerIds;
    };

    it('finds escaped spellings and ignores the value under another key', async () => {
      expect(await members({ kind: 'profile', field: 'attributes.skin', op: 'eq', value: 'dry' })).toEqual([
        'j01',
        'j02',
      ]);
      expect(await members({ kind: 'profile', field: 'attributes.skin', op: 'in', value: ['건성', 'oily'] })).toEqual([
        'j03',
        'j09',
        'j10',
      ]);
      expect(
        await members({ kind: 'events', type: 'search', properties: [{ key: 'query', op: 'eq', value: 'dry' }] }),
      ).toEqual(['j01', 'j02']);
    });

    it('returns what the comparison without the pre-filter returns, for every value', async () => {
      for (const value of VALUES) {
        for (const op of ['eq', 'in'] as const) {
          const v = op === 'in' ? [value, 'zzz'] : value;
          expect(
            await members({ kind: 'profile', field: 'attributes.skin', op, value: v }),
            `attributes ${op} ${value}`,
          ).toEqual(await plainMembers(engine, 'features', 'skin', op, v));
          expect(
            await members({ kind: 'events', type: 'search', properties: [{ key: 'query', op, value: v }] }),
            `events ${op} ${value}`,
          ).toEqual(await plainMembers(engine, 'events', 'query', op, v));
        }
      }
    });
  });
}
