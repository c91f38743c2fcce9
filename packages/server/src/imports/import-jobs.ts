import { randomUUID } from 'node:crypto';
import { DalbitError, isDalbitError } from '@dalbit/core/errors/dalbit-error';
import { type MessageKey, type MessageParams, translate } from '@dalbit/core/i18n/catalog';
import { warehouseChanged } from '../analytics/derived-results.ts';
import type { Engine } from '../engines/engine.ts';
import { outsideQueryScope } from '../engines/query-scope.ts';
import { ImportError } from '../importers/import-error.ts';
import { importFile } from '../importers/import-file.ts';
import type { ImportSummary } from '../importers/import-summary.ts';
import { refreshFeatures } from '../segments/refresh-features.ts';
import { refreshSegments } from '../segments/refresh-segments.ts';
import { importLanded, listJobs, liveJobs, loadJob, saveJob } from './job-store.ts';
import type { Upload, UploadStore } from './upload-store.ts';

/** `interrupted`: its server stopped while it ran (found so by the next server). */
export type ImportPhase = 'queued' | 'reading' | 'writing' | 'refreshing' | 'done' | 'failed' | 'interrupted';

/** One run of the importer started from the dashboard; polled for progress. */
export interface ImportJob {
  readonly id: string;
  readonly uploadId: string;
  readonly fileName: string;
  readonly actor: string;
  readonly createdAt: Date;
  phase: ImportPhase;
  /** Share of the whole job done, in [0, 1]. */
  fraction: number;
  rowsRead: number;
  /** Bytes of the file read so far (the reading phase) and its size. */
  bytesRead: number;
  readonly totalBytes: number;
  summary?: ImportSummary;
  error?: JobError;
  /** The import landed but refreshing features or segments failed (they catch up at the next refresh). */
  refreshFailed?: boolean;
  /** The importer's rejects CSV (rows set aside), when any were. */
  rejectsPath?: string;
  /** The phase it was in when its server stopped (`interrupted` jobs). */
  interruptedIn?: ImportPhase;
}

/** Why a job wrote nothing: a catalog message (shown in the reader's language) or a server message. */
export interface JobError {
  readonly code: string;
  readonly key?: MessageKey;
  readonly params?: MessageParams;
  readonly message: string;
}

/** Where each phase starts and ends on the progress bar. */
const SPAN: Record<'reading' | 'writing' | 'refreshing', [number, number]> = {
  reading: [0, 0.6],
  writing: [0.6, 0.85],
  refreshing: [0.85, 1],
};

const ENDED: readonly ImportPhase[] = ['done', 'failed', 'interrupted'];
export const isEnded = (job: ImportJob): boolean => ENDED.includes(job.phase);

/**
 * Runs imports one after another (the warehouse takes one writer). Live progress is polled from
 * memory; each phase change and the outcome are written to `import_jobs`, so the history stays
 * and a job whose server stopped shows as interrupted (marked by the next server at start).
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();
  private readonly saving = new Map<string, Promise<void>>();
  private tail: Promise<void> = Promise.resolve();
  /** Jobs of an earlier server marked interrupted and old upload files removed. */
  readonly ready: Promise<void>;

  constructor(
    private readonly engine: Engine,
    private readonly uploads: UploadStore,
    private readonly now: () => Date,
    private readonly log: (line: string) => void,
  ) {
    this.ready = this.recover().catch((e: unknown) => {
      this.log(`[imports] recovering jobs failed: ${e instanceof Error ? e.message : String(e)}`);
    });
  }

  /** Marks the jobs an earlier server left under way as interrupted, with the Korean reason. */
  private async recover(): Promise<void> {
    this.uploads.sweep(this.now());
    for (const job of await liveJobs(this.engine)) {
      job.interruptedIn = job.phase;
      const importId =
        job.phase === 'refreshing' || job.phase === 'writing' ? await importLanded(this.engine, job) : undefined;
      job.error = importId
        ? keyed('IMPORT_INTERRUPTED', 'imports.error.interruptedAfterWrite')
        : keyed('IMPORT_INTERRUPTED', 'imports.error.interrupted');
      job.phase = 'interrupted';
      await saveJob(this.engine, job, this.now());
      this.log(`[imports] job ${job.id} (${job.fileName}) was interrupted by a restart in phase ${job.interruptedIn}`);
    }
  }

  start(upload: Upload, opts: { skipBadRows: boolean; actor: string }): ImportJob {
    this.sweep();
    const job: ImportJob = {
      id: randomUUID(),
      uploadId: upload.id,
      fileName: upload.fileName,
      actor: opts.actor,
      createdAt: this.now(),
      phase: 'queued',
      fraction: 0,
      rowsRead: 0,
      bytesRead: 0,
      totalBytes: upload.size,
    };
    this.jobs.set(job.id, job);
    this.persist(job);
    // The job outlives the request that started it: none of its statements obey that request's deadline.
    this.tail = this.tail.then(() => outsideQueryScope(() => this.run(job, upload, opts.skipBadRows)));
    return job;
  }

  /** The job, for the person who started it (or anyone when `any`, for owners); also one of an earlier server. */
  async get(id: string, actor: string, any = false): Promise<ImportJob> {
    await this.ready;
    const job = this.jobs.get(id) ?? (await loadJob(this.engine, id));
    if (!job || (!any && job.actor !== actor))
      throw new DalbitError({
        code: 'IMPORT_JOB_NOT_FOUND',
        kind: 'not_found',
        message: translate('ko', 'imports.error.jobNotFound'),
      });
    return job;
  }

  /** Latest jobs first (live ones as they are now), of `actor` or everyone's. */
  async list(actor: string | undefined, limit: number): Promise<ImportJob[]> {
    await this.ready;
    const stored = await listJobs(this.engine, actor, limit);
    return stored.map((j) => this.jobs.get(j.id) ?? j);
  }

  /** Writes the job's state after the writes before it (one chain per job); a failure is logged, not thrown. */
  private persist(job: ImportJob): void {
    const snapshot = { ...job };
    const prev = this.saving.get(job.id) ?? this.ready;
    const next = prev
      .then(() => outsideQueryScope(() => saveJob(this.engine, snapshot, this.now())))
      .catch((e: unknown) =>
        this.log(`[imports] saving job ${job.id} failed: ${e instanceof Error ? e.message : String(e)}`),
      );
    this.saving.set(job.id, next);
  }

  private async run(job: ImportJob, upload: Upload, skipBadRows: boolean): Promise<void> {
    const at = (phase: 'reading' | 'writing' | 'refreshing', f = 0): void => {
      const [a, b] = SPAN[phase];
      const changed = job.phase !== phase;
      job.phase = phase;
      job.fraction = a + (b - a) * Math.min(1, Math.max(0, f));
      if (changed) this.persist(job);
    };
    try {
      at('reading');
      const rejectsPath = skipBadRows ? this.uploads.sidePath(`${job.id}-rejects.csv`) : undefined;
      const summary = await importFile(this.engine, {
        path: upload.path,
        fileName: upload.fileName,
        actor: job.actor,
        now: this.now(),
        ...(upload.mapping ? { mapping: upload.mapping } : {}),
        ...(rejectsPath ? { rejectsPath } : {}),
        onProgress: (p) => {
          job.rowsRead = p.rowsRead;
          job.bytesRead = p.bytesRead;
          if (p.bytesRead >= p.totalBytes) at('writing');
          else at('reading', p.bytesRead / Math.max(1, p.totalBytes));
        },
      });
      job.summary = summary;
      job.rowsRead = summary.rowsRead;
      if (summary.rejectsPath) job.rejectsPath = summary.rejectsPath;
      if (summary.status !== 'imported') return this.fail(job, failureOf(summary));
      // Pages showing kept model results (traits, RFM, rules, CLV) compute them again from the new data.
      warehouseChanged(this.engine);
      await this.refresh(job, at);
      job.phase = 'done';
      job.fraction = 1;
      this.persist(job);
    } catch (e) {
      if (!isDalbitError(e))
        this.log(`[imports] job ${job.id} failed: ${e instanceof Error ? (e.stack ?? e.message) : e}`);
      this.fail(job, errorOf(e));
    }
  }

  /** Segments count from the feature table: keep both current after each import, as the CLI does. */
  private async refresh(job: ImportJob, at: (phase: 'refreshing', f?: number) => void): Promise<void> {
    at('refreshing');
    const asOf = this.now();
    try {
      await refreshFeatures(this.engine, { asOf });
      at('refreshing', 0.5);
      await refreshSegments(this.engine, { asOf });
    } catch (e) {
      job.refreshFailed = true;
      this.log(`[imports] refresh after job ${job.id} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private fail(job: ImportJob, error: JobError): void {
    job.phase = 'failed';
    job.error = error;
    this.persist(job);
  }

  /** Ended jobs leave memory (their row stays); their files go with the upload directory's sweep. */
  private sweep(): void {
    for (const [id, job] of this.jobs) {
      if (!isEnded(job)) continue;
      void this.saving.get(id)?.then(() => {
        this.jobs.delete(id);
        this.saving.delete(id);
      });
    }
  }
}

/** Why an import wrote nothing: whole-file problems, or row problems without setting rows aside. */
function failureOf(s: ImportSummary): JobError {
  if (s.rowsRead === 0 || s.source === undefined) return keyed('IMPORT_BLOCKED', 'imports.error.blocked');
  return keyed('ROWS_REJECTED', 'imports.error.failedRows', { count: s.rowsRejected.toLocaleString('ko-KR') });
}

function errorOf(e: unknown): JobError {
  if (e instanceof ImportError && e.code === 'FILE_UNREADABLE') return keyed(e.code, 'imports.problem.unreadable');
  if (isDalbitError(e)) return { code: e.code, message: e.message };
  return keyed('IMPORT_FAILED', 'imports.error.failed');
}

const keyed = (code: string, key: MessageKey, params?: MessageParams): JobError => ({
  code,
  key,
  ...(params ? { params } : {}),
  message: translate('ko', key, params),
});
