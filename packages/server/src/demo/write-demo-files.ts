import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BRAND_NAME } from '@dalbit/core/demo/catalog';
import { DEMO_FILES, type DemoFileId } from '@dalbit/core/demo/demo-files';
import type { DemoParams } from '@dalbit/core/demo/demo-params';
import { generateDemoBrand } from '@dalbit/core/demo/generate-demo-brand';
import type { DemoGroundTruth } from '@dalbit/core/demo/ground-truth';
import { civilFromDays, parseKstDate, toKstDay } from '@dalbit/core/time/kst';
import { PartedWriter } from './parted-writer.ts';

export interface DemoManifestFile {
  readonly file: string;
  readonly source: DemoFileId;
  readonly format: 'xlsx' | 'csv' | 'jsonl';
  readonly encoding: 'utf8' | 'utf8-bom' | 'cp949';
  readonly rows: number;
  readonly bytes: number;
}

/** `manifest.json`: the files in import order (catalogue, people, orders, registrations, events). */
export interface DemoManifest {
  readonly generator: 'dalbit-demo';
  readonly version: 1;
  readonly brand: string;
  readonly params: DemoParams;
  readonly files: readonly DemoManifestFile[];
  readonly truth: DemoGroundTruth;
}

export const MANIFEST_FILE = 'manifest.json';

/** Removes the files a previous run left (same names), so the directory matches the manifest. */
function removePreviousOutput(outDir: string): void {
  const ours = new RegExp(`^(${DEMO_FILES.map((f) => f.base).join('|')})(-\\d{3})?\\.(csv|xlsx|jsonl)(\\.partial)?$`);
  for (const name of readdirSync(outDir)) if (ours.test(name) || name === MANIFEST_FILE) rmSync(join(outDir, name));
}

/** The zip entry time: the export morning, built from local fields so bytes do not depend on TZ. */
function toZipTime(params: DemoParams): Date {
  const { year, month, day } = civilFromDays(toKstDay(parseKstDate(params.asOf) ?? 0) + 1);
  return new Date(year, month - 1, day, 9, 0, 0);
}

/**
 * Generates the demo brand into `outDir` as real export files plus `manifest.json`, streaming
 * (memory does not grow with the customer count). Same params → byte-identical files.
 */
export function writeDemoFiles(opts: {
  params: DemoParams;
  outDir: string;
  onProgress?: (customersDone: number) => void;
}): DemoManifest {
  const { params, outDir } = opts;
  mkdirSync(outDir, { recursive: true });
  removePreviousOutput(outDir);
  const mtime = toZipTime(params);
  const writers = new Map(DEMO_FILES.map((spec) => [spec.id, new PartedWriter(outDir, spec, mtime)]));
  const writerOf = (id: DemoFileId): PartedWriter => writers.get(id) as PartedWriter;
  const progressEvery = 10_000;
  const truth = generateDemoBrand(params, {
    row: (file, cells) => writerOf(file).writeRow(cells),
    event: (e) => writerOf('events').writeObject(e),
    personDone: (index) => {
      if (opts.onProgress && (index + 1) % progressEvery === 0) opts.onProgress(index + 1);
    },
  });
  const files: DemoManifestFile[] = [];
  for (const spec of DEMO_FILES) {
    const w = writerOf(spec.id);
    w.close();
    for (const part of w.parts)
      files.push({
        file: part.file,
        source: spec.source,
        format: spec.format,
        encoding: spec.encoding,
        rows: part.rows,
        bytes: part.bytes,
      });
  }
  const manifest: DemoManifest = { generator: 'dalbit-demo', version: 1, brand: BRAND_NAME, params, files, truth };
  const tmp = join(outDir, `${MANIFEST_FILE}.partial`);
  writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(tmp, join(outDir, MANIFEST_FILE));
  return manifest;
}
