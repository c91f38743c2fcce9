import type { IdentityKind } from '../ingest/records.ts';

/**
 * Kinds of keys the resolver unions on. `record` is internal: a source record id already seen
 * (kept in `person_records`), so a re-imported record lands on the customer it landed on before.
 */
export type ResolverKeyKind = IdentityKind | 'record';

/** Most specific first: a record's strongest key decides where it goes when a union is refused. */
export const KEY_KIND_PRIORITY: Readonly<Record<ResolverKeyKind, number>> = {
  record: 0,
  member: 1,
  warranty: 2,
  kakao: 3,
  email: 4,
  phone: 5,
  anon: 6,
};

/** `kind:value`; kinds never contain ':' so the first ':' splits it back. */
export function toKeyId(kind: ResolverKeyKind, value: string): string {
  return `${kind}:${value}`;
}

export function fromKeyId(keyId: string): { kind: ResolverKeyKind; value: string } {
  const i = keyId.indexOf(':');
  return { kind: keyId.slice(0, i) as ResolverKeyKind, value: keyId.slice(i + 1) };
}
