import { randomUUID } from 'node:crypto';
import { DalbitError, type ErrorText, errorText } from '@dalbit/core/errors/dalbit-error';
import type { ErrorKind } from '@dalbit/core/errors/error-codes';
import { columnNames } from '@dalbit/core/schema/table';
import type { SegmentIssue } from '@dalbit/core/segments/issues';
import type { SegmentDefinition } from '@dalbit/core/segments/schema';
import { SEGMENT_VERSIONS, SEGMENTS } from '@dalbit/core/segments/tables';
import { parseSegment } from '@dalbit/core/segments/validate';
import { type Engine, sql } from '../engines/engine.ts';

export interface SegmentHeader {
  readonly segmentId: string;
  readonly revision: number;
  readonly name: string;
  readonly description: string | null;
  readonly currentVersion: number;
  readonly pinned: boolean;
  readonly status: 'active' | 'archived';
  readonly recipe: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface SegmentVersion {
  readonly segmentId: string;
  readonly version: number;
  readonly definition: SegmentDefinition;
  readonly createdAt: Date;
  readonly note: string | null;
}

export type SegmentStoreErrorCode = 'NOT_FOUND' | 'INVALID_SEGMENT' | 'CORRUPT_DEFINITION';

const SEGMENT_STORE_ERROR_KIND = {
  NOT_FOUND: 'not_found',
  INVALID_SEGMENT: 'invalid_input',
  CORRUPT_DEFINITION: 'internal',
} as const satisfies Record<SegmentStoreErrorCode, ErrorKind>;

/** Operational failure of the segment store, with a stable code. */
export class SegmentStoreError extends DalbitError {
  override readonly name = 'SegmentStoreError';
  declare readonly code: SegmentStoreErrorCode;
  declare readonly issues: readonly SegmentIssue[];
  constructor(code: SegmentStoreErrorCode, message: string | ErrorText, issues: readonly SegmentIssue[] = []) {
    super({ code, kind: SEGMENT_STORE_ERROR_KIND[code], message, issues });
  }
}

type HeaderRow = {
  segment_id: string;
  revision: number;
  name: string;
  description: string | null;
  current_version: number;
  pinned: boolean;
  status: string;
  recipe: string | null;
  created_at: Date;
  updated_at: Date;
};

const toHeader = (r: HeaderRow): SegmentHeader => ({
  segmentId: r.segment_id,
  revision: Number(r.revision),
  name: r.name,
  description: r.description,
  currentVersion: Number(r.current_version),
  pinned: Boolean(r.pinned),
  status: r.status === 'archived' ? 'archived' : 'active',
  recipe: r.recipe,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

async function writeHeader(engine: Engine, h: SegmentHeader): Promise<void> {
  const row: Record<string, unknown> = {
    segment_id: h.segmentId,
    revision: h.revision,
    name: h.name,
    description: h.description,
    current_version: h.currentVersion,
    pinned: h.pinned,
    status: h.status,
    recipe: h.recipe,
    created_at: h.createdAt,
    updated_at: h.updatedAt,
  };
  const cols = columnNames(SEGMENTS);
  await engine.insert(SEGMENTS.name, cols, [cols.map((c) => row[c] ?? null)]);
}

/** Latest header of every segment (headers are append-only revisions). */
export async function listSegments(engine: Engine): Promise<SegmentHeader[]> {
  const q = engine.dialect.quoteIdent;
  const rows = await engine.query<HeaderRow>(
    sql(`SELECT * FROM ${q(SEGMENTS.name)} ORDER BY ${q('segment_id')}, ${q('revision')}`),
  );
  const latest = new Map<string, SegmentHeader>();
  for (const r of rows) latest.set(r.segment_id, toHeader(r));
  return [...latest.values()].sort(
    (a, b) => Number(b.pinned) - Number(a.pinned) || a.createdAt.getTime() - b.createdAt.getTime(),
  );
}

export async function findSegment(engine: Engine, segmentId: string): Promise<SegmentHeader | undefined> {
  return (await listSegments(engine)).find((s) => s.segmentId === segmentId);
}

export async function getSegmentOrThrow(engine: Engine, segmentId: string): Promise<SegmentHeader> {
  const s = await findSegment(engine, segmentId);
  if (!s) throw new SegmentStoreError('NOT_FOUND', errorText('storeError.segment.notFound', { id: segmentId }));
  return s;
}

/** Every version of a segment, oldest first; stored JSON is re-validated on read. */
export async function listVersions(engine: Engine, segmentId: string): Promise<SegmentVersion[]> {
  const q = engine.dialect.quoteIdent;
  const p = engine.dialect.placeholder;
  const rows = await engine.query<{
    segment_id: string;
    version: number;
    definition: string;
    created_at: Date;
    note: string | null;
  }>(
    sql(
      `SELECT * FROM ${q(SEGMENT_VERSIONS.name)} WHERE ${q('segment_id')} = ${p(1, 'string')} ORDER BY ${q('version')}`,
      [segmentId],
      ['string'],
    ),
  );
  return rows.map((r) => {
    const parsed = parseSegment(JSON.parse(r.definition));
    if (!parsed.ok)
      throw new SegmentStoreError(
        'CORRUPT_DEFINITION',
        errorText('storeError.segment.corrupt', { id: segmentId, version: r.version }),
        parsed.issues,
      );
    return {
      segmentId: r.segment_id,
      version: Number(r.version),
      definition: parsed.definition,
      createdAt: r.created_at,
      note: r.note,
    };
  });
}

export async function getVersionOrThrow(engine: Engine, segmentId: string, version?: number): Promise<SegmentVersion> {
  const header = await getSegmentOrThrow(engine, segmentId);
  const wanted = version ?? header.currentVersion;
  const v = (await listVersions(engine, segmentId)).find((x) => x.version === wanted);
  if (!v)
    throw new SegmentStoreError(
      'NOT_FOUND',
      errorText('storeError.segment.noVersion', { id: segmentId, version: wanted }),
    );
  return v;
}

function validOrThrow(definition: unknown): SegmentDefinition {
  const parsed = parseSegment(definition);
  if (!parsed.ok)
    throw new SegmentStoreError('INVALID_SEGMENT', errorText('storeError.segment.invalid'), parsed.issues);
  return parsed.definition;
}

/**
 * Stores a new segment with version 1.
 * @example await createSegment(engine, { name: '장바구니 이탈', definition, now: new Date() })
 */
export async function createSegment(
  engine: Engine,
  input: {
    name: string;
    definition: unknown;
    description?: string;
    recipe?: string;
    pinned?: boolean;
    now: Date;
    segmentId?: string;
  },
): Promise<SegmentHeader> {
  const definition = validOrThrow(input.definition);
  const header: SegmentHeader = {
    segmentId: input.segmentId ?? `seg-${randomUUID().slice(0, 8)}`,
    revision: 1,
    name: input.name,
    description: input.description ?? null,
    currentVersion: 1,
    pinned: input.pinned ?? false,
    status: 'active',
    recipe: input.recipe ?? null,
    createdAt: input.now,
    updatedAt: input.now,
  };
  await engine.transaction(async (tx) => {
    await tx.insert(SEGMENT_VERSIONS.name, columnNames(SEGMENT_VERSIONS), [
      [header.segmentId, 1, JSON.stringify(definition), input.now, null],
    ]);
    await writeHeader(tx, header);
  });
  return header;
}

/** Editing never overwrites: it adds version n+1 and points the header at it. */
export async function updateSegmentDefinition(
  engine: Engine,
  input: { segmentId: string; definition: unknown; note?: string; now: Date },
): Promise<SegmentHeader> {
  const definition = validOrThrow(input.definition);
  const current = await getSegmentOrThrow(engine, input.segmentId);
  const versions = await listVersions(engine, input.segmentId);
  const version = Math.max(0, ...versions.map((v) => v.version)) + 1;
  const next: SegmentHeader = {
    ...current,
    revision: current.revision + 1,
    currentVersion: version,
    updatedAt: input.now,
  };
  await engine.transaction(async (tx) => {
    await tx.insert(SEGMENT_VERSIONS.name, columnNames(SEGMENT_VERSIONS), [
      [input.segmentId, version, JSON.stringify(definition), input.now, input.note ?? null],
    ]);
    await writeHeader(tx, next);
  });
  return next;
}

/** Pin/unpin, rename or archive: a new header revision. */
export async function updateSegmentHeader(
  engine: Engine,
  input: { segmentId: string; now: Date; pinned?: boolean; name?: string; status?: 'active' | 'archived' },
): Promise<SegmentHeader> {
  const current = await getSegmentOrThrow(engine, input.segmentId);
  const next: SegmentHeader = {
    ...current,
    revision: current.revision + 1,
    pinned: input.pinned ?? current.pinned,
    name: input.name ?? current.name,
    status: input.status ?? current.status,
    updatedAt: input.now,
  };
  await writeHeader(engine, next);
  return next;
}
