import type { MappingFile } from './mapping-file.ts';
import { headerKey, type SourceSpec } from './source-specs.ts';

export interface ColumnChoice {
  readonly field: string;
  readonly header: string;
  readonly index: number;
  readonly via: 'alias' | 'mapping';
}

export interface ResolvedColumns {
  /** Field → column index. */
  readonly index: ReadonlyMap<string, number>;
  readonly choices: readonly ColumnChoice[];
  readonly missingRequired: readonly string[];
  /** Required fields missing but standing in by their fallback field (`product_code` ← `product_name`). */
  readonly fallbacks: readonly { readonly field: string; readonly from: string }[];
  /** Mapping entries that name an unknown field or a header the file does not have. */
  readonly mappingProblems: readonly string[];
  readonly unusedHeaders: readonly string[];
}

/** Matches headers to a source's fields: the mapping file first, then the alias table. */
export function resolveColumns(spec: SourceSpec, headers: readonly string[], mapping?: MappingFile): ResolvedColumns {
  const keys = headers.map(headerKey);
  const taken = new Set<number>();
  const index = new Map<string, number>();
  const choices: ColumnChoice[] = [];
  const problems: string[] = [];
  const explicit = mapping?.columns ?? {};
  for (const [field, header] of Object.entries(explicit)) {
    if (!(field in spec.fields)) {
      problems.push(`unknown field '${field}' for ${spec.kind} (known: ${Object.keys(spec.fields).join(', ')})`);
      continue;
    }
    if (header === null) continue;
    let at = headers.indexOf(header);
    if (at < 0) at = keys.indexOf(headerKey(header));
    if (at < 0) {
      problems.push(`column '${header}' (for ${field}) is not in the file`);
      continue;
    }
    index.set(field, at);
    taken.add(at);
    choices.push({ field, header: headers[at] ?? header, index: at, via: 'mapping' });
  }
  for (const [field, fs] of Object.entries(spec.fields)) {
    if (field in explicit) continue;
    for (const alias of fs.aliases) {
      const at = keys.indexOf(headerKey(alias));
      if (at >= 0 && !taken.has(at)) {
        index.set(field, at);
        taken.add(at);
        choices.push({ field, header: headers[at] ?? alias, index: at, via: 'alias' });
        break;
      }
    }
  }
  const missing = Object.entries(spec.fields).filter(([field, fs]) => fs.required && !index.has(field));
  const standsIn = (fs: (typeof missing)[number][1]) => fs.fallback !== undefined && index.has(fs.fallback);
  const missingRequired = missing.filter(([, fs]) => !standsIn(fs)).map(([field]) => field);
  const fallbacks = missing
    .filter(([, fs]) => standsIn(fs))
    .map(([field, fs]) => ({ field, from: fs.fallback as string }));
  const unusedHeaders = headers.filter((h, i) => h !== '' && !taken.has(i));
  return { index, choices, missingRequired, fallbacks, mappingProblems: problems, unusedHeaders };
}
