import { IMPORT_JOBS } from '@dalbit/core/ingest/import-state-tables';
import { columnNames } from '@dalbit/core/schema/table';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine, Row } from '../engines/engine.ts';
import type { ImportSummary } from '../importers/import-summary.ts';
import type { ImportJob, ImportPhase } from './import-jobs.ts';

/** Row problems kept with a stored job (the page shows 50; the rejects file falls back to the importer's words beyond). */
const STORED_ISSUES = 5000;

/** Phases of a job still under way: a stored job in one of them has lost its server. */
export const LIVE_PHASES: readonly ImportPhase[] = ['queued', 'reading', 'writing', 'refreshing'];

type StoredState = Pick<ImportJob, 'summary' | 'error' | 'refreshFailed' | 'rejectsPath' | 'interruptedIn'>;

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** Writes the job's current state (one row per job, replaced). */
export async function saveJob(engine: Engine, job: ImportJob, now: Date): Promise<void> {
  const s = job.summary;
  const state: StoredState = {
    ...(s ? { summary: { ...s, preview: [], issues: s.issues.slice(0, STORED_ISSUES) } } : {}),
    ...(job.error ? { error: job.error } : {}),
    ...(job.refreshFailed ? { refreshFailed: true } : {}),
    ...(job.rejectsPath ? { rejectsPath: job.rejectsPath } : {}),
    ...(job.interruptedIn ? { interruptedIn: job.interruptedIn } : {}),
  };
  const values: Record<string, unknown> = {
    job_id: job.id,
    upload_id: job.uploadId,
    file_name: job.fileName,
    actor: job.actor,
    created_at: job.createdAt,
    updated_at: now,
    phase: job.phase,
    fraction: job.fraction,
    rows_read: job.rowsRead,
    bytes_read: job.bytesRead,
    total_bytes: job.totalBytes,
    state: JSON.stringify(state),
  };
  const cols = columnNames(IMPORT_JOBS);
  await engine.transaction(async (tx) => {
    // chDB has no DELETE with parameters: the dialect writes a tombstone (decision 0019).
    await tx.query(
      compileBound(tx.dialect, (b) =>
        tx.dialect.write.deleteWhere({ table: IMPORT_JOBS, alias: 't', where: `t.job_id = ${b.p(job.id, 'string')}` }),
      ),
    );
    await tx.insert(IMPORT_JOBS.name, cols, [cols.map((c) => values[c] ?? null)]);
  });
}

function fromRow(r: Row): ImportJob {
  const state = json<StoredState>(r.state ?? '{}');
  return {
    id: String(r.job_id),
    uploadId: String(r.upload_id),
    fileName: String(r.file_name),
    actor: String(r.actor),
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(String(r.created_at)),
    phase: String(r.phase) as ImportPhase,
    fraction: Number(r.fraction),
    rowsRead: Number(r.rows_read),
    bytesRead: Number(r.bytes_read),
    totalBytes: Number(r.total_bytes),
    ...(state.summary ? { summary: state.summary as ImportSummary } : {}),
    ...(state.error ? { error: state.error } : {}),
    ...(state.refreshFailed ? { refreshFailed: true } : {}),
    ...(state.rejectsPath ? { rejectsPath: state.rejectsPath } : {}),
    ...(state.interruptedIn ? { interruptedIn: state.interruptedIn } : {}),
  };
}

export async function loadJob(engine: Engine, id: string): Promise<ImportJob | undefined> {
  const [r] = await engine.query(
    compileBound(engine.dialect, (b) => `SELECT * FROM import_jobs WHERE job_id = ${b.p(id, 'string')}`),
  );
  return r ? fromRow(r) : undefined;
}

/** Latest jobs first, of one person (or everyone's when `actor` is undefined). */
export async function listJobs(engine: Engine, actor: string | undefined, limit: number): Promise<ImportJob[]> {
  const rows = await engine.query(
    compileBound(engine.dialect, (b) => {
      const where = actor === undefined ? '' : `WHERE actor = ${b.p(actor, 'string')} `;
      return `SELECT * FROM import_jobs ${where}ORDER BY created_at DESC, job_id LIMIT ${b.p(limit, 'int')}`;
    }),
  );
  return rows.map(fromRow);
}

/** Jobs a previous server left under way. */
export async function liveJobs(engine: Engine): Promise<ImportJob[]> {
  const list = LIVE_PHASES.map((p) => `'${p}'`).join(', ');
  return (await engine.query(`SELECT * FROM import_jobs WHERE phase IN (${list})`)).map(fromRow);
}

/** Whether the import history holds this job's import (committed before its server stopped). */
export async function importLanded(engine: Engine, job: ImportJob): Promise<string | undefined> {
  const [r] = await engine.query<{ import_id: string }>(
    compileBound(
      engine.dialect,
      (b) =>
        `SELECT import_id FROM imports WHERE actor = ${b.p(job.actor, 'string')} AND file = ${b.p(job.fileName, 'string')} ` +
        `AND started_at >= ${b.p(job.createdAt, 'timestamp')} ORDER BY started_at LIMIT 1`,
    ),
  );
  return r?.import_id;
}
