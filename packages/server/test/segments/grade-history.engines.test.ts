import { rmSync } from 'node:fs';
import { DAY_MS } from '@dalbit/core/time/kst';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { type EngineKind, openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { importFile } from '../../src/importers/import-file.ts';
import { findSegmentMembers } from '../../src/segments/count-segment.ts';
import { refreshFeatures } from '../../src/segments/refresh-features.ts';
import { NOW, tempDir, writeCsv } from '../importers/fixtures.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEAD = ['회원아이디', '이름', '휴대폰번호', '회원등급', '가입일'];
const KIM = ['kim01', '김하나', '010-1111-2222'];
const LEE = ['lee02', '이두리', '010-3333-4444'];
const PARK = ['park03', '박세나', '010-5555-6666'];
const members = (grades: [string, string, string]) => [
  HEAD,
  [...KIM, grades[0], '2024-01-05'],
  [...LEE, grades[1], '2024-01-05'],
  [...PARK, grades[2], '2024-01-05'],
];
const at = (days: number) => new Date(NOW.getTime() + days * DAY_MS);

for (const kind of ['duckdb', 'chdb'] as EngineKind[]) {
  describe(`${kind}: membership-grade history from imports, as customer features`, () => {
    let engine: Engine;
    const ids = new Map<string, string>();
    beforeAll(async () => {
      engine = await openMemoryWarehouse(kind);
      // Day 0: kim 실버, lee 골드, park without a grade. Day 10: kim up to 골드, park gets a first
      // grade (not a change). Day 20: kim down to 실버 again; the others keep theirs.
      for (const [day, grades] of [
        [0, ['실버', '골드', '']],
        [10, ['골드', '골드', '일반']],
        [20, ['실버', '골드', '일반']],
      ] as const) {
        const path = writeCsv(dir, `${kind}-members-${day}.csv`, members([...grades]));
        const s = await importFile(engine, { path, now: at(day), source: 'cafe24_customers' });
        expect(s.status, JSON.stringify(s.issues)).toBe('imported');
      }
      for (const r of await engine.query<{ customer_id: string; name: string }>(
        'SELECT customer_id, name FROM customers',
      ))
        ids.set(r.name, r.customer_id);
    });
    afterAll(() => engine.close());

    const audience = async (asOf: Date, root: unknown): Promise<string[]> => {
      await refreshFeatures(engine, { asOf });
      const r = await findSegmentMembers(engine, { version: 1, root }, { asOf });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      const names = new Map([...ids].map(([name, id]) => [id, name]));
      return r.customerIds.map((id) => names.get(id) ?? id).sort();
    };

    it('records each change from one grade to another at the import that saw it', async () => {
      const rows = await engine.query<{ customer_id: string; changed_at: Date; from_grade: string; to_grade: string }>(
        'SELECT customer_id, changed_at, from_grade, to_grade FROM grade_changes ORDER BY changed_at',
      );
      expect(rows.map((r) => ({ ...r, changed_at: new Date(r.changed_at).toISOString() }))).toEqual([
        { customer_id: ids.get('김하나'), changed_at: at(10).toISOString(), from_grade: '실버', to_grade: '골드' },
        { customer_id: ids.get('김하나'), changed_at: at(20).toISOString(), from_grade: '골드', to_grade: '실버' },
      ]);
    });

    it('"grade changed in the last N days" and the grade before it, as of any day', async () => {
      const changed7 = {
        kind: 'profile',
        field: 'grade_changed_at',
        op: 'within',
        window: { kind: 'last_days', days: 7 },
      };
      expect(await audience(at(5), changed7)).toEqual([]);
      expect(await audience(at(12), changed7)).toEqual(['김하나']);
      expect(await audience(at(18), changed7)).toEqual([]);
      const up = {
        kind: 'and',
        items: [
          changed7,
          { kind: 'profile', field: 'previous_grade', op: 'in', value: ['실버'] },
          { kind: 'profile', field: 'grade', op: 'in', value: ['골드'] },
        ],
      };
      // The features keep the grade of the latest import, so "up from 실버 to 골드" is read on day 12
      // only against what the warehouse holds now: kim is 실버 again, so nobody.
      expect(await audience(at(12), up)).toEqual([]);
      const down = {
        kind: 'and',
        items: [changed7, { kind: 'profile', field: 'previous_grade', op: 'in', value: ['골드'] }],
      };
      expect(await audience(at(22), down)).toEqual(['김하나']);
      expect(await audience(at(22), { kind: 'profile', field: 'previous_grade', op: 'exists' })).toEqual(['김하나']);
      expect(await audience(at(22), { kind: 'profile', field: 'grade_changed_at', op: 'not_exists' })).toEqual([
        '박세나',
        '이두리',
      ]);
    });
  });
}
