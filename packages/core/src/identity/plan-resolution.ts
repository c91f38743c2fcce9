import type { IdentityKey, IdentityKind, PersonRecord } from '../ingest/records.ts';
import { type CustomerIdFactory, toCustomerId, toMergeId } from './ids.ts';
import { KEY_KIND_PRIORITY, type ResolverKeyKind, toKeyId } from './key-id.ts';
import { UnionFind } from './union-find.ts';

/** What the warehouse already knows about the batch's keys. */
export interface IdentityIndex {
  /** keyId (`kind:value`, and `record:<recordId>` for records seen before) → canonical customer id. */
  readonly owners: ReadonlyMap<string, string>;
  /** Creation time of every customer named in `owners` (decides merge winners). */
  readonly createdAt: ReadonlyMap<string, Date>;
  /** Canonical customer ids that must never be merged again (from undone merges). */
  readonly neverMerge: readonly (readonly [string, string])[];
}

export interface PlannedMerge {
  readonly mergeId: string;
  readonly winnerId: string;
  readonly loserId: string;
  /** The key that bridged the two customers. */
  readonly reasonKind: string;
  readonly reasonValue: string;
}

export interface NewIdentity {
  readonly kind: IdentityKind;
  readonly value: string;
  readonly mergeable: boolean;
  readonly customerId: string;
  /** Index in `records` of the first record that carried the key (source, first seen). */
  readonly recordIndex: number;
}

export interface ResolutionPlan {
  /** The batch in canonical order (record id, then seen time); every index below refers to it. */
  readonly records: readonly PersonRecord[];
  /** Customer of each record, by index. */
  readonly customerOf: readonly string[];
  readonly newCustomers: readonly { readonly id: string; readonly recordIndex: number }[];
  readonly merges: readonly PlannedMerge[];
  readonly newIdentities: readonly NewIdentity[];
}

export const EMPTY_INDEX: IdentityIndex = { owners: new Map(), createdAt: new Map(), neverMerge: [] };

/** Canonical order of a batch: by record id, then seen time, so any import order plans the same. */
export function orderPersons(persons: readonly PersonRecord[]): PersonRecord[] {
  // A batch already in this order (the shell orders it before staging, then plans it) is not sorted again.
  let ordered = true;
  for (let i = 1; i < persons.length && ordered; i++)
    ordered = byRecordThenSeen(persons[i - 1] as PersonRecord, persons[i] as PersonRecord) <= 0;
  return ordered ? [...persons] : [...persons].sort(byRecordThenSeen);
}

const byRecordThenSeen = (a: PersonRecord, b: PersonRecord): number =>
  a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : a.seenAt.getTime() - b.seenAt.getTime();

const KINDS = Object.keys(KEY_KIND_PRIORITY) as ResolverKeyKind[];
const RECORD_KIND = KINDS.indexOf('record');

interface RecordKeys {
  /** Key nodes of each record, strongest first: `nodes[start[i]] … nodes[start[i + 1] - 1]`. */
  readonly start: Int32Array;
  readonly nodes: Int32Array;
  /** Per key (node - n): kind index into KINDS, value, mergeable. */
  readonly kind: Uint8Array;
  readonly value: string[];
  readonly mergeable: Uint8Array;
}

function collectKeys(records: readonly PersonRecord[]): RecordKeys {
  const n = records.length;
  const byKind = KINDS.map(() => new Map<string, number>());
  const value: string[] = [];
  const kindList: number[] = [];
  const mergeableList: number[] = [];
  const start = new Int32Array(n + 1);
  const flat: number[] = [];
  const nodeFor = (kind: number, v: string, mergeable: boolean): number => {
    const map = byKind[kind] as Map<string, number>;
    let node = map.get(v);
    if (node === undefined) {
      node = n + value.length;
      map.set(v, node);
      value.push(v);
      kindList.push(kind);
      mergeableList.push(mergeable ? 1 : 0);
    } else if (!mergeable) mergeableList[node - n] = 0;
    return node;
  };
  for (let i = 0; i < n; i++) {
    const r = records[i] as PersonRecord;
    start[i] = flat.length;
    flat.push(nodeFor(RECORD_KIND, r.recordId, true));
    const keys = isInPriorityOrder(r.keys) ? r.keys : [...r.keys].sort(byPriority);
    for (const k of keys) {
      const node = nodeFor(KEY_KIND_PRIORITY[k.kind], k.value, k.mergeable);
      let seen = false;
      for (let j = start[i] as number; j < flat.length; j++) if (flat[j] === node) seen = true;
      if (!seen) flat.push(node);
    }
  }
  start[n] = flat.length;
  return {
    start,
    nodes: Int32Array.from(flat),
    kind: Uint8Array.from(kindList),
    value,
    mergeable: Uint8Array.from(mergeableList),
  };
}

const byPriority = (a: IdentityKey, b: IdentityKey): number =>
  KEY_KIND_PRIORITY[a.kind] - KEY_KIND_PRIORITY[b.kind] || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

function isInPriorityOrder(keys: readonly IdentityKey[]): boolean {
  for (let i = 1; i < keys.length; i++)
    if (byPriority(keys[i - 1] as IdentityKey, keys[i] as IdentityKey) > 0) return false;
  return true;
}

const byCreation =
  (createdAt: ReadonlyMap<string, Date>) =>
  (a: string, b: string): number => {
    const ta = createdAt.get(a)?.getTime() ?? Number.POSITIVE_INFINITY;
    const tb = createdAt.get(b)?.getTime() ?? Number.POSITIVE_INFINITY;
    return ta !== tb ? (ta < tb ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0;
  };

/**
 * Deterministic identity resolution of one batch (pure). Records and keys are nodes of a
 * union-find; a record joins each of its mergeable keys (its own record id first), a known key
 * joins the customer that owns it. Non-mergeable keys (050 numbers, landlines) are attached to a
 * customer but never join anything. A cluster that reaches several existing customers merges them
 * into the earliest created (then smallest id); one that reaches none creates a customer with an id
 * from `newCustomerId` (given its smallest record id; the server passes random ids). Unions between clusters holding a never-merge pair are refused.
 *
 * @example
 * const plan = planResolution(persons, EMPTY_INDEX);
 * plan.customerOf[0]; // 'c_…' of the first record in plan.records
 */
export function planResolution(
  persons: readonly PersonRecord[],
  index: IdentityIndex,
  newCustomerId: CustomerIdFactory = toCustomerId,
): ResolutionPlan {
  const records = orderPersons(persons);
  const n = records.length;
  const keys = collectKeys(records);
  const keyCount = keys.value.length;
  const keyIdOf = (k: number): string =>
    toKeyId(KINDS[keys.kind[k] as number] as ResolverKeyKind, keys.value[k] as string);

  const customerNode = new Map<string, number>();
  const customerIds: string[] = [];
  const ownerOfKey: (string | undefined)[] = new Array(keyCount);
  for (let k = 0; k < keyCount; k++) {
    const owner = index.owners.size === 0 ? undefined : index.owners.get(keyIdOf(k));
    ownerOfKey[k] = owner;
    if (owner !== undefined && !customerNode.has(owner)) {
      customerNode.set(owner, n + keyCount + customerIds.length);
      customerIds.push(owner);
    }
  }

  const uf = new UnionFind(n + keyCount + customerIds.length);
  const customersAt = new Map<number, string[]>();
  customerIds.forEach((id, i) => {
    customersAt.set(n + keyCount + i, [id]);
  });
  const forbidden = new Set<string>();
  for (const [a, b] of index.neverMerge) {
    forbidden.add(`${a}\u0000${b}`);
    forbidden.add(`${b}\u0000${a}`);
  }
  const reasonOf = new Map<string, number>();

  const tryUnion = (a: number, b: number, reasonNode: number): void => {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb) return;
    const ca = customersAt.get(ra);
    const cb = customersAt.get(rb);
    if (ca && cb) {
      if (forbidden.size > 0 && ca.some((x) => cb.some((y) => forbidden.has(`${x}\u0000${y}`)))) return;
      for (const c of [...ca, ...cb]) if (!reasonOf.has(c)) reasonOf.set(c, reasonNode);
    }
    const root = uf.linkRoots(ra, rb);
    const merged = ca && cb ? [...ca, ...cb] : (ca ?? cb);
    customersAt.delete(ra);
    customersAt.delete(rb);
    if (merged) customersAt.set(root, merged);
  };

  for (let k = 0; k < keyCount; k++) {
    const owner = ownerOfKey[k];
    if (owner !== undefined) tryUnion(n + k, customerNode.get(owner) as number, n + k);
  }
  for (let i = 0; i < n; i++) {
    for (let j = keys.start[i] as number; j < (keys.start[i + 1] as number); j++) {
      const node = keys.nodes[j] as number;
      if (keys.mergeable[node - n] === 1) tryUnion(i, node, node);
    }
  }

  const compare = byCreation(index.createdAt);
  const customerOfRoot = new Map<number, string>();
  const newCustomers: { id: string; recordIndex: number }[] = [];
  const merges: PlannedMerge[] = [];
  const taken = new Set(customerIds);
  const customerOf: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const root = uf.find(i);
    let id = customerOfRoot.get(root);
    if (id === undefined) {
      const existing = customersAt.get(root);
      if (existing) {
        const [winner, ...losers] = [...existing].sort(compare) as [string, ...string[]];
        id = winner;
        for (const loser of losers) {
          const k = (reasonOf.get(loser) as number) - n;
          const reasonKind = KINDS[keys.kind[k] as number] as ResolverKeyKind;
          merges.push({
            mergeId: toMergeId(winner, loser),
            winnerId: winner,
            loserId: loser,
            reasonKind,
            reasonValue: keys.value[k] as string,
          });
        }
      } else {
        const recordId = (records[i] as PersonRecord).recordId;
        let attempt = 0;
        id = newCustomerId(recordId, 0);
        while (taken.has(id)) id = newCustomerId(recordId, ++attempt);
        taken.add(id);
        newCustomers.push({ id, recordIndex: i });
      }
      customerOfRoot.set(root, id);
    }
    customerOf[i] = id;
  }

  // Listed on demand: the warehouse shell derives the same rows in SQL and never reads them.
  let newIdentities: NewIdentity[] | undefined;
  const listNewIdentities = (): NewIdentity[] => {
    const out: NewIdentity[] = [];
    const placed = new Uint8Array(keyCount);
    for (let i = 0; i < n; i++) {
      for (let j = keys.start[i] as number; j < (keys.start[i + 1] as number); j++) {
        const k = (keys.nodes[j] as number) - n;
        if (placed[k] === 1 || ownerOfKey[k] !== undefined) continue;
        placed[k] = 1;
        if (keys.kind[k] === RECORD_KIND) continue;
        const kind = KINDS[keys.kind[k] as number] as IdentityKind;
        out.push({
          kind,
          value: keys.value[k] as string,
          mergeable: keys.mergeable[k] === 1,
          customerId: customerOf[i] as string,
          recordIndex: i,
        });
      }
    }
    return out;
  };
  return {
    records,
    customerOf,
    newCustomers,
    merges,
    get newIdentities() {
      newIdentities ??= listNewIdentities();
      return newIdentities;
    },
  };
}
