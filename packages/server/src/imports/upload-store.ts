import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import { translate } from '@dalbit/core/i18n/catalog';
import type { MappingFile } from '@dalbit/core/ingest/mapping-file';

/** Uploads above this are refused while streaming (413); the importer reads the whole file. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** An upload is kept this long for previews and a run, then removed at the next upload. */
const KEEP_MS = 24 * 60 * 60 * 1000;

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

/**
 * Uploaded files of one server: streamed to a 0700 temp directory as 0600 files (never held in
 * memory), kept for a day, gone with the process's temp directory. Not shared between processes.
 */
export class UploadStore {
  private dir: string | undefined;
  private readonly uploads = new Map<string, Upload>();

  constructor(readonly maxBytes: number = MAX_UPLOAD_BYTES) {}

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
    this.uploads.set(id, upload);
    return upload;
  }

  /** The upload, when it exists and `actor` uploaded it (or `any` is set for owners). */
  get(id: string, actor: string, any = false): Upload {
    const u = this.uploads.get(id);
    if (!u || (!any && u.actor !== actor)) throw notFound();
    return u;
  }

  remove(id: string): void {
    const u = this.uploads.get(id);
    if (!u) return;
    this.uploads.delete(id);
    rmSync(u.path, { force: true });
  }

  /** A private path beside the uploads (rejects files of runs). */
  sidePath(name: string): string {
    return join(this.root(), name);
  }

  private root(): string {
    this.dir ??= mkdtempSync(join(tmpdir(), 'dalbit-imports-'));
    return this.dir;
  }

  private sweep(now: Date): void {
    for (const u of [...this.uploads.values()]) if (now.getTime() - u.createdAt.getTime() > KEEP_MS) this.remove(u.id);
  }

  private async writeStream(body: ReadableStream<Uint8Array> | null, path: string): Promise<number> {
    const file = await open(path, 'wx', 0o600);
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
