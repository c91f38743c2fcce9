import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { chunksOf } from '@dalbit/core/ingest/byte-source';
import { detectDelimiter } from '@dalbit/core/ingest/csv/parse-csv';
import { decodeChunks } from '@dalbit/core/ingest/decode-stream';
import type { TextEncoding } from '@dalbit/core/ingest/decode-text';
import type { Engine } from '../../engines/engine.ts';
import type { FileSource } from '../file-source.ts';

/** The raw rows of a CSV, one VARCHAR column a header (`c0`, `c1`, …), `line` = the file's line. */
export const RAW = 'bulk_raw';

/** The bulk path cannot keep the old path's line numbers or parsing for this file. */
export class BulkUnfit extends Error {}

export interface ScannedCsv {
  readonly sha256: string;
  /** The UTF-8 text DuckDB reads: the file itself, or a transcoded copy. */
  readonly utf8Path: string;
  /** Physical lines (LF-terminated, plus an unterminated last one). */
  readonly lines: number;
  readonly delimiter: string;
}

/**
 * One pass over the file: its SHA-256 and its line count; a CP949 or UTF-16 file is also written
 * out as UTF-8 to `tempPath` a chunk at a time (DuckDB's reader takes UTF-8 only). A file with
 * bare CRs (line ends the old reader honours and DuckDB's might not) is unfit.
 */
export function scanCsv(src: FileSource, path: string, encoding: TextEncoding, tempPath: string): ScannedCsv {
  const hash = createHash('sha256');
  const counts = { lf: 0, cr: 0, last: -1 };
  const utf8 = encoding === 'utf-8' || encoding === 'utf-8-bom';
  for (const chunk of chunksOf(src)) {
    hash.update(chunk);
    if (utf8) countLineEnds(chunk, counts);
  }
  const sha256 = hash.digest('hex');
  let delimiter: string | undefined;
  if (utf8) {
    const first = decodeChunks(src, encoding).next();
    delimiter = first.done ? ',' : detectDelimiter(first.value);
  } else {
    const fd = openSync(tempPath, 'w');
    try {
      for (const text of decodeChunks(src, encoding)) {
        delimiter ??= detectDelimiter(text);
        const bytes = Buffer.from(text, 'utf8');
        countLineEnds(bytes, counts);
        writeSync(fd, bytes);
      }
    } finally {
      closeSync(fd);
    }
  }
  if (counts.cr !== 0 && counts.cr !== counts.lf) throw new BulkUnfit('bare carriage returns');
  const lines = counts.lf + (counts.last >= 0 && counts.last !== 10 ? 1 : 0);
  return { sha256, utf8Path: utf8 ? path : tempPath, lines, delimiter: delimiter ?? ',' };
}

function countLineEnds(bytes: Uint8Array, counts: { lf: number; cr: number; last: number }): void {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) counts.lf++;
  for (let i = b.indexOf(13); i >= 0; i = b.indexOf(13, i + 1)) counts.cr++;
  if (bytes.length > 0) counts.last = bytes[bytes.length - 1] as number;
}

const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * Loads the rows after the header line into `RAW` with DuckDB's reader (every column text, the
 * old reader's quoting), numbered by the file's line. Unfit when DuckDB's rows do not line up one
 * to one with the file's lines after the header (quoted line breaks, skipped blank lines), since
 * every row error must name the line the old reader names.
 */
export async function dropRaw(tx: Engine): Promise<void> {
  await tx.exec(`DROP VIEW IF EXISTS ${RAW}`);
  await tx.exec(`DROP TABLE IF EXISTS ${RAW}_read`);
}

export async function loadRaw(
  tx: Engine,
  scanned: ScannedCsv,
  headerLine: number,
  columnCount: number,
): Promise<number> {
  const columns = Array.from({ length: columnCount }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const read = `read_csv(${literal(scanned.utf8Path)}, header = false, skip = ${headerLine}, delim = ${literal(scanned.delimiter)}, quote = '"', escape = '"', null_padding = true, auto_detect = false, columns = {${columns}})`;
  try {
    await tx.exec(`CREATE OR REPLACE TEMP TABLE ${RAW}_read AS SELECT * FROM ${read}`);
  } catch (e) {
    throw new BulkUnfit(`DuckDB's reader refused the file: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
  }
  // rowid follows insertion order, which DuckDB keeps for a CSV read (preserve_insertion_order);
  // a view numbers the rows by it, so the rows are not copied.
  const [row] = await tx.query<{ base: number | bigint | null; n: number | bigint }>(
    `SELECT min(rowid) AS base, count(*) AS n FROM ${RAW}_read`,
  );
  const n = Number(row?.n ?? 0);
  await tx.exec(
    `CREATE OR REPLACE TEMP VIEW ${RAW} AS SELECT CAST(rowid - ${BigInt(row?.base ?? 0)} AS INTEGER) + ${headerLine + 1} AS line, * FROM ${RAW}_read`,
  );
  if (n !== scanned.lines - headerLine) throw new BulkUnfit(`${n} rows for ${scanned.lines - headerLine} lines`);
  return n;
}
