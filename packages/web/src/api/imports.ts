import type { Lang } from '@dalbit/core/i18n/lang';
import type { ImportRecord } from '@dalbit/core/ingest/import-record';
import type { SavedMapping } from '@dalbit/core/ingest/saved-mapping';
import type { SourceKind } from '@dalbit/core/ingest/source-kind';
import { getJson, postFile, postJson, request } from './client.ts';

export type PreviewCell =
  | { readonly t: 'date'; readonly v: string }
  | { readonly t: 'money' | 'number'; readonly v: number }
  | { readonly t: 'flag'; readonly v: boolean }
  | { readonly t: 'text'; readonly v: string };

export interface ImportProblem {
  readonly line: number;
  readonly column?: string;
  readonly code: string;
  readonly message: string;
  readonly detail: string;
}

export interface FieldMapping {
  readonly field: string;
  readonly label: string;
  readonly required: boolean;
  readonly header: string | null;
  readonly via?: 'alias' | 'mapping';
}

/** What the importer makes of an upload (server: packages/server/src/imports/inspect-upload.ts). */
export interface Inspection {
  readonly upload: { readonly id: string; readonly fileName: string; readonly size: number };
  readonly format: 'csv' | 'xlsx' | 'jsonl';
  readonly encoding?: string;
  readonly source?: SourceKind;
  readonly forced: boolean;
  readonly channel?: string;
  readonly candidates: readonly SourceKind[];
  /** Detected, and this second kind scored close: confirm or switch. */
  readonly runnerUp?: { readonly kind: SourceKind; readonly message: string };
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
  readonly headerLine?: number;
  readonly headers: readonly string[];
  readonly fields: readonly FieldMapping[];
  readonly unusedHeaders: readonly string[];
  readonly rowsRead: number;
  readonly rowsValid: number;
  readonly rowsRejected: number;
  readonly blocked: boolean;
  readonly problemCount: number;
  readonly problems: readonly ImportProblem[];
  readonly preview: readonly { readonly line: number; readonly cells: Readonly<Record<string, PreviewCell>> }[];
}

export type ImportPhase = 'queued' | 'reading' | 'writing' | 'refreshing' | 'done' | 'failed' | 'interrupted';

/** Done, failed, or interrupted by a server restart: nothing more will happen to the job. */
export const jobEnded = (job: { readonly phase: ImportPhase }): boolean =>
  job.phase === 'done' || job.phase === 'failed' || job.phase === 'interrupted';

export interface ImportResult {
  readonly status: 'imported' | 'failed' | 'dry_run';
  readonly source?: SourceKind;
  readonly rowsRead: number;
  readonly rowsWritten: number;
  readonly rowsRejected: number;
  readonly customersCreated: number;
  readonly customersUpdated: number;
  readonly customersMerged: number;
  readonly orders: number;
  readonly orderLines: number;
  readonly events: number;
  readonly consents: number;
  readonly products: number;
  readonly warranties: number;
  /** Against the warehouse before the file; absent when nothing was written. */
  readonly changes?: {
    readonly customers: ChangeCounts;
    readonly orders: ChangeCounts;
  };
}

export interface ChangeCounts {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

export interface ImportJob {
  readonly id: string;
  readonly uploadId: string;
  readonly fileName: string;
  readonly createdAt: string;
  readonly phase: ImportPhase;
  readonly fraction: number;
  readonly rowsRead: number;
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly error?: { readonly code: string; readonly message: string };
  readonly refreshFailed?: boolean;
  readonly result?: ImportResult;
  readonly problemCount?: number;
  readonly problems?: readonly ImportProblem[];
  readonly hasRejects?: boolean;
}

export type { ImportRecord } from '@dalbit/core/ingest/import-record';

export interface MappingChoice {
  readonly source?: SourceKind;
  readonly columns: Readonly<Record<string, string | null>>;
  /** The sales channel of the whole file (kinds that take one: marketplace orders, POS, customer lists). */
  readonly channel?: string;
}

const up = (id: string) => `/api/imports/uploads/${encodeURIComponent(id)}`;

/** POST /api/imports/uploads — the file streamed as the body; answers the inspection. */
export const uploadImportFile = (file: File, lang: Lang): Promise<{ inspection: Inspection }> =>
  postFile(`/api/imports/uploads?${new URLSearchParams({ name: file.name, lang })}`, file);

/** GET /api/imports/uploads/{id} — the inspection again (e.g. in the other language). */
export const fetchInspection = (id: string, lang: Lang, signal?: AbortSignal): Promise<{ inspection: Inspection }> =>
  getJson(up(id), { lang }, signal);

/** PUT /api/imports/uploads/{id}/mapping — kind and columns chosen in the editor. */
export const saveImportMapping = (
  id: string,
  mapping: MappingChoice,
  lang: Lang,
): Promise<{ inspection: Inspection }> => request(`${up(id)}/mapping?lang=${lang}`, { method: 'PUT', body: mapping });

/** POST /api/imports/uploads/{id}/run — starts the import job. */
export const runImport = (id: string, skipBadRows: boolean, lang: Lang): Promise<{ job: ImportJob }> =>
  postJson(`${up(id)}/run?lang=${lang}`, { skipBadRows });

/** GET /api/imports/jobs/{id} — progress, then the result. */
export const fetchImportJob = (id: string, lang: Lang, signal?: AbortSignal): Promise<{ job: ImportJob }> =>
  getJson(`/api/imports/jobs/${encodeURIComponent(id)}`, { lang }, signal);

/** GET /api/imports/jobs — my latest import jobs (an owner's: everyone's). */
export const fetchImportJobs = (lang: Lang, signal?: AbortSignal): Promise<{ jobs: ImportJob[] }> =>
  getJson('/api/imports/jobs', { lang, limit: 5 }, signal);

/** GET /api/imports/jobs/{id}/rejects — the rows set aside as CSV (a plain link: the session cookie goes with it). */
export const rejectsUrl = (id: string, lang: Lang): string =>
  `/api/imports/jobs/${encodeURIComponent(id)}/rejects?lang=${lang}`;

/** GET /api/imports — the import history, latest first. */
export const fetchImportHistory = (signal?: AbortSignal): Promise<{ imports: ImportRecord[] }> =>
  getJson('/api/imports', { limit: 20 }, signal);

export type { SavedMapping } from '@dalbit/core/ingest/saved-mapping';

/** GET /api/imports/mappings — every saved mapping of the brand. */
export const fetchSavedMappings = (signal?: AbortSignal): Promise<{ mappings: SavedMapping[] }> =>
  getJson('/api/imports/mappings', {}, signal);

/** POST /api/imports/mappings — the current mapping under a name. */
export const saveNamedMapping = (body: {
  name: string;
  mapping: MappingChoice & { source: SourceKind };
  headers: readonly string[];
}): Promise<{ mapping: SavedMapping }> => postJson('/api/imports/mappings', body);

/** PUT /api/imports/mappings/{id} — a new name. */
export const renameSavedMapping = (id: string, name: string): Promise<{ mapping: SavedMapping }> =>
  request(`/api/imports/mappings/${encodeURIComponent(id)}`, { method: 'PUT', body: { name } });

/** DELETE /api/imports/mappings/{id}. */
export const deleteSavedMapping = (id: string): Promise<{ ok: true }> =>
  request(`/api/imports/mappings/${encodeURIComponent(id)}`, { method: 'DELETE' });
