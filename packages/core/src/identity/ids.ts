import { sha256Hex } from '../hash/sha256.ts';

const hex16 = (s: string): string => sha256Hex(s).slice(0, 16);

/**
 * Customer ids are derived from the smallest record id of the cluster that created them, so the
 * same data always yields the same ids. `attempt` > 0 only after a (practically impossible) clash.
 */
export function toCustomerId(firstRecordId: string, attempt = 0): string {
  return `c_${hex16(attempt === 0 ? firstRecordId : `${firstRecordId}#${attempt}`)}`;
}

export function toMergeId(winnerId: string, loserId: string): string {
  return `m_${hex16(`${winnerId}\u0000${loserId}`)}`;
}
