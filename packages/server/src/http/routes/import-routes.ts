import { existsSync } from 'node:fs';
import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import { translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import { SOURCE_KINDS } from '@dalbit/core/ingest/source-kind';
import type { Context } from 'hono';
import { z } from 'zod';
import { DEFAULT_AUTH_OPTIONS } from '../../auth/auth-options.ts';
import { ImportError } from '../../importers/import-error.ts';
import { listImports } from '../../imports/import-history.ts';
import { type ImportJob, ImportJobs } from '../../imports/import-jobs.ts';
import { inspectUpload, MAX_PROBLEMS } from '../../imports/inspect-upload.ts';
import { presentIssue } from '../../imports/present-issue.ts';
import { localizeRejects } from '../../imports/rejects-csv.ts';
import { tooLarge, type Upload, UploadStore } from '../../imports/upload-store.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../caller.ts';
import { type AnyRoute, defineRoute, principalOf } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const LangQuery = z.object({ lang: z.enum(['ko', 'en']).default('ko') });
const Id = z.object({ id: z.string().uuid() });
const Json = z.record(z.string(), z.unknown());

/** The mapping editor's choice: the kind of file and, per Dalbit field, the file's column (null = not used). */
const MappingBody = z
  .object({
    source: z.enum(SOURCE_KINDS).optional(),
    columns: z.record(z.string().min(1).max(100), z.string().min(1).max(500).nullable()).default({}),
    channel: z.string().min(1).max(100).optional(),
  })
  .strict();

/**
 * The import page's API: upload a file (streamed to a private temp file), see what the importer
 * makes of it (kind, encoding, mapping, first rows, every problem) without writing, change the
 * mapping, run the import as a job with progress, download the rows set aside, read the history.
 */
export function importRoutes(deps: ApiDeps): AnyRoute[] {
  const uploads = new UploadStore(deps.uploadDir ? { dir: deps.uploadDir } : {});
  const jobs = new ImportJobs(deps.engine, uploads, deps.now, deps.log);
  const ctx: ImportRouteContext = {
    deps,
    uploads,
    jobs,
    trustedProxy: (deps.auth ?? DEFAULT_AUTH_OPTIONS).trustedProxy,
  };
  return [...uploadRoutes(ctx), ...jobRoutes(ctx), ...jobListRoutes(ctx)];
}

interface ImportRouteContext {
  readonly deps: ApiDeps;
  readonly uploads: UploadStore;
  readonly jobs: ImportJobs;
  readonly trustedProxy: boolean;
}

/** Who may use an upload or job: the person who started it, or an owner. */
function caller(c: Context, x: ImportRouteContext): { actor: string; any: boolean } {
  return { actor: actorOf(c, x.trustedProxy), any: principalOf(c).role === 'owner' };
}

async function inspect(x: ImportRouteContext, upload: Upload, lang: Lang) {
  try {
    return await inspectUpload(x.deps.engine, upload, {
      now: x.deps.now(),
      lang,
      scratch: x.uploads.sidePath(`${upload.id}-dry-run.csv`),
    });
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    throw new DalbitError({
      code: 'UNREADABLE_FILE',
      kind: 'invalid_input',
      message: translate('ko', 'imports.problem.unreadable'),
      issues: [{ path: ['body'], message: e.message.slice(0, 300) }],
      cause: e,
    });
  }
}

function uploadRoutes(x: ImportRouteContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/imports/uploads',
      tag: 'imports',
      access: 'data.import',
      summary: 'Upload an export file and see what the importer makes of it (nothing is written)',
      description:
        'The body is the file itself (`content-type: application/octet-stream`, at most 200 MB), streamed to a private temp file. The answer is the inspection: detected kind and encoding, the column mapping, the first rows as mapped (personal data masked) and every problem with line and column.',
      query: LangQuery.extend({ name: z.string().min(1).max(200) }),
      rawBody: {
        mediaType: 'application/octet-stream',
        description: 'the xlsx, CSV (any Korean encoding) or JSON lines file',
      },
      responses: {
        201: { description: 'the upload and its inspection', schema: z.object({ inspection: Json }) },
        413: { description: 'the file is larger than the cap' },
      },
      handle: async ({ query, c }) => {
        UploadStore.checkName(query.name);
        const declared = Number(c.req.header('content-length') ?? '0');
        if (declared > x.uploads.maxBytes) throw tooLarge(x.uploads.maxBytes);
        const upload = await x.uploads.save(c.req.raw.body, query.name, caller(c, x).actor, x.deps.now());
        try {
          return sendJson(c, { inspection: await inspect(x, upload, query.lang) }, 201);
        } catch (e) {
          x.uploads.remove(upload.id);
          throw e;
        }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/imports/uploads/{id}',
      tag: 'imports',
      access: 'data.import',
      summary: 'The inspection of an upload with its current mapping (nothing is written)',
      params: Id,
      query: LangQuery,
      responses: { 200: { description: 'the inspection', schema: z.object({ inspection: Json }) } },
      handle: async ({ params, query, c }) => {
        const who = caller(c, x);
        return sendJson(c, { inspection: await inspect(x, x.uploads.get(params.id, who.actor, who.any), query.lang) });
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/imports/uploads/{id}/mapping',
      tag: 'imports',
      access: 'data.import',
      summary: 'Choose the kind of file and the column per field; answers the new inspection',
      params: Id,
      query: LangQuery,
      body: MappingBody,
      responses: { 200: { description: 'the inspection with this mapping', schema: z.object({ inspection: Json }) } },
      handle: async ({ params, query, body, c }) => {
        const who = caller(c, x);
        const upload = x.uploads.get(params.id, who.actor, who.any);
        x.uploads.setMapping(upload, body);
        return sendJson(c, { inspection: await inspect(x, upload, query.lang) });
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/imports/uploads/{id}',
      tag: 'imports',
      access: 'data.import',
      summary: 'Discard an upload (its temp file is removed)',
      params: Id,
      responses: { 200: { description: 'discarded', schema: z.object({ ok: z.literal(true) }) } },
      handle: ({ params, c }) => {
        const who = caller(c, x);
        x.uploads.remove(x.uploads.get(params.id, who.actor, who.any).id);
        return sendJson(c, { ok: true });
      },
    }),
  ];
}

function jobRoutes(x: ImportRouteContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/imports/uploads/{id}/run',
      tag: 'imports',
      access: 'data.import',
      summary: 'Import the upload as a job (poll GET /api/imports/jobs/{id} for progress and the result)',
      description:
        'All or nothing: with `skipBadRows: false` any row with a problem stops the import and nothing is written; with `true` the valid rows are imported and the others set aside for download.',
      params: Id,
      query: LangQuery,
      body: z.object({ skipBadRows: z.boolean().default(false) }).strict(),
      responses: { 202: { description: 'the job, queued', schema: z.object({ job: Json }) } },
      handle: ({ params, query, body, c }) => {
        const who = caller(c, x);
        const upload = x.uploads.get(params.id, who.actor, who.any);
        const job = x.jobs.start(upload, { skipBadRows: body.skipBadRows, actor: who.actor });
        return sendJson(c, { job: presentJob(job, query.lang) }, 202);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/imports/jobs/{id}',
      tag: 'imports',
      access: 'data.import',
      summary: 'Progress of an import job, then its result (counts) or why nothing was written',
      params: Id,
      query: LangQuery,
      responses: { 200: { description: 'the job', schema: z.object({ job: Json }) } },
      handle: async ({ params, query, c }) => {
        const who = caller(c, x);
        return sendJson(c, { job: presentJob(await x.jobs.get(params.id, who.actor, who.any), query.lang) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/imports/jobs/{id}/rejects',
      tag: 'imports',
      access: 'data.import',
      summary: "The rows the job set aside, as CSV: the file's columns, the line and the problems",
      params: Id,
      query: LangQuery,
      responses: { 200: { description: 'the CSV (attachment)' }, 404: { description: 'no rows were set aside' } },
      handle: async ({ params, query, c }) => {
        const who = caller(c, x);
        const job = await x.jobs.get(params.id, who.actor, who.any);
        // Rows set aside live beside the uploads and are removed with them after the keep time.
        if (!job.rejectsPath || !job.summary || !existsSync(job.rejectsPath))
          throw new DalbitError({
            code: 'NO_REJECTS',
            kind: 'not_found',
            message: translate('ko', 'imports.error.noRejects'),
          });
        const base = job.fileName.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '_');
        return c.body(localizeRejects(job.rejectsPath, job.summary.issues, query.lang), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="rejects.csv"; filename*=UTF-8''${encodeURIComponent(`${base}-rejects.csv`)}`,
          'cache-control': 'no-store',
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/imports',
      tag: 'imports',
      access: 'read',
      summary: 'Import history, latest first: who, when, which file and kind, and what it did',
      query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
      responses: { 200: { description: 'past imports', schema: z.object({ imports: z.array(Json) }) } },
      handle: async ({ query, c }) => sendJson(c, { imports: await listImports(x.deps.engine, query.limit) }),
    }),
  ];
}

function jobListRoutes(x: ImportRouteContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/imports/jobs',
      tag: 'imports',
      access: 'data.import',
      summary:
        "The caller's import jobs, latest first (an owner's: everyone's): under way, done, failed, or interrupted by a server restart with the reason",
      query: LangQuery.extend({ limit: z.coerce.number().int().min(1).max(100).default(10) }),
      responses: { 200: { description: 'the jobs', schema: z.object({ jobs: z.array(Json) }) } },
      handle: async ({ query, c }) => {
        const who = caller(c, x);
        const jobs = await x.jobs.list(who.any ? undefined : who.actor, query.limit);
        return sendJson(c, { jobs: jobs.map((j) => presentJob(j, query.lang)) });
      },
    }),
  ];
}

/** A job as the page polls it: phase and progress, then the counts or the reason, problems in `lang`. */
function presentJob(job: ImportJob, lang: Lang): Record<string, unknown> {
  const s = job.summary;
  const problems = s?.issues ?? [];
  return {
    id: job.id,
    uploadId: job.uploadId,
    fileName: job.fileName,
    createdAt: job.createdAt.toISOString(),
    phase: job.phase,
    fraction: job.fraction,
    rowsRead: job.rowsRead,
    bytesRead: job.bytesRead,
    totalBytes: job.totalBytes,
    ...(job.error
      ? {
          error: {
            code: job.error.code,
            message: job.error.key ? translate(lang, job.error.key, job.error.params) : job.error.message,
          },
        }
      : {}),
    ...(job.refreshFailed ? { refreshFailed: true } : {}),
    ...(s
      ? {
          result: {
            status: s.status,
            ...(s.source ? { source: s.source } : {}),
            importId: s.importId ?? null,
            rowsRead: s.rowsRead,
            rowsWritten: s.rowsWritten,
            rowsRejected: s.rowsRejected,
            customersCreated: s.customersCreated,
            customersUpdated: s.customersUpdated,
            customersMerged: s.customersMerged,
            orders: s.orders,
            orderLines: s.orderLines,
            events: s.events,
            consents: s.consents,
            products: s.products,
            warranties: s.warranties,
            ...(s.changes ? { changes: s.changes } : {}),
          },
          problemCount: problems.length,
          problems: problems
            .slice(0, MAX_PROBLEMS)
            .map((i) => presentIssue(i, s.status === 'failed' && s.rowsRead === 0, lang)),
          hasRejects: job.rejectsPath !== undefined,
        }
      : {}),
  };
}
