import type { MappingFile } from './mapping-file.ts';
import type { SourceKind } from './source-kind.ts';

/** A column mapping saved under a name (wire type: the server's store and the import page). */
export interface SavedMapping {
  readonly id: string;
  readonly name: string;
  readonly source: SourceKind;
  readonly mapping: MappingFile;
  /** The columns of the file it was saved from. */
  readonly headers: readonly string[];
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

/** How well a saved mapping fits a file's columns. */
export interface MappingFit {
  /** Every column the mapping names is in the file. */
  readonly fits: boolean;
  /** Share of the saved file's columns present in this file, in [0, 1]. */
  readonly shared: number;
}

const norm = (h: string): string => h.trim().replace(/\s+/g, ' ');

/** Whether `saved` can be applied to a file with `headers`, and how alike the two files are. */
export function mappingFit(saved: Pick<SavedMapping, 'mapping' | 'headers'>, headers: readonly string[]): MappingFit {
  const have = new Set(headers.map(norm));
  const named = Object.values(saved.mapping.columns).filter((h): h is string => typeof h === 'string');
  const fits = named.length > 0 && named.every((h) => have.has(norm(h)));
  const shared =
    saved.headers.length === 0 ? 0 : saved.headers.filter((h) => have.has(norm(h))).length / saved.headers.length;
  return { fits, shared };
}

/** The saved mappings that fit a file, most alike first (then the latest changed). */
export function fittingMappings(saved: readonly SavedMapping[], headers: readonly string[]): SavedMapping[] {
  return saved
    .map((s) => ({ s, fit: mappingFit(s, headers) }))
    .filter((x) => x.fit.fits)
    .sort((a, b) => b.fit.shared - a.fit.shared || b.s.updatedAt.localeCompare(a.s.updatedAt))
    .map((x) => x.s);
}
