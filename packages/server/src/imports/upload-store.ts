import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import { translate } from '@dalbit/core/i18n/catalog';
import { MappingFile } from '@dalbit/core/ingest/mapping-file';
import { z } from 'zod';
import { makePrivateDir, PRIVATE_FILE_MODE, writePrivateFile } from '../files/private-files.ts';

/** Uploads above this are refused while streaming (413); the importer reads the whole file. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** Files in the upload directory untouched this long are removed (at start and at each upload). */
export const UPLOAD_KEEP_HOURS = 24;

const ACCEPTED = new Set(['.xlsx', '.csv', '.tsv', '.txt', '.jsonl', '.ndjson']);

/** One uploaded export file, waiting in a private temp directory for preview and import. */
export interface Upload {
  readonly id: string;
  /** The name the person's file had (shown in issues and the history). */
  readonly fileName: string;
  readonly path: string;
  readonly size: number;
  readonly createdAt: Date;
  /** Who uploaded it; only they (or an owner) may use it. */
  readonly actor: string;
  /** The mapping chosen in the editor (kind and columns); none = detection and aliases. */
  mapping?: MappingFile;
}

/** 413 for a file above the cap (checked from Content-Length first, then while streaming). */
export const tooLarge = (maxBytes: number): DalbitError =>
  new DalbitError({
    code: 'PAYLOAD_TOO_LARGE',
    kind: 'too_large',
    message: translate('ko', 'imports.error.tooLarge', { max: `${Math.round(maxBytes / 1024 / 1024)} MB` }),
  });

const notFound = (): DalbitError =>
  new DalbitError({
    code: 'UPLOAD_NOT_FOUND',
    kind: 'not_found',
    message: translate('ko', 'imports.error.uploadNotFound'),
  });

/** What `<id>.json` beside the file records, so an upload outlives a server restart. */
const UploadMeta = z.object({
  id: z.string().uuid(),
  fileName: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  actor: z.string(),
  mapping: MappingFile.optional(),
});

/**
 * Uploaded files: streamed as 0600 files (never held in memory) into a 0700 directory with a
 * `<id>.json` beside each (name, who, mapping), so uploads survive a restart when the directory
 * is the data directory's `uploads/` (`dalbit serve`); without one, a private temp directory.
 * Anything in it untouched for `keepHours` is removed at start and at each upload.
 */
export class UploadStore {
  private dir: string | undefined;
  private readonly uploads = new Map<string, Upload>();
  readonly maxBytes: number;
  private readonly keepMs: number;

  constructor(opts: { dir?: string; maxBytes?: number; keepHours?: number } = {}) {
    this.dir = opts.dir;
    this.maxBytes = opts.maxBytes ?? MAX_UPLOAD_BYTES;
    this.keepMs = (opts.keepHours ?? UPLOAD_KEEP_HOURS) * 60 * 60 * 1000;
    if (this.dir) makePrivateDir(this.dir);
  }

  /** Refuses a name the importer cannot read (by extension) before any byte is stored. */
  static checkName(fileName: string): void {
    if (!ACCEPTED.has(extname(fileName).toLowerCase()))
      throw new DalbitError({
        code: 'UNSUPPORTED_FILE',
        kind: 'invalid_input',
        message: translate('ko', 'imports.error.badType'),
        issues: [{ path: ['query', 'name'], message: fileName.slice(0, 200) }],
      });
  }

  /** Streams `body` to a new private file; 413 beyond `maxBytes`, 400 when empty. */
  async save(body: ReadableStream<Uint8Array> | null, fileName: string, actor: string, now: Date): Promise<Upload> {
    UploadStore.checkName(fileName);
    this.sweep(now);
    const id = randomUUID();
    const path = join(this.root(), `${id}${extname(fileName).toLowerCase()}`);
    const size = await this.writeStream(body, path);
    const upload: Upload = { id, fileName, path, size, createdAt: now, actor };
    this.writeMeta(upload);
    this.uploads.set(id, upload);
    return upload;
  }

  /** The upload, when it exists and `actor` uploaded it (or `any` is set for owners). */
  get(id: string, actor: string, any = false): Upload {
    const u = this.uploads.get(id) ?? this.load(id);
    if (!u || (!any && u.actor !== actor)) throw notFound();
    return u;
  }

  /** The mapping chosen in the editor, kept with the upload (also across a restart). */
  setMapping(upload: Upload, mapping: MappingFile): void {
    upload.mapping = mapping;
    this.writeMeta(upload);
  }

  remove(id: string): void {
    const u = this.uploads.get(id) ?? this.load(id);
    this.uploads.delete(id);
    if (u) rmSync(u.path, { force: true });
    rmSync(this.metaPath(id), { force: true });
  }

  /** Removes every file of the directory (uploads, their records, rows set aside) older than the keep time. */
  sweep(now: Date): number {
    let removed = 0;
    const root = this.root();
    for (const name of readdirSync(root)) {
      const p = join(root, name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (!st?.isFile() || now.getTime() - st.mtimeMs <= this.keepMs) continue;
      rmSync(p, { force: true });
      this.uploads.delete(name.replace(/\.[^.]*$/, ''));
      removed++;
    }
    return removed;
  }

  private metaPath(id: string): string {
    return join(this.root(), `${id}.json`);
  }

  private writeMeta(u: Upload): void {
    const meta = {
      id: u.id,
      fileName: u.fileName,
      size: u.size,
      createdAt: u.createdAt.toISOString(),
      actor: u.actor,
      ...(u.mapping ? { mapping: u.mapping } : {}),
    };
    writePrivateFile(this.metaPath(u.id), JSON.stringify(meta));
  }

  /** An upload of an earlier server (its record and file still in the directory). */
  private load(id: string): Upload | undefined {
    const metaPath = this.metaPath(id);
    if (!existsSync(metaPath)) return undefined;
    const parsed = UploadMeta.safeParse(JSON.parse(readFileSync(metaPath, 'utf8')));
    if (!parsed.success) return undefined;
    const m = parsed.data;
    const path = join(this.root(), `${m.id}${extname(m.fileName).toLowerCase()}`);
    if (!existsSync(path)) return undefined;
    const upload: Upload = {
      id: m.id,
      fileName: m.fileName,
      path,
      size: m.size,
      createdAt: new Date(m.createdAt),
      actor: m.actor,
      ...(m.mapping ? { mapping: m.mapping } : {}),
    };
    this.uploads.set(id, upload);
    return upload;
  }

  /** A private path beside the uploads (rejects files of runs). */
  sidePath(name: string): string {
    return join(this.root(), name);
  }

  private root(): string {
    this.dir ??= mkdtempSync(join(tmpdir(), 'dalbit-imports-'));
    return this.dir;
  }

  private async writeStream(body: ReadableStream<Uint8Array> | null, path: string): Promise<number> {
    const file = await open(path, 'wx', PRIVATE_FILE_MODE);
    let size = 0;
    try {
      const reader = body?.getReader();
      for (let r = await reader?.read(); r && !r.done; r = await reader?.read()) {
        size += r.value.byteLength;
        if (size > this.maxBytes) {
          await reader?.cancel();
          throw tooLarge(this.maxBytes);
        }
        await file.write(r.value);
      }
    } catch (e) {
      await file.close();
      rmSync(path, { force: true });
      throw e;
    }
    await file.close();
    if (size === 0) {
      rmSync(path, { force: true });
      throw new DalbitError({
        code: 'EMPTY_FILE',
        kind: 'invalid_input',
        message: translate('ko', 'imports.error.empty'),
      });
    }
    return size;
  }
}
