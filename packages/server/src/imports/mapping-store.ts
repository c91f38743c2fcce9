import { randomUUID } from 'node:crypto';
import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import { translate } from '@dalbit/core/i18n/catalog';
import { IMPORT_MAPPINGS } from '@dalbit/core/ingest/import-state-tables';
import type { MappingFile } from '@dalbit/core/ingest/mapping-file';
import type { SavedMapping } from '@dalbit/core/ingest/saved-mapping';
import type { SourceKind } from '@dalbit/core/ingest/source-kind';
import { columnNames } from '@dalbit/core/schema/table';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine, Row } from '../engines/engine.ts';

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();

function fromRow(r: Row): SavedMapping {
  return {
    id: String(r.mapping_id),
    name: String(r.name),
    source: String(r.source_kind) as SourceKind,
    mapping: json<MappingFile>(r.mapping),
    headers: json<string[]>(r.headers),
    createdBy: String(r.created_by),
    createdAt: iso(r.created_at),
    updatedBy: String(r.updated_by),
    updatedAt: iso(r.updated_at),
  };
}

const notFound = () =>
  new DalbitError({
    code: 'MAPPING_NOT_FOUND',
    kind: 'not_found',
    message: translate('ko', 'imports.mappings.notFound'),
  });

/** Saved mappings of the brand, by kind of file then name. */
export async function listMappings(engine: Engine): Promise<SavedMapping[]> {
  const rows = await engine.query('SELECT * FROM import_mappings ORDER BY source_kind, name, mapping_id');
  return rows.map(fromRow);
}

async function findMapping(engine: Engine, id: string): Promise<SavedMapping> {
  const [r] = await engine.query(
    compileBound(engine.dialect, (b) => `SELECT * FROM import_mappings WHERE mapping_id = ${b.p(id, 'string')}`),
  );
  if (!r) throw notFound();
  return fromRow(r);
}

/** A name is unique per kind of file: the page offers mappings by name. */
async function refuseTakenName(tx: Engine, source: string, name: string, except?: string): Promise<void> {
  const rows = await tx.query<{ mapping_id: string }>(
    compileBound(
      tx.dialect,
      (b) =>
        `SELECT mapping_id FROM import_mappings WHERE source_kind = ${b.p(source, 'string')} AND name = ${b.p(name, 'string')}`,
    ),
  );
  if (rows.some((r) => r.mapping_id !== except))
    throw new DalbitError({
      code: 'MAPPING_NAME_TAKEN',
      kind: 'conflict',
      message: translate('ko', 'imports.mappings.nameTaken', { name }),
      issues: [{ path: ['body', 'name'], message: name }],
    });
}

/** Removes one mapping row as the dialect deletes (chDB: a tombstone, decision 0019). */
async function removeRow(tx: Engine, id: string): Promise<void> {
  await tx.query(
    compileBound(tx.dialect, (b) =>
      tx.dialect.write.deleteWhere({
        table: IMPORT_MAPPINGS,
        alias: 't',
        where: `t.mapping_id = ${b.p(id, 'string')}`,
      }),
    ),
  );
}

async function write(tx: Engine, m: SavedMapping): Promise<void> {
  await removeRow(tx, m.id);
  const values: Record<string, unknown> = {
    mapping_id: m.id,
    name: m.name,
    source_kind: m.source,
    mapping: JSON.stringify(m.mapping),
    headers: JSON.stringify(m.headers),
    created_by: m.createdBy,
    created_at: new Date(m.createdAt),
    updated_by: m.updatedBy,
    updated_at: new Date(m.updatedAt),
  };
  const cols = columnNames(IMPORT_MAPPINGS);
  await tx.insert(IMPORT_MAPPINGS.name, cols, [cols.map((c) => values[c] ?? null)]);
}

/** Saves a mapping under a new name for its kind of file. */
export async function saveMapping(
  engine: Engine,
  input: { name: string; mapping: MappingFile & { source: SourceKind }; headers: readonly string[] },
  by: { actor: string; now: Date },
): Promise<SavedMapping> {
  const at = by.now.toISOString();
  const saved: SavedMapping = {
    id: randomUUID(),
    name: input.name.trim(),
    source: input.mapping.source,
    mapping: input.mapping,
    headers: [...input.headers],
    createdBy: by.actor,
    createdAt: at,
    updatedBy: by.actor,
    updatedAt: at,
  };
  await engine.transaction(async (tx) => {
    await refuseTakenName(tx, saved.source, saved.name);
    await write(tx, saved);
  });
  return saved;
}

/** Renames a saved mapping (who and when are recorded). */
export async function renameMapping(
  engine: Engine,
  id: string,
  name: string,
  by: { actor: string; now: Date },
): Promise<SavedMapping> {
  return await engine.transaction(async (tx) => {
    const m = await findMapping(tx, id);
    const renamed = { ...m, name: name.trim(), updatedBy: by.actor, updatedAt: by.now.toISOString() };
    await refuseTakenName(tx, m.source, renamed.name, id);
    await write(tx, renamed);
    return renamed;
  });
}

export async function deleteMapping(engine: Engine, id: string): Promise<void> {
  await engine.transaction(async (tx) => {
    await findMapping(tx, id);
    await removeRow(tx, id);
  });
}
