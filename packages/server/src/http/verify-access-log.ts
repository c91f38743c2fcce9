import type { Engine } from '../engines/engine.ts';
import { auditAnchor, entryHash, readAccessLog } from './access-log.ts';

export type AuditProblemKind =
  /** The entry's fields no longer give its hash: edited. */
  | 'edited'
  /** A sequence number is missing: entries were deleted. */
  | 'gap'
  /** The entry does not point at the one before it: deleted, reordered or inserted. */
  | 'broken_link'
  /** The head file names a later entry than the table has: the end was cut off. */
  | 'truncated'
  /** The head file names another last entry (or none while the table has entries). */
  | 'head_mismatch';

export interface AuditProblem {
  readonly kind: AuditProblemKind;
  readonly seq: number | null;
  readonly detail: string;
}

export interface AuditReport {
  readonly ok: boolean;
  /** Entries checked (with sequence numbers). */
  readonly entries: number;
  /** Entries written before sequence numbers existed (plain hashes; not provable). */
  readonly legacy: number;
  readonly head: { seq: number; hash: string } | null;
  readonly problems: readonly AuditProblem[];
}

/**
 * Checks the access log: every entry's keyed hash, the sequence without gaps, each entry's link
 * to the one before it, and the last entry against the head anchored outside the table.
 */
export async function verifyAccessLog(engine: Engine): Promise<AuditReport> {
  const { key, head } = auditAnchor(engine);
  const all = await readAccessLog(engine);
  const legacy = all.filter((e) => e.seq === null).length;
  const chained = all.filter((e) => e.seq !== null);
  const problems: AuditProblem[] = [];
  let prev: { seq: number; hash: string } | undefined;
  for (const e of chained) {
    const seq = e.seq ?? 0;
    const expectedSeq = (prev?.seq ?? 0) + 1;
    if (seq !== expectedSeq)
      problems.push({
        kind: 'gap',
        seq,
        detail: seq > expectedSeq ? `#${expectedSeq}–#${seq - 1} missing` : `#${seq} repeated`,
      });
    if (e.prevHash !== (prev?.hash ?? ''))
      problems.push({ kind: 'broken_link', seq, detail: `#${seq} does not follow #${prev?.seq ?? 0}` });
    if (entryHash(key, e) !== e.hash) problems.push({ kind: 'edited', seq, detail: `#${seq} (${e.action})` });
    prev = { seq, hash: e.hash };
  }
  if (head && (!prev || head.seq > prev.seq))
    problems.push({ kind: 'truncated', seq: head.seq, detail: `head #${head.seq}, table ends at #${prev?.seq ?? 0}` });
  else if (head && prev && (head.seq !== prev.seq || head.hash !== prev.hash))
    problems.push({ kind: 'head_mismatch', seq: prev.seq, detail: `head #${head.seq}, table ends at #${prev.seq}` });
  else if (!head && prev) problems.push({ kind: 'head_mismatch', seq: prev.seq, detail: 'the head file is missing' });
  return { ok: problems.length === 0, entries: chained.length, legacy, head: head ?? null, problems };
}
