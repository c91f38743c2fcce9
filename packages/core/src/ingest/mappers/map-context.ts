import type { BatchBuilder } from '../batch-builder.ts';
import type { RowReader } from '../row-reader.ts';
import type { SourceKind } from '../source-kind.ts';

/** What a mapper knows about the import besides the row. */
export interface MapContext {
  readonly source: SourceKind;
  readonly file: string;
  /** `--channel` or the mapping file's channel. */
  readonly channel?: string;
  readonly now: Date;
  readonly out: BatchBuilder;
}

/** Turns one row (already positioned in `r`) into records; emits nothing when `r.failed`. */
export interface RowMapper {
  mapRow(r: RowReader): void;
  /** Records that need the whole file (events grouped by visitor). */
  finish?(): void;
}
