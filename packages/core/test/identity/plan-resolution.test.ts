import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCanonicalMap } from '../../src/identity/canonical-map.ts';
import { toCustomerId } from '../../src/identity/ids.ts';
import { EMPTY_INDEX, planResolution } from '../../src/identity/plan-resolution.ts';
import type { IdentityKey, PersonRecord } from '../../src/ingest/records.ts';
import { MemoryIndex, partitionBy, referencePartition } from './simulate.ts';

const T = new Date('2024-05-01T00:00:00Z');
const phone = (v: string, mergeable = true): IdentityKey => ({ kind: 'phone', value: v, mergeable });
const email = (v: string): IdentityKey => ({ kind: 'email', value: v, mergeable: true });
const member = (v: string): IdentityKey => ({ kind: 'member', value: v, mergeable: true });
const person = (recordId: string, channel: string, keys: IdentityKey[]): PersonRecord => ({
  recordId,
  channel,
  keys,
  seenAt: T,
});

describe('planResolution', () => {
  it('joins a Cafe24 member, a SmartStore buyer and a POS sale that share a phone', () => {
    const plan = planResolution(
      [
        person('cafe24:member:hong', 'cafe24', [
          member('cafe24:hong'),
          phone('+821012345678'),
          email('hong@example.com'),
        ]),
        person('smartstore:buyer:1', 'smartstore', [phone('+821012345678')]),
        person('pos:sale:9', 'offline', [phone('+821012345678')]),
        person('cafe24:member:kim', 'cafe24', [member('cafe24:kim'), phone('+821099998888')]),
      ],
      EMPTY_INDEX,
    );
    expect(plan.newCustomers.map((c) => c.id)).toEqual([
      toCustomerId('cafe24:member:hong'),
      toCustomerId('cafe24:member:kim'),
    ]);
    const hong = toCustomerId('cafe24:member:hong');
    expect(plan.records.map((r, i) => [r.recordId, plan.customerOf[i]])).toEqual([
      ['cafe24:member:hong', hong],
      ['cafe24:member:kim', toCustomerId('cafe24:member:kim')],
      ['pos:sale:9', hong],
      ['smartstore:buyer:1', hong],
    ]);
    expect(plan.merges).toEqual([]);
    expect(
      plan.newIdentities
        .filter((k) => k.kind === 'phone')
        .map((k) => [k.value, k.customerId, plan.records[k.recordIndex]?.recordId]),
    ).toEqual([
      ['+821012345678', hong, 'cafe24:member:hong'],
      ['+821099998888', toCustomerId('cafe24:member:kim'), 'cafe24:member:kim'],
    ]);
  });

  it('never joins two records through a non-mergeable key, but attaches the key to the first', () => {
    const plan = planResolution(
      [
        person('ss:1', 'smartstore', [phone('+82505551234', false), email('a@x.kr')]),
        person('ss:2', 'smartstore', [phone('+82505551234', false)]),
      ],
      EMPTY_INDEX,
    );
    expect(new Set(plan.customerOf).size).toBe(2);
    expect(plan.newIdentities).toContainEqual({
      kind: 'phone',
      value: '+82505551234',
      mergeable: false,
      customerId: plan.customerOf[0],
      recordIndex: 0,
    });
  });

  it('never merges on name alone', () => {
    const a = { ...person('a', 'cafe24', [email('a@x.kr')]), name: '홍길동' };
    const b = { ...person('b', 'offline', [email('b@x.kr')]), name: '홍길동' };
    expect(new Set(planResolution([a, b], EMPTY_INDEX).customerOf).size).toBe(2);
  });

  it('merges existing customers into the earliest created, with the key that reached the second customer as reason', () => {
    const index = {
      owners: new Map([
        ['phone:+821011112222', 'c_b'],
        ['email:k@x.kr', 'c_a'],
      ]),
      createdAt: new Map([
        ['c_a', new Date('2024-02-01T00:00:00Z')],
        ['c_b', new Date('2024-01-01T00:00:00Z')],
      ]),
      neverMerge: [],
    };
    const plan = planResolution([person('x', 'offline', [phone('+821011112222'), email('k@x.kr')])], index);
    expect(plan.customerOf).toEqual(['c_b']);
    expect(plan.merges).toEqual([
      {
        mergeId: expect.stringMatching(/^m_[0-9a-f]{16}$/),
        winnerId: 'c_b',
        loserId: 'c_a',
        reasonKind: 'phone',
        reasonValue: '+821011112222',
      },
    ]);
    expect(plan.newCustomers).toEqual([]);
  });

  it('refuses a merge that was undone; the record stays with its strongest key', () => {
    const index = {
      owners: new Map([
        ['phone:+821011112222', 'c_a'],
        ['member:cafe24:b', 'c_b'],
      ]),
      createdAt: new Map([
        ['c_a', new Date('2024-01-01T00:00:00Z')],
        ['c_b', new Date('2024-02-01T00:00:00Z')],
      ]),
      neverMerge: [['c_a', 'c_b'] as const],
    };
    const plan = planResolution(
      [person('cafe24:member:b', 'cafe24', [phone('+821011112222'), member('cafe24:b')])],
      index,
    );
    expect(plan.merges).toEqual([]);
    expect(plan.customerOf).toEqual(['c_b']);
  });

  it('follows merge chains and ignores undone merges', () => {
    const canonical = buildCanonicalMap([
      { winnerId: 'b', loserId: 'c', undone: false },
      { winnerId: 'a', loserId: 'b', undone: false },
      { winnerId: 'x', loserId: 'a', undone: true },
    ]);
    expect(['a', 'b', 'c', 'x', 'z'].map(canonical)).toEqual(['a', 'a', 'a', 'x', 'z']);
  });
});

const PHONES = ['+821010000001', '+821010000002', '+821010000003', '+821010000004', '+821010000005'];
const VIRTUAL = ['+82505000001', '+82505000002'];
const EMAILS = ['a@x.kr', 'b@x.kr', 'c@x.kr'];
const MEMBERS = ['cafe24:m1', 'cafe24:m2', 'musinsa:m1'];

const keyArb: fc.Arbitrary<IdentityKey> = fc.oneof(
  fc.constantFrom(...PHONES).map((v) => phone(v)),
  fc.constantFrom(...VIRTUAL).map((v) => phone(v, false)),
  fc.constantFrom(...EMAILS).map(email),
  fc.constantFrom(...MEMBERS).map(member),
);
const batchArb = fc
  .array(
    fc.tuple(fc.constantFrom('cafe24', 'smartstore', 'offline'), fc.array(keyArb, { minLength: 1, maxLength: 3 })),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows) => rows.map(([channel, keys], i) => person(`r${String(i).padStart(3, '0')}`, channel, keys)));

/** A batch with a permutation and cut points: the same records imported in several files. */
const splitArb = batchArb.chain((records) =>
  fc.tuple(
    fc.constant(records),
    fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }),
    fc.array(fc.nat(records.length), { maxLength: 4 }),
  ),
);

function importInBatches(order: readonly PersonRecord[], cuts: readonly number[]): MemoryIndex {
  const index = new MemoryIndex();
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), order.length];
  for (let i = 0; i + 1 < bounds.length; i++) index.import(order.slice(bounds[i], bounds[i + 1]));
  return index;
}

describe('planResolution properties', () => {
  it('yields the connected components of mergeable keys, whatever the import order and batch split', () => {
    fc.assert(
      fc.property(splitArb, ([records, order, cuts]) => {
        const index = importInBatches(order, cuts);
        const ids = records.map((r) => r.recordId);
        expect(partitionBy(ids, (id) => index.customerOfRecord(id))).toEqual(referencePartition(records));
      }),
      { numRuns: 300 },
    );
  });

  it('importing the same records again changes nothing', () => {
    fc.assert(
      fc.property(splitArb, ([records, order, cuts]) => {
        const index = importInBatches(order, cuts);
        const before = new Map(index.owners);
        const again = index.import(records);
        expect(again.newCustomers).toEqual([]);
        expect(again.merges).toEqual([]);
        expect(again.newIdentities).toEqual([]);
        expect(index.owners).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it('non-mergeable keys never bridge two records', () => {
    fc.assert(
      fc.property(batchArb, (records) => {
        const plan = planResolution(records, EMPTY_INDEX);
        const withoutVirtual = records.map((r) => ({ ...r, keys: r.keys.filter((k) => k.mergeable) }));
        const planWithout = planResolution(withoutVirtual, EMPTY_INDEX);
        const ids = plan.records.map((r) => r.recordId);
        const of = (p: typeof plan) => (id: string) => p.customerOf[p.records.findIndex((r) => r.recordId === id)];
        expect(partitionBy(ids, of(plan))).toEqual(partitionBy(ids, of(planWithout)));
        for (const k of plan.newIdentities) if (!k.mergeable) expect(plan.customerOf).toContain(k.customerId);
      }),
      { numRuns: 200 },
    );
  });
});
