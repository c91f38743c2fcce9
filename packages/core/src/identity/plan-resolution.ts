import type { IdentityKind, PersonRecord } from '../ingest/records.ts';
import { toCustomerId, toMergeId } from './ids.ts';
import { fromKeyId, KEY_KIND_PRIORITY, toKeyId } from './key-id.ts';
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
  return [...persons].sort((a, b) =>
    a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : a.seenAt.getTime() - b.seenAt.getTime(),
  );
}

interface RecordKeys {
  /** Key nodes of each record, strongest first: start offsets into `nodes`. */
  readonly start: Int32Array;
  readonly nodes: Int32Array;
  readonly keyIds: string[];
  readonly mergeable: Uint8Array;
}

function collectKeys(records: readonly PersonRecord[]): RecordKeys {
  const nodeOf = new Map<string, number>();
  const keyIds: string[] = [];
  const mergeableList: number[] = [];
  const start = new Int32Array(records.length + 1);
  const flat: number[] = [];
  const n = records.length;
  const nodeFor = (keyId: string, mergeable: boolean): number => {
    let node = nodeOf.get(keyId);
    if (node === undefined) {
      node = n + keyIds.length;
      nodeOf.set(keyId, node);
      keyIds.push(keyId);
      mergeableList.push(mergeable ? 1 : 0);
    } else if (!mergeable) mergeableList[node - n] = 0;
    return node;
  };
  for (let i = 0; i < n; i++) {
    const r = records[i] as PersonRecord;
    start[i] = flat.length;
    const keys = [...r.keys].sort((a, b) => KEY_KIND_PRIORITY[a.kind] - KEY_KIND_PRIORITY[b.kind] || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    const own = [nodeFor(toKeyId('record', r.recordId), true)];
    for (const k of keys) {
      const node = nodeFor(toKeyId(k.kind, k.value), k.mergeable);
      if (!own.includes(node)) own.push(node);
    }
    flat.push(...own);
  }
  start[n] = flat.length;
  return { start, nodes: Int32Array.from(flat), keyIds, mergeable: Uint8Array.from(mergeableList) };
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
 * into the earliest created (then smallest id); one that reaches none creates a customer whose id
 * derives from its smallest record id. Unions between clusters holding a never-merge pair are refused.
 *
 * @example
 * const plan = planResolution(persons, EMPTY_INDEX);
 * plan.customerOf[0]; // 'c_…' of the first record in plan.records
 */
export function planResolution(persons: readonly PersonRecord[], index: IdentityIndex): ResolutionPlan {
  const records = orderPersons(persons);
  const n = records.length;
  const keys = collectKeys(records);
  const keyCount = keys.keyIds.length;

  const customerNode = new Map<string, number>();
  const customerIds: string[] = [];
  const ownerOfKey: (string | undefined)[] = new Array(keyCount);
  for (let k = 0; k < keyCount; k++) {
    const owner = index.owners.get(keys.keyIds[k] as string);
    ownerOfKey[k] = owner;
    if (owner !== undefined && !customerNode.has(owner)) {
      customerNode.set(owner, n + keyCount + customerIds.length);
      customerIds.push(owner);
    }
  }

  const uf = new UnionFind(n + keyCount + customerIds.length);
  const customersAt = new Map<number, string[]>();
  customerIds.forEach((id, i) => customersAt.set(n + keyCount + i, [id]));
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
          const reason = fromKeyId(keys.keyIds[(reasonOf.get(loser) as number) - n] as string);
          merges.push({ mergeId: toMergeId(winner, loser), winnerId: winner, loserId: loser, reasonKind: reason.kind, reasonValue: reason.value });
        }
      } else {
        const recordId = (records[i] as PersonRecord).recordId;
        let attempt = 0;
        id = toCustomerId(recordId);
        while (taken.has(id)) id = toCustomerId(recordId, ++attempt);
        taken.add(id);
        newCustomers.push({ id, recordIndex: i });
      }
      customerOfRoot.set(root, id);
    }
    customerOf[i] = id;
  }

  const newIdentities: NewIdentity[] = [];
  const placed = new Uint8Array(keyCount);
  for (let i = 0; i < n; i++) {
    for (let j = keys.start[i] as number; j < (keys.start[i + 1] as number); j++) {
      const k = (keys.nodes[j] as number) - n;
      if (placed[k] === 1 || ownerOfKey[k] !== undefined) continue;
      placed[k] = 1;
      const { kind, value } = fromKeyId(keys.keyIds[k] as string);
      if (kind === 'record') continue;
      newIdentities.push({ kind, value, mergeable: keys.mergeable[k] === 1, customerId: customerOf[i] as string, recordIndex: i });
    }
  }
  return { records, customerOf, newCustomers, merges, newIdentities };
}
